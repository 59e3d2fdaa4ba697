/**
 * The zod rule of one field of the tables in fields.ts, and the words of a failure: the field, the
 * value (unless secret) and what is accepted. Function inputs and the provider configuration both
 * use these, so a field is checked and explained the same way wherever it comes from.
 */
import { z } from "zod";
import { FieldSpec, MAX_LIST_ITEMS, MAX_STRING_LENGTH } from "./fields";
import { FORMATS } from "./formats";
import { KNOWN_STATES } from "./states";
import { FieldRef, SECRET, text, Text } from "./text";

export interface RuleOptions {
  /**
   * Provider configuration: the engine sends stack config as strings, so integers may be "5";
   * whitespace around a string (a token pasted with its newline) is dropped.
   */
  config?: boolean;
}

// The years RFC 3339 can write. A time with an offset near either end is outside them in UTC,
// which is how it is sent (utcTime in jobQuery.ts), and would come out as "+010000-..." or "-000001-...".
const FIRST_INSTANT = Date.parse("0000-01-01T00:00:00Z");
const LAST_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");
const RFC3339_ACCEPTED = "an RFC 3339 date-time such as 2023-12-08T08:30:56Z, in the years 0000 to 9999 once in UTC";

function stringRule(spec: FieldSpec, opts: RuleOptions): z.ZodType {
  if (spec.enum) return z.enum(spec.enum as [string, ...string[]]);
  if (spec.rfc3339) {
    return z.iso.datetime({ offset: true }).superRefine((v, ctx) => {
      const at = Date.parse(v);
      if (!(at >= FIRST_INSTANT && at <= LAST_INSTANT))
        ctx.addIssue({ code: "custom", message: `its UTC time is outside the years 0000 to 9999; expected ${RFC3339_ACCEPTED}` });
    });
  }
  const text = (opts.config ? z.string().trim() : z.string()).max(spec.maxLength ?? MAX_STRING_LENGTH);
  const format = spec.format && FORMATS[spec.format];
  if (!format) return text;
  return text
    .superRefine((v, ctx) => {
      const problem = format.problem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((v) => format.normalise?.(v) ?? v);
}

export function zodFor(spec: FieldSpec, opts: RuleOptions = {}): z.ZodType {
  switch (spec.type) {
    case "integer": {
      const n = z
        .number()
        .int()
        .min(spec.min ?? -Infinity)
        .max(spec.max ?? Infinity);
      return opts.config ? z.preprocess((v) => (typeof v === "string" && /^\s*-?\d{1,16}\s*$/.test(v) ? Number(v) : v), n) : n;
    }
    case "boolean":
      return z.boolean();
    case "string":
      return stringRule(spec, opts);
    case "stringList":
      return z.array(stringRule(spec, opts)).min(1).max(MAX_LIST_ITEMS);
  }
}

export function describeAccepted(spec: FieldSpec): string {
  switch (spec.type) {
    case "integer":
      return `an integer from ${spec.min ?? "-∞"} to ${spec.max ?? "∞"}`;
    case "boolean":
      return "true or false";
    case "string": {
      if (spec.enum) return `one of ${spec.enum.join(", ")}`;
      if (spec.rfc3339) return RFC3339_ACCEPTED;
      const what = spec.format ? FORMATS[spec.format].accepted : "a string";
      return `${what}, at most ${spec.maxLength ?? MAX_STRING_LENGTH} characters`;
    }
    case "stringList": {
      const items =
        spec.enum === KNOWN_STATES
          ? `known states (${KNOWN_STATES.join(", ")})`
          : spec.enum
            ? spec.enum.join(", ")
            : `strings of at most ${spec.maxLength ?? MAX_STRING_LENGTH} characters`;
      return `a non-empty list of ${items}, at most ${MAX_LIST_ITEMS} of them`;
    }
  }
}

/** Stands in for a value a failure must not repeat. */
export const HIDDEN_VALUE = text`(a ${SECRET} value)`;

/** A value as a failure quotes it: JSON, at most 120 characters, a URL's user info masked. */
export function show(value: unknown): string {
  let s = JSON.stringify(value);
  if (s === undefined) return String(value);
  s = s.replace(/^("?[a-z][a-z0-9+.-]*:\/\/)[^/?#"]*@/i, "$1***@");
  return s.length > 120 ? s.slice(0, 117) + "..." : s;
}

/** `<label> is <value>; <what is wrong or accepted>`, from the first issue zod found with the value. */
export function valueFailure(
  label: FieldRef,
  spec: FieldSpec,
  value: unknown,
  issue: { code: string; message: string } | undefined,
  hidden: boolean,
): Text {
  const reason = issue?.code === "custom" ? issue.message : `expected ${describeAccepted(spec)}`;
  return text`${label} is ${hidden ? HIDDEN_VALUE : show(value)}; ${reason}`;
}
