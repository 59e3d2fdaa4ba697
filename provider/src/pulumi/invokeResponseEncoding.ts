/**
 * Encodes a pulumirpc.InvokeResponse straight from plain JavaScript to protobuf bytes.
 *
 * google-protobuf's Struct.fromJavaScript builds a message object per value, then serializes it,
 * which costs most of a large listing's time and memory (docs/benchmarks.md). This writes the same
 * bytes in two passes (sizes, then bytes) into one buffer. A test decodes the output with the
 * generated InvokeResponse class and compares it with Struct.fromJavaScript's.
 *
 *   InvokeResponse { Struct return = 1; repeated CheckFailure failures = 2; }
 *   CheckFailure   { string property = 1; string reason = 2; }
 *   Struct         { map<string, Value> fields = 1; }   (entry: key = 1, value = 2)
 *   Value          { null = 1 (varint), number = 2 (double), string = 3, bool = 4, struct = 5, list = 6 }
 *   ListValue      { repeated Value values = 1; }
 */

/**
 * A ListValue whose entries were encoded earlier (by encodeRenamedEntries), copied as they are.
 * getTrainingJobs encodes each page as it arrives, so the answer is assembled, not re-walked.
 */
export class EncodedList {
  readonly byteLength: number;

  constructor(readonly entries: readonly Uint8Array[]) {
    let n = 0;
    for (const e of entries) n += e.length;
    this.byteLength = n;
  }
}

/** A field copied from a source object under another key (e.g. `job_id` written as `jobId`). */
export interface RenamedField {
  readonly from: string;
  /** The encoded map key entry: tag, length and UTF-8 bytes of the output key. */
  readonly keyEntry: Uint8Array;
}

/** The fields to copy, by source key. The output order is the source object's key order. */
export type RenamedFields = ReadonlyMap<string, RenamedField>;

export function renamedFields(mapping: ReadonlyArray<readonly [from: string, to: string]>): RenamedFields {
  return new Map(
    mapping.map(([from, to]) => {
      const key = Buffer.from(to, "utf8");
      if (key.length >= 0x80) throw new RangeError(`output key ${to} is too long`);
      return [from, { from, keyEntry: Uint8Array.from([0x0a, key.length, ...key]) }] as const;
    }),
  );
}

export interface Failure {
  property: string;
  reason: string;
}

/**
 * Strings up to this length are measured and copied in JS, longer ones natively: a native call
 * costs more than the loop for a short string, and the loop more than the call for a long one
 * (measured on job fields: ids, times, names, URLs).
 */
const SHORT_STRING = 16;

function utf8Length(s: string): number {
  if (s.length > SHORT_STRING) return Buffer.byteLength(s, "utf8");
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, "utf8");
  return s.length;
}

function varintSize(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;
}

/** Sizes of every nested message and string, in the order the write pass needs them. */
class SizePass {
  readonly sizes: number[] = [];

  /** Size of a Value message's content. */
  value(v: unknown): number {
    switch (typeof v) {
      case "string": {
        const n = utf8Length(v);
        this.sizes.push(n);
        return 1 + varintSize(n) + n;
      }
      case "number":
        return 9;
      case "boolean":
        return 2;
      case "object": {
        if (v === null) return 2;
        if (v instanceof EncodedList) {
          this.sizes.push(v.byteLength);
          return 1 + varintSize(v.byteLength) + v.byteLength;
        }
        const slot = this.sizes.length;
        this.sizes.push(0);
        const n = Array.isArray(v) ? this.list(v) : this.struct(v as Record<string, unknown>);
        this.sizes[slot] = n;
        return 1 + varintSize(n) + n;
      }
      default:
        throw new TypeError(`cannot encode a ${typeof v} in a protobuf Struct`);
    }
  }

  list(items: readonly unknown[]): number {
    let total = 0;
    for (const item of items) {
      const slot = this.sizes.length;
      this.sizes.push(0);
      const n = this.value(item);
      this.sizes[slot] = n;
      total += 1 + varintSize(n) + n;
    }
    return total;
  }

  /**
   * Like struct() over the fields named in `fields` only, null and absent values left out. Each
   * kept field and value is recorded, so the write pass reads no property a second time (keyed
   * reads with varying keys were most of the encoder's time).
   */
  renamedStruct(o: Record<string, unknown>, fields: RenamedFields, kept: unknown[]): number {
    let total = 0;
    for (const key in o) {
      const v = o[key];
      if (v === undefined || v === null) continue;
      const f = fields.get(key);
      if (f === undefined) continue;
      kept.push(f, v);
      const slot = this.sizes.length;
      this.sizes.push(0);
      const valueLen = this.value(v);
      this.sizes[slot] = valueLen;
      const entry = f.keyEntry.length + 1 + varintSize(valueLen) + valueLen;
      total += 1 + varintSize(entry) + entry;
    }
    return total;
  }

  struct(o: Record<string, unknown>): number {
    let total = 0;
    for (const key in o) {
      const v = o[key];
      if (v === undefined) continue;
      const entrySlot = this.sizes.length;
      this.sizes.push(0, 0, 0);
      const keyLen = utf8Length(key);
      const valueLen = this.value(v);
      const entry = 1 + varintSize(keyLen) + keyLen + 1 + varintSize(valueLen) + valueLen;
      this.sizes[entrySlot] = entry;
      this.sizes[entrySlot + 1] = keyLen;
      this.sizes[entrySlot + 2] = valueLen;
      total += 1 + varintSize(entry) + entry;
    }
    return total;
  }
}

class Writer {
  pos = 0;
  private next = 0;

  constructor(
    readonly buf: Buffer,
    private readonly sizes: readonly number[],
  ) {}

  private byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  varint(n: number): void {
    while (n >= 0x80) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.pos++] = n;
  }

  /** Writes a string whose byte length is already known. */
  private rawString(s: string, len: number): void {
    this.varint(len);
    if (len === s.length && len <= SHORT_STRING) {
      const buf = this.buf;
      let pos = this.pos;
      for (let i = 0; i < len; i++) buf[pos++] = s.charCodeAt(i);
      this.pos = pos;
      return;
    }
    // All-ASCII strings (byte length = length) take the cheaper latin1 path.
    this.pos += this.buf.write(s, this.pos, len, len === s.length ? "latin1" : "utf8");
  }

  value(v: unknown): void {
    switch (typeof v) {
      case "string":
        this.byte(0x1a);
        this.rawString(v, this.sizes[this.next++]);
        return;
      case "number":
        this.byte(0x11);
        this.pos = this.buf.writeDoubleLE(v, this.pos);
        return;
      case "boolean":
        this.byte(0x20);
        this.byte(v ? 1 : 0);
        return;
      default: {
        if (v === null) {
          this.byte(0x08);
          this.byte(0);
          return;
        }
        const n = this.sizes[this.next++];
        if (v instanceof EncodedList) {
          this.byte(0x32);
          this.varint(n);
          for (const entry of v.entries) {
            this.buf.set(entry, this.pos);
            this.pos += entry.length;
          }
        } else if (Array.isArray(v)) {
          this.byte(0x32);
          this.varint(n);
          this.list(v);
        } else {
          this.byte(0x2a);
          this.varint(n);
          this.struct(v as Record<string, unknown>);
        }
      }
    }
  }

  list(items: readonly unknown[]): void {
    for (const item of items) {
      this.byte(0x0a);
      this.varint(this.sizes[this.next++]);
      this.value(item);
    }
  }

  /** Writes `count` fields recorded by SizePass.renamedStruct, from `kept[at]` on. */
  renamedStruct(kept: readonly unknown[], at: number, count: number): void {
    for (let i = at; i < at + 2 * count; i += 2) {
      const f = kept[i] as RenamedField;
      const v = kept[i + 1];
      const valueLen = this.sizes[this.next++];
      this.byte(0x0a);
      this.varint(f.keyEntry.length + 1 + varintSize(valueLen) + valueLen);
      // Keys are a few bytes: a loop beats TypedArray.prototype.set's call.
      const key = f.keyEntry;
      for (let k = 0; k < key.length; k++) this.buf[this.pos++] = key[k];
      this.byte(0x12);
      this.varint(valueLen);
      this.value(v);
    }
  }

  struct(o: Record<string, unknown>): void {
    for (const key in o) {
      const v = o[key];
      if (v === undefined) continue;
      const entry = this.sizes[this.next++];
      const keyLen = this.sizes[this.next++];
      const valueLen = this.sizes[this.next++];
      this.byte(0x0a);
      this.varint(entry);
      this.byte(0x0a);
      this.rawString(key, keyLen);
      this.byte(0x12);
      this.varint(valueLen);
      this.value(v);
    }
  }

  string(fieldTag: number, s: string): void {
    this.byte(fieldTag);
    this.rawString(s, Buffer.byteLength(s, "utf8"));
  }
}

/**
 * Each object as a complete ListValue entry holding a Struct of `fields` under their new keys, in
 * the object's key order: the bytes a list of renamed copies would encode to, without the copies.
 */
export function encodeRenamedEntries(objects: ReadonlyArray<Record<string, unknown>>, fields: RenamedFields): Uint8Array[] {
  const pass = new SizePass();
  const kept: unknown[] = [];
  const structLens = new Array<number>(objects.length);
  const keptAt = new Array<number>(objects.length + 1);
  let total = 0;
  for (let i = 0; i < objects.length; i++) {
    keptAt[i] = kept.length;
    const n = pass.renamedStruct(objects[i], fields, kept);
    structLens[i] = n;
    const valueLen = 1 + varintSize(n) + n;
    total += 1 + varintSize(valueLen) + valueLen;
  }
  keptAt[objects.length] = kept.length;
  const w = new Writer(Buffer.allocUnsafe(total), pass.sizes);
  const entries = new Array<Uint8Array>(objects.length);
  for (let i = 0; i < objects.length; i++) {
    const start = w.pos;
    const n = structLens[i];
    w.buf[w.pos++] = 0x0a;
    w.varint(1 + varintSize(n) + n);
    w.buf[w.pos++] = 0x2a;
    w.varint(n);
    w.renamedStruct(kept, keptAt[i], (keptAt[i + 1] - keptAt[i]) / 2);
    entries[i] = w.buf.subarray(start, w.pos);
  }
  if (w.pos !== total) throw new Error(`renamed encoding wrote ${w.pos} of ${total} bytes`);
  return entries;
}

/** The bytes of an InvokeResponse. `undefined` fields are omitted, as absent outputs must be. */
export function encodeInvokeResponse(ret: Record<string, unknown> | undefined, failures: readonly Failure[] = []): Buffer {
  const pass = new SizePass();
  const structLen = ret ? pass.struct(ret) : 0;
  let total = ret ? 1 + varintSize(structLen) + structLen : 0;
  const failureLens = failures.map((f) => {
    const p = Buffer.byteLength(f.property, "utf8");
    const r = Buffer.byteLength(f.reason, "utf8");
    const n = (p ? 1 + varintSize(p) + p : 0) + (r ? 1 + varintSize(r) + r : 0);
    total += 1 + varintSize(n) + n;
    return n;
  });
  const w = new Writer(Buffer.allocUnsafe(total), pass.sizes);
  if (ret) {
    w.buf[w.pos++] = 0x0a;
    w.varint(structLen);
    w.struct(ret);
  }
  failures.forEach((f, i) => {
    w.buf[w.pos++] = 0x12;
    w.varint(failureLens[i]);
    if (f.property) w.string(0x0a, f.property);
    if (f.reason) w.string(0x12, f.reason);
  });
  if (w.pos !== total) throw new Error(`InvokeResponse encoding wrote ${w.pos} of ${total} bytes`);
  return w.buf;
}
