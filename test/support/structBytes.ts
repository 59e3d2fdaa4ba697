/**
 * An InvokeRequest written byte by byte, so a test can send what google-protobuf's own classes
 * cannot hold: a Struct key named "__proto__" (their map drops it), or nesting of any depth.
 */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

function delimited(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag, ...varint(content.length)]), content]);
}

function value(v: unknown): Buffer {
  if (v instanceof EncodedValue) return v.bytes;
  if (v === null || v === undefined) return Buffer.from([0x08, 0]);
  if (typeof v === "string") return delimited(0x1a, Buffer.from(v, "utf8"));
  if (typeof v === "boolean") return Buffer.from([0x20, v ? 1 : 0]);
  if (typeof v === "number") {
    const b = Buffer.alloc(9);
    b[0] = 0x11;
    b.writeDoubleLE(v, 1);
    return b;
  }
  if (Array.isArray(v)) return delimited(0x32, Buffer.concat(v.map((x) => delimited(0x0a, value(x)))));
  return delimited(0x2a, struct(v as Record<string, unknown>));
}

/** Every own key, "__proto__" included (build the object with JSON.parse or defineProperty). */
export function struct(o: Record<string, unknown>): Buffer {
  return Buffer.concat(
    Object.keys(o).map((k) => delimited(0x0a, Buffer.concat([delimited(0x0a, Buffer.from(k, "utf8")), delimited(0x12, value(o[k]))]))),
  );
}

/** A value already encoded, placed as it is (see nestedValue). */
export class EncodedValue {
  constructor(readonly bytes: Buffer) {}
}

export function invokeRequestBytes(tok: string, args: Record<string, unknown>, preview = false): Buffer {
  return Buffer.concat([
    delimited(0x0a, Buffer.from(tok, "utf8")),
    delimited(0x12, struct(args)),
    ...(preview ? [Buffer.from([0x38, 1])] : []),
  ]);
}

/** A string nested `depth` lists deep, encoded without recursion (a JS value that deep would not be). */
export function nested(depth: number): EncodedValue {
  let bytes = value("x");
  for (let i = 0; i < depth; i++) bytes = delimited(0x32, delimited(0x0a, bytes));
  return new EncodedValue(bytes);
}
