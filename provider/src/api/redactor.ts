/**
 * Takes secrets out of text: configured credentials, the inputs a program marked secret, and the
 * signature of a request. Every text that did not come from the plugin itself (an answer's error
 * message, a header echoed back, a transport error) passes through one of these before it is part
 * of an error or a log line.
 *
 * A secret is searched for as given, as JSON quotes it and as it appears in a request line
 * (percent- or form-encoded). Secrets of fewer than four characters are replaced only where they
 * stand alone, between characters that are not letters or digits: "7" or "ab" found inside any
 * word would garble every message, yet they must not show either.
 */
import { percentEncode } from "./signer";

export const SECRET_MARK = "[secret]";

/** Shorter secrets are matched only as whole tokens. */
const SHORT = 4;

function forms(value: string): string[] {
  const out = [value, JSON.stringify(value).slice(1, -1)];
  try {
    const encoded = encodeURIComponent(value);
    out.push(percentEncode(value), encoded, encoded.replace(/%20/g, "+"));
  } catch {
    // A lone surrogate cannot be percent-encoded, so it cannot be in a request line either.
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class Redactor {
  static readonly none = new Redactor([]);

  private pattern: RegExp | null | undefined;
  private longest = 0;

  private constructor(private readonly values: readonly string[]) {}

  /** Strings, numbers and booleans count; other values are looked into. */
  static of(...sources: unknown[]): Redactor {
    const values: string[] = [];
    const collect = (v: unknown, depth: number): void => {
      if (typeof v === "string") {
        if (v !== "") values.push(v);
      } else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") {
        values.push(String(v));
      } else if (v instanceof Redactor) {
        values.push(...v.values);
      } else if (v && typeof v === "object" && depth < 16) {
        for (const x of Array.isArray(v) ? v : Object.values(v)) collect(x, depth + 1);
      }
    };
    for (const s of sources) collect(s, 0);
    return values.length ? new Redactor([...new Set(values)]) : Redactor.none;
  }

  with(...sources: unknown[]): Redactor {
    return Redactor.of(this, ...sources);
  }

  /** Length of the longest text a secret may appear as: a cut further than this keeps it whole. */
  get reach(): number {
    this.compiled();
    return this.longest;
  }

  redact(text: string): string {
    const pattern = this.compiled();
    return pattern ? text.replace(pattern, SECRET_MARK) : text;
  }

  private compiled(): RegExp | null {
    if (this.pattern !== undefined) return this.pattern;
    const all = new Set<string>();
    for (const v of this.values) for (const f of forms(v)) all.add(f);
    for (const f of all) this.longest = Math.max(this.longest, f.length);
    // Longest first, so a secret is replaced whole before any shorter secret inside it.
    const alternatives = [...all]
      .sort((a, b) => b.length - a.length)
      .map((f) => (f.length < SHORT ? `(?<![\\p{L}\\p{N}])${escapeRegExp(f)}(?![\\p{L}\\p{N}])` : escapeRegExp(f)));
    this.pattern = alternatives.length ? new RegExp(alternatives.join("|"), "gu") : null;
    return this.pattern;
  }
}
