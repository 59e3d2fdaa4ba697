/**
 * Commander options for the fields of a table (names.ts names them): lists take one value per
 * flag or a comma list, integers of seconds take a duration (`--timeout 1h`), booleans stand alone
 * for true or take `true`/`false`. Values are handed to the functions' own validators as the
 * providers hand theirs, so the rules and their words stay in one place.
 */
import { Option } from "commander";
import type { FieldSpec } from "../core";
import { parseDurationSeconds } from "../schema/duration";
import { UsageError } from "./exitCodes";
import { cliText, flagOf, isDuration } from "./names";

/** commander's attribute name of a flag: its camelCase. */
function attributeOf(flag: string): string {
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export function durationSeconds(flag: string, raw: string): number {
  const t = raw.trim();
  const seconds = /^\d+$/.test(t) ? Number(t) : parseDurationSeconds(t);
  if (seconds === undefined) {
    throw new UsageError(`--${flag} is ${JSON.stringify(raw)}; expected a duration such as 90s, 10m or 1h30m, or a number of seconds`);
  }
  return Math.ceil(seconds);
}

/** A value as the validator should judge it: numbers as numbers, anything else as given, so its failure quotes it. */
function integerValue(raw: string): number | string {
  return /^-?\d{1,16}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

function booleanValue(raw: string | boolean): boolean | string {
  if (typeof raw === "boolean") return raw;
  const t = raw.trim().toLowerCase();
  return t === "true" ? true : t === "false" ? false : raw;
}

function valueHint(field: string, spec: FieldSpec): string {
  if (isDuration(field, spec)) return "<duration>";
  switch (spec.type) {
    case "integer":
      return "<n>";
    case "boolean":
      return "[true|false]";
    case "stringList":
      return "<value,...>";
    case "string":
      return spec.rfc3339 ? "<rfc3339>" : "<value>";
  }
}

/** The table's description as help text: plain, the duration form said where a flag takes one. */
function helpText(field: string, spec: FieldSpec): string {
  const text = cliText(spec.description).replace(/`/g, "");
  return isDuration(field, spec) ? `${text} Here a duration: 90s, 10m, 1h30m, or seconds.` : text;
}

/** A commander option per field; lists repeat and split on commas. */
export function optionFor(field: string, spec: FieldSpec): Option {
  const flag = flagOf(field, spec);
  const option = new Option(`--${flag} ${valueHint(field, spec)}`, helpText(field, spec));
  switch (spec.type) {
    case "stringList":
      return option.argParser((v: string, previous: unknown) => [
        ...(Array.isArray(previous) ? (previous as string[]) : []),
        ...v.split(",").map((s) => s.trim()),
      ]);
    case "integer":
      return option.argParser((v: string) => (isDuration(field, spec) ? durationSeconds(flag, v) : integerValue(v)));
    case "boolean":
      return option.argParser((v: string) => booleanValue(v));
    case "string":
      return option;
  }
}

/** The fields' values among commander's parsed options, under the fields' names. */
export function fieldValues(
  options: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, FieldSpec>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(fields)) {
    const v = options[attributeOf(flagOf(field, spec))];
    if (v !== undefined) out[field] = spec.type === "boolean" ? booleanValue(v as string | boolean) : v;
  }
  return out;
}
