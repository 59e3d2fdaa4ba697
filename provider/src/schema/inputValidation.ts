/**
 * Validates function inputs with zod schemas derived from the field tables, and words every
 * problem as a failure a person can act on: the field, the value given and what is accepted.
 */
import { z } from "zod";
import { FieldSpec } from "./fields";
import { nearestKnownState, KNOWN_STATES } from "./states";

export interface InputFailure {
  property: string;
  reason: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; failures: InputFailure[] };

function zodFor(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case "integer":
      return z.number().int().min(spec.min ?? -Infinity).max(spec.max ?? Infinity);
    case "number":
      return z.number().min(spec.min ?? -Infinity).max(spec.max ?? Infinity);
    case "boolean":
      return z.boolean();
    case "string": {
      if (spec.enum) return z.enum(spec.enum as [string, ...string[]]);
      if (spec.rfc3339) return z.iso.datetime({ offset: true });
      return z.string();
    }
    case "stringList": {
      const item = spec.enum ? z.enum(spec.enum as [string, ...string[]]) : z.string();
      return z.array(item).min(1);
    }
  }
}

export function describeAccepted(spec: FieldSpec): string {
  switch (spec.type) {
    case "integer":
      return `an integer from ${spec.min ?? "-∞"} to ${spec.max ?? "∞"}`;
    case "number":
      return `a number from ${spec.min ?? "-∞"} to ${spec.max ?? "∞"}`;
    case "boolean":
      return "true or false";
    case "string":
      if (spec.enum) return `one of ${spec.enum.join(", ")}`;
      if (spec.rfc3339) return "an RFC 3339 date-time such as 2023-12-08T08:30:56Z";
      return "a string";
    case "stringList":
      return spec.enum === KNOWN_STATES
        ? `a non-empty list of known states (${KNOWN_STATES.join(", ")})`
        : spec.enum
          ? `a non-empty list of ${spec.enum.join(", ")}`
          : "a non-empty list of strings";
  }
}

function show(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 120 ? s.slice(0, 117) + "..." : s;
}

/** Edit distance is cheap here: input names are short and few. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  return bestScore <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

function failureFor(name: string, spec: FieldSpec, value: unknown): InputFailure {
  if (spec.type === "stringList" && spec.enum && Array.isArray(value)) {
    const accepted = new Set(spec.enum);
    const bad = value.find((v) => typeof v !== "string" || !accepted.has(v));
    if (value.length > 0 && typeof bad === "string") {
      const hint = spec.enum === KNOWN_STATES ? `did you mean ${nearestKnownState(bad)}? ` : "";
      return {
        property: name,
        reason: `${name} contains ${show(bad)}, which is not a known value; ${hint}accepted: ${describeAccepted(spec)}`,
      };
    }
    if (value.length === 0) {
      return { property: name, reason: `${name} is an empty list, which would match nothing; omit it to match every value, or give ${describeAccepted(spec)}` };
    }
  }
  const shown = spec.secret ? "(a secret value)" : show(value);
  return { property: name, reason: `${name} is ${shown}; expected ${describeAccepted(spec)}` };
}

/** A validator for one function's inputs: unknown names are refused, defaults applied. */
export function makeValidator<T>(fields: Readonly<Record<string, FieldSpec>>): (args: Record<string, unknown>) => Validated<T> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(fields)) shape[name] = zodFor(spec).optional();
  const schema = z.strictObject(shape);
  const names = Object.keys(fields);
  return (args) => {
    const result = schema.safeParse(args);
    if (!result.success) {
      const failures: InputFailure[] = [];
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) {
            const guess = closest(key, names);
            failures.push({
              property: key,
              reason: `${key} is not an input of this function${guess ? ` (did you mean ${guess}?)` : ""}; accepted inputs: ${names.join(", ")}`,
            });
          }
          continue;
        }
        const name = String(issue.path[0]);
        if (seen.has(name)) continue;
        seen.add(name);
        failures.push(failureFor(name, fields[name], args[name]));
      }
      return { ok: false, failures };
    }
    const value: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(fields)) {
      const v = (result.data as Record<string, unknown>)[name];
      if (v !== undefined) value[name] = v;
      else if (spec.default !== undefined) value[name] = spec.default;
    }
    return { ok: true, value: value as T };
  };
}
