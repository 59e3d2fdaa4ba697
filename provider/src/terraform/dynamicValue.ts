/**
 * Terraform's values on the wire: DynamicValue msgpack (cty's encoding), read and written with
 * @msgpack/msgpack. Objects carry every attribute of their type (absent ones as nil); a value not
 * known yet is the extension type 0 (or 12, with refinements, from newer clients).
 */
import { decode, Encoder, ExtData, ExtensionCodec } from "@msgpack/msgpack";
import type { DynamicValue } from "./generated/tfplugin6";

/** A value Terraform does not know yet (during plan). */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;

const codec = new ExtensionCodec();
codec.register({ type: UNKNOWN_EXT, encode: () => null, decode: () => UNKNOWN });
codec.register({ type: REFINED_UNKNOWN_EXT, encode: () => null, decode: () => UNKNOWN });

const encoder = new Encoder({ extensionCodec: codec });

export type TfValue = null | string | number | boolean | Unknown | TfValue[] | { [k: string]: TfValue };
export type TfObject = { [k: string]: TfValue };

/** cty writes an unknown as fixext1 of type 0 (its content ignored). */
const UNKNOWN_ON_WIRE = new ExtData(UNKNOWN_EXT, new Uint8Array([0]));

function wireForm(v: TfValue): unknown {
  if (v === UNKNOWN) return UNKNOWN_ON_WIRE;
  if (Array.isArray(v)) return v.map(wireForm);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = wireForm(x);
    return out;
  }
  return v;
}

export function encodeValue(v: TfValue): Buffer {
  return Buffer.from(encoder.encode(wireForm(v)));
}

/** A value known to hold no unknowns (an API job, a count): encoded as it is, without the walk. */
export function encodeKnown(v: unknown): Uint8Array {
  return encoder.encode(v);
}

/**
 * Known values encoded one after another into one buffer, one view each: a page of jobs is one
 * allocation instead of one per job (the encoder's own encode copies each value out on its own).
 */
export function encodeKnownEach(values: readonly unknown[]): Uint8Array[] {
  let buf = new Uint8Array(values.length * 1024);
  let pos = 0;
  const ends = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const bytes = encoder.encodeSharedRef(values[i]);
    if (pos + bytes.length > buf.length) {
      const grown = new Uint8Array(Math.max(buf.length * 2, pos + bytes.length));
      grown.set(buf.subarray(0, pos));
      buf = grown;
    }
    buf.set(bytes, pos);
    pos += bytes.length;
    ends[i] = pos;
  }
  // One copy of the page to its exact size: the views would otherwise keep the unused tail alive.
  const exact = buf.slice(0, pos);
  return ends.map((end, i) => exact.subarray(i === 0 ? 0 : ends[i - 1], end));
}

export function toDynamicValue(v: TfValue): DynamicValue {
  return { msgpack: encodeValue(v), json: Buffer.alloc(0) };
}

/** A DynamicValue as sent by Terraform: msgpack, or JSON from older clients. Empty is null. */
export function fromDynamicValue(dv: DynamicValue | undefined): TfValue {
  if (!dv) return null;
  if (dv.msgpack.length > 0) return decode(dv.msgpack, { extensionCodec: codec }) as TfValue;
  if (dv.json.length > 0) return JSON.parse(dv.json.toString("utf8")) as TfValue;
  return null;
}

/** msgpack headers, for answers assembled from parts encoded earlier (see terraformJobs.ts). */
export function mapHeader(n: number): Uint8Array {
  if (n < 16) return Uint8Array.of(0x80 | n);
  if (n < 0x10000) return Uint8Array.of(0xde, n >> 8, n & 0xff);
  return Uint8Array.of(0xdf, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

export function arrayHeader(n: number): Uint8Array {
  if (n < 16) return Uint8Array.of(0x90 | n);
  if (n < 0x10000) return Uint8Array.of(0xdc, n >> 8, n & 0xff);
  return Uint8Array.of(0xdd, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

/**
 * An object whose attribute values are msgpack bytes already, as the parts to concatenate: a
 * large answer is copied once, into the message that carries it (readDataSourceAnswer.ts).
 */
export function objectOfParts(parts: ReadonlyArray<readonly [string, Uint8Array | readonly Uint8Array[]]>): Uint8Array[] {
  const chunks: Uint8Array[] = [mapHeader(parts.length)];
  for (const [key, value] of parts) {
    chunks.push(encoder.encode(key));
    if (value instanceof Uint8Array) chunks.push(value);
    else for (const part of value) chunks.push(part);
  }
  return chunks;
}
