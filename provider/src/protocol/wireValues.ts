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
  /** Every string inside a secret, so messages about these inputs can leave them out. */
  secretStrings: string[];
}

function collectStrings(v: unknown, into: string[]): void {
  if (typeof v === "string") into.push(v);
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, into);
  else if (v && typeof v === "object") for (const x of Object.values(v)) collectStrings(x, into);
}

/** Marks a value secret on the wire: `getXOutput` callers get a secret Output for it. */
export function secretValue(value: unknown): Record<string, unknown> {
  return { [SPECIAL_SIG_KEY]: SECRET_SIG, value };
}

export function unwrapValue(input: unknown): Unwrapped {
  let hasUnknowns = false;
  let hadSecrets = false;
  const secretStrings: string[] = [];
  const walk = (v: unknown): unknown => {
    if (v === UNKNOWN_VALUE) {
      hasUnknowns = true;
      return undefined;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      const sig = o[SPECIAL_SIG_KEY];
      if (sig === SECRET_SIG) {
        hadSecrets = true;
        collectStrings(o.value, secretStrings);
        return walk(o.value);
      }
      if (sig === OUTPUT_VALUE_SIG) {
        if (o.secret === true) {
          hadSecrets = true;
          collectStrings(o.value, secretStrings);
        }
        if (!("value" in o)) {
          hasUnknowns = true;
          return undefined;
        }
        return walk(o.value);
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) {
        const w = walk(x);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    return v;
  };
  const value = walk(input);
  return { value, hasUnknowns, hadSecrets, secretStrings };
}
