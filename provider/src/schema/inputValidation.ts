/**
 * Validates function inputs with zod rules derived from the field tables (fieldRules.ts), and words
 * every problem as a failure a person can act on: the field, the value given (unless the program
 * marked it secret) and what is accepted.
 */
import { z } from "zod";
import { quotedName } from "../api/untrustedText";
import { FieldSpec } from "./fields";
import type { InputsOf } from "./fieldTypes";
import { describeAccepted, HIDDEN_VALUE, show, valueFailure, zodFor } from "./fieldRules";
import { KNOWN_STATES, nearestKnownState } from "./states";
import { editDistance } from "./editDistance";
import { inputName, join, text, Text, TextPart } from "./text";

/**
 * Something wrong with one field: `property` is its table name (or, for a name that is no field,
 * that name as a message may quote it); `reason` names fields as references.
 */
export interface InputFailure {
  property: string;
  reason: Text;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; failures: InputFailure[] };

/** `secret`: inputs the caller marked secret, whose values failures never quote. */
export type Validator<T> = (args: Readonly<Record<string, unknown>>, secret?: ReadonlySet<string>) => Validated<T>;

/** The names of a table, each a reference, comma-separated. */
export function namesOf(names: readonly string[], ref: (name: string) => TextPart = inputName): TextPart[] {
  return names.flatMap((n, i) => (i ? [", ", ref(n)] : [ref(n)]));
}

/** A failure list stays readable (and its message small) however many keys a program sends. */
const MAX_FAILURES = 20;
/** Longest unknown input name quoted back. */
const MAX_NAME_SHOWN = 64;

/** Edit distance is cheap here: input names are short and few. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_NAME_SHOWN) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** An input name as a failure quotes it: as it is when ordinary, else JSON-quoted and cut. */
const nameShown = (key: string) => quotedName(key, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/, MAX_NAME_SHOWN);

function failureFor(name: string, spec: FieldSpec, value: unknown, issue: z.core.$ZodIssue, hidden: boolean): InputFailure {
  if (spec.type === "stringList" && spec.enum && Array.isArray(value)) {
    const accepted = new Set(spec.enum);
    const bad: unknown = (value as unknown[]).find((v) => typeof v !== "string" || !accepted.has(v));
    if (value.length > 0 && typeof bad === "string") {
      // The nearest known state would say much about a secret one.
      const hint = spec.enum === KNOWN_STATES && !hidden ? `did you mean ${nearestKnownState(bad.slice(0, 64))}? ` : "";
      return {
        property: name,
        reason: text`${inputName(name)} contains ${hidden ? HIDDEN_VALUE : show(bad)}, which is not a known value; ${hint}accepted: ${describeAccepted(spec)}`,
      };
    }
    if (value.length === 0) {
      return {
        property: name,
        reason: text`${inputName(name)} is an empty list, which would match nothing; omit it to match every value, or give ${describeAccepted(spec)}`,
      };
    }
  }
  return { property: name, reason: valueFailure(inputName(name), spec, value, issue, hidden || spec.secret === true) };
}

/**
 * A validator for one function's inputs: unknown names are refused, defaults applied. `secret`
 * names the inputs the program marked secret: their values are never quoted.
 */
export function makeValidator<T extends Readonly<Record<string, FieldSpec>>>(fields: T): Validator<InputsOf<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries<FieldSpec>(fields)) shape[name] = zodFor(spec).optional();
  const schema = z.strictObject(shape);
  const names = Object.keys(fields);
  return (args, secret = new Set()) => {
    const result = schema.safeParse(args);
    if (!result.success) {
      const failures: InputFailure[] = [];
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) {
            const guess = closest(key, names);
            failures.push({
              property: nameShown(key),
              reason: text`${nameShown(key)} is not an input of this function${guess ? text` (did you mean ${inputName(guess)}?)` : ""}; accepted inputs: ${namesOf(names)}`,
            });
          }
          continue;
        }
        const name = String(issue.path[0]);
        if (seen.has(name)) continue;
        seen.add(name);
        failures.push(failureFor(name, fields[name], args[name], issue, secret.has(name)));
      }
      if (failures.length > MAX_FAILURES) {
        const more = failures.length - MAX_FAILURES;
        failures.length = MAX_FAILURES;
        const last = failures[MAX_FAILURES - 1];
        failures[MAX_FAILURES - 1] = { ...last, reason: join(last.reason, ` (and ${more} more problems with the inputs)`) };
      }
      return { ok: false, failures };
    }
    const value: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries<FieldSpec>(fields)) {
      const v = (result.data as Record<string, unknown>)[name];
      if (v !== undefined) value[name] = v;
      else if (spec.default !== undefined) value[name] = spec.default;
    }
    // Every field of the table went through its rule and the defaults are in: this is the table's
    // input type (fieldTypes.ts), which zod cannot see through the shape built above.
    return { ok: true, value: value as InputsOf<T> };
  };
}
