/**
 * The command line's names for the shared fields: every input of a function and every setting of
 * the configuration table is a flag, its name the field's in kebab-case, so a field added to a
 * table is a flag without a change here. Lists take one value per flag or a comma list and are
 * named in the singular (`states` is `--state`); integer `...Seconds` fields take a duration
 * (`timeoutSeconds` is `--timeout 1h`). Values are handed to the functions' own validators as the
 * providers hand theirs, so the rules and their words stay in one place; `cliWording` then names
 * the flag instead of the field.
 */
import { Option } from "commander";
import { CONFIG_FIELDS, FieldSpec, GET_TRAINING_JOBS_INPUTS, WAIT_FIELDS } from "../schema/fields";
import { parseDurationSeconds } from "../terraform/duration";
import { UsageError } from "./exitCodes";

const SECONDS_SUFFIX = "Seconds";

export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The flag of a field, without its dashes. */
export function flagOf(field: string, spec: FieldSpec): string {
  if (spec.type === "integer" && field.endsWith(SECONDS_SUFFIX)) return kebabCase(field.slice(0, -SECONDS_SUFFIX.length));
  if (spec.type === "stringList" && field.endsWith("s")) return kebabCase(field.slice(0, -1));
  return kebabCase(field);
}

const isDuration = (field: string, spec: FieldSpec) => spec.type === "integer" && field.endsWith(SECONDS_SUFFIX);

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
  const text = spec.description.replace(/`/g, "");
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

/** Every field a message of the core may name. */
const SHARED_FIELDS: Readonly<Record<string, FieldSpec>> = { ...CONFIG_FIELDS, ...GET_TRAINING_JOBS_INPUTS, ...WAIT_FIELDS };

/**
 * A message of the shared rules as a command-line user should read it: `batchName`,
 * `metastudio:projectId` and `timeoutSeconds` become `--batch-name`, `--project-id` and `--timeout`.
 * A one-word field (`name`, `tag`, `states`) is renamed only where a failure starts with it: the
 * same word elsewhere is ordinary prose ("known states").
 */
export function cliWording(message: string, fields: Readonly<Record<string, FieldSpec>> = SHARED_FIELDS): string {
  // A credential is never a flag: it is named by the variable that holds it.
  const flag = (field: string) => {
    const spec = fields[field];
    return spec.secret && spec.env?.length ? spec.env[0] : `--${flagOf(field, spec)}`;
  };
  const camel = Object.keys(fields)
    .filter((n) => /[A-Z]/.test(n))
    .sort((a, b) => b.length - a.length);
  let out = message.replace(/metastudio:(\w+)/g, (m, field: string) => (Object.hasOwn(fields, field) ? flag(field) : m));
  if (camel.length) out = out.replace(new RegExp(`\\b(${camel.join("|")})\\b`, "g"), (_m, field: string) => flag(field));
  const first = /^([a-z]+)\b/.exec(out)?.[1];
  if (first && Object.hasOwn(fields, first)) out = flag(first) + out.slice(first.length);
  return withoutRepeatedVariables(out);
}

/** "set HW_ACCESS_KEY (or HW_ACCESS_KEY / HUAWEICLOUD_SDK_AK)": the variable is named once. */
function withoutRepeatedVariables(message: string): string {
  return message.replace(/ \((or|nor) ([A-Z0-9_]+(?: \/ [A-Z0-9_]+)*)\)/g, (_m: string, word: string, list: string, at: number) => {
    const before = message.slice(0, at);
    const rest = list.split(" / ").filter((v) => !new RegExp(`\\b${v}\\b`).test(before));
    return rest.length === 0 ? "" : ` (${word} ${rest.join(" / ")})`;
  });
}
