/**
 * Decodes a pulumirpc.InvokeRequest from its bytes, its `args` Struct into plain JavaScript with
 * every key kept.
 *
 * google-protobuf keeps a Struct's fields in a jspb.Map backed by a plain object, so a key named
 * "__proto__" replaces that object's prototype and vanishes before any code sees it: an input the
 * program sent would be silently ignored instead of refused. Reading the few fields Invoke needs
 * from the wire avoids that, and bounds nesting, which the generated decoder follows as deep as the
 * bytes go.
 *
 *   InvokeRequest { string tok = 1; Struct args = 2; bool preview = 7; }  (other fields skipped)
 *   Struct        { map<string, Value> fields = 1; }   (entry: key = 1, value = 2)
 *   Value         { null = 1 (varint), number = 2 (double), string = 3, bool = 4, struct = 5, list = 6 }
 *   ListValue     { repeated Value values = 1; }
 */

export interface DecodedInvoke {
  tok: string;
  args: Record<string, unknown>;
  preview: boolean;
  /** Why the request could not be read, when it could not. */
  invalid?: string;
}

/** Input values are flat (strings, numbers, lists of strings); nothing legitimate comes close. */
export const MAX_NESTING = 32;

export class InvokeDecodeError extends Error {}

class Reader {
  pos: number;

  constructor(
    readonly buf: Buffer,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.end) throw new InvokeDecodeError("truncated varint");
      const b = this.buf[this.pos++];
      if (shift < 49) result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new InvokeDecodeError("varint too long");
    }
  }

  /** The bounds of a length-delimited field's content, skipped over. */
  delimited(): [number, number] {
    const len = this.varint();
    const start = this.pos;
    if (start + len > this.end) throw new InvokeDecodeError("truncated field");
    this.pos += len;
    return [start, start + len];
  }

  double(): number {
    if (this.pos + 8 > this.end) throw new InvokeDecodeError("truncated double");
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.delimited();
    else if (wireType === 5) this.pos += 4;
    else throw new InvokeDecodeError(`unsupported wire type ${wireType}`);
    if (this.pos > this.end) throw new InvokeDecodeError("truncated field");
  }

  text([start, end]: [number, number]): string {
    return this.buf.toString("utf8", start, end);
  }
}

function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

function decodeStruct(buf: Buffer, [start, end]: [number, number], depth: number): Record<string, unknown> {
  if (depth > MAX_NESTING) throw new InvokeDecodeError(`the inputs are nested deeper than ${MAX_NESTING} levels`);
  const out: Record<string, unknown> = {};
  const r = new Reader(buf, start, end);
  while (!r.done) {
    const tag = r.varint();
    if (tag !== 0x0a) {
      r.skip(tag & 7);
      continue;
    }
    const entry = new Reader(buf, ...r.delimited());
    let key = "";
    let value: unknown = null;
    while (!entry.done) {
      const t = entry.varint();
      if (t === 0x0a) key = entry.text(entry.delimited());
      else if (t === 0x12) value = decodeValue(buf, entry.delimited(), depth + 1);
      else entry.skip(t & 7);
    }
    setKey(out, key, value);
  }
  return out;
}

function decodeValue(buf: Buffer, [start, end]: [number, number], depth: number): unknown {
  if (depth > MAX_NESTING) throw new InvokeDecodeError(`the inputs are nested deeper than ${MAX_NESTING} levels`);
  const r = new Reader(buf, start, end);
  let value: unknown = null;
  while (!r.done) {
    const tag = r.varint();
    switch (tag) {
      case 0x08:
        r.varint();
        value = null;
        break;
      case 0x11:
        value = r.double();
        break;
      case 0x1a:
        value = r.text(r.delimited());
        break;
      case 0x20:
        value = r.varint() !== 0;
        break;
      case 0x2a:
        value = decodeStruct(buf, r.delimited(), depth + 1);
        break;
      case 0x32: {
        const list: unknown[] = [];
        const l = new Reader(buf, ...r.delimited());
        while (!l.done) {
          const t = l.varint();
          if (t === 0x0a) list.push(decodeValue(buf, l.delimited(), depth + 1));
          else l.skip(t & 7);
        }
        value = list;
        break;
      }
      default:
        r.skip(tag & 7);
    }
  }
  return value;
}

/** Never throws: a request that cannot be read comes back with `invalid` saying why. */
export function decodeInvokeRequest(buf: Buffer): DecodedInvoke {
  const decoded: DecodedInvoke = { tok: "", args: {}, preview: false };
  try {
    const r = new Reader(buf);
    while (!r.done) {
      const tag = r.varint();
      if (tag === 0x0a) decoded.tok = r.text(r.delimited());
      else if (tag === 0x12) decoded.args = decodeStruct(buf, r.delimited(), 0);
      else if (tag === 0x38) decoded.preview = r.varint() !== 0;
      else r.skip(tag & 7);
    }
  } catch (err) {
    if (!(err instanceof InvokeDecodeError)) throw err;
    decoded.invalid = err.message;
  }
  return decoded;
}
