/**
 * Invoke inputs the program marked secret (e.g. `batchName: pulumi.secret(...)`): the answer is
 * marked secret too, as Pulumi does for functions. Keeping them out of messages is the job of
 * the request lines and failures that know which inputs are secret, with api/redactor.ts behind.
 */
import { secretValue } from "./wireValues";

/** Each output field of a result marked secret. */
export function markedSecret(result: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v === undefined ? v : secretValue(v)]));
}
