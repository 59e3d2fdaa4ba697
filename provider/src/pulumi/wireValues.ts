/**
 * Pulumi's special values inside protobuf Structs: secrets and output values arrive wrapped, and
 * the unknown sentinel stands for a value not known yet (preview). Inputs are unwrapped here.
 */
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface Unwrapped {
  value: unknown;
  hasUnknowns: boolean;
  hadSecrets: boolean;
  /** Every value inside a secret (strings, numbers, booleans), so messages can leave them out. */
  secretValues: unknown[];
  /** The top-level keys whose value is, or holds, a secret: messages never quote them. */
  secretKeys: Set<string>;
}

/** Marks a value secret on the wire: `getXOutput` callers get a secret Output for it. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
}

/** Beyond any input or config value; deeper nesting is cut off rather than recursed into. */
const MAX_DEPTH = 32;

export function unwrapValue(input: unknown): Unwrapped {
  let hasUnknowns = false;
  let hadSecrets = false;
  const secretValues: unknown[] = [];
  const secretKeys = new Set<string>();
  // The top-level key being walked, to record which inputs hold secrets.
  let topKey: string | undefined;
  const secret = (value: unknown) => {
    hadSecrets = true;
    secretValues.push(value);
    if (topKey !== undefined) secretKeys.add(topKey);
  };
  const walk = (v: unknown, depth: number): unknown => {
    if (v === UNKNOWN_VALUE) {
      hasUnknowns = true;
      return undefined;
    }
    if (depth > MAX_DEPTH) return null;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      const sig = Object.hasOwn(o, SPECIAL_SIG_KEY) ? o[SPECIAL_SIG_KEY] : undefined;
      if (sig === SECRET_SIG) {
        secret(o.value);
        return walk(o.value, depth + 1);
      }
      if (sig === OUTPUT_VALUE_SIG) {
        if (o.secret === true) secret(o.value);
        if (!Object.hasOwn(o, "value")) {
          hasUnknowns = true;
          return undefined;
        }
        return walk(o.value, depth + 1);
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) {
        if (depth === 0) topKey = k;
        const w = walk(x, depth + 1);
        // defineProperty, not assignment: a key named "__proto__" stays a key (and gets refused as
        // an unknown input) instead of replacing the object's prototype and vanishing.
        if (w !== undefined) Object.defineProperty(out, k, { value: w, enumerable: true, writable: true, configurable: true });
      }
      if (depth === 0) topKey = undefined;
      return out;
    }
    return v;
  };
  const value = walk(input, 0);
  return { value, hasUnknowns, hadSecrets, secretValues, secretKeys };
}
