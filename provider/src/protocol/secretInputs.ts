/**
 * Invoke inputs the program marked secret (e.g. `batchName: pulumi.secret(...)`): the answer is
 * marked secret too, as Pulumi does for functions, and no message about the invoke (failures,
 * errors, retry and progress logs, whose request lines carry the filters) repeats their values.
 */
import { percentEncode } from "../api/signer";
import { secretValue } from "./wireValues";

/** Values shorter than this are not searched for: "1" or "a" would garble every message. */
const MIN_REDACTED_LENGTH = 3;

export function redactor(secretStrings: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const s of secretStrings) {
    if (s.length < MIN_REDACTED_LENGTH) continue;
    // As given, as JSON quotes it, and as it appears percent-encoded in a request line.
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(percentEncode(s));
  }
  const longestFirst = [...forms].sort((a, b) => b.length - a.length);
  if (longestFirst.length === 0) return (text) => text;
  return (text) => longestFirst.reduce((t, form) => t.split(form).join("[secret]"), text);
}

/** Each output field of a result marked secret. */
export function markedSecret(result: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v === undefined ? v : secretValue(v)]));
}
