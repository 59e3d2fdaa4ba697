/**
 * The command line's names for the shared fields, and its rendering of the core's text: every
 * input of a function and every setting of the configuration table is a flag, its name the
 * field's in kebab-case, so a field added to a table is a flag without a change here. Lists are
 * named in the singular (`states` is `--state`), integer `...Seconds` fields without the unit
 * (`timeoutSeconds` is `--timeout`, a duration). A credential is never a flag: the core's
 * references to one are spelled as the environment variable that holds it.
 */
import { CONFIG_FIELDS, errorText, FieldSpec, InputFailure, render, shownFailures, Spelling, Text } from "../core";
import { GET_TRAINING_JOBS_INPUTS, WAIT_FIELDS } from "../schema/fields";
import { secretVariableOf } from "./secretVariables";

const SECONDS_SUFFIX = "Seconds";

export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export const isDuration = (field: string, spec: FieldSpec): boolean => spec.type === "integer" && field.endsWith(SECONDS_SUFFIX);

/** The flag of a field, without its dashes. */
export function flagOf(field: string, spec: FieldSpec): string {
  if (isDuration(field, spec)) return kebabCase(field.slice(0, -SECONDS_SUFFIX.length));
  if (spec.type === "stringList" && field.endsWith("s")) return kebabCase(field.slice(0, -1));
  return kebabCase(field);
}

const INPUT_FIELDS: Readonly<Record<string, FieldSpec>> = { ...GET_TRAINING_JOBS_INPUTS, ...WAIT_FIELDS };

export const CLI_SPELLING: Spelling = {
  field: (ref) => {
    const spec = ref.config ? CONFIG_FIELDS[ref.name] : INPUT_FIELDS[ref.name];
    if (!spec) return `--${kebabCase(ref.name)}`;
    const variable = spec.secret ? secretVariableOf(ref.name) : undefined;
    if (variable) return variable;
    return `--${flagOf(ref.name, spec)}`;
  },
  term: (ref) => ref.term,
};

/** "set HW_ACCESS_KEY (or HW_ACCESS_KEY / HW_SECRET_KEY)": once a credential is its variable, it is named once. */
function withoutRepeatedVariables(message: string): string {
  return message.replace(/ \((or|nor) ([A-Z0-9_]+(?: \/ [A-Z0-9_]+)*)\)/g, (_m: string, word: string, list: string, at: number) => {
    const before = message.slice(0, at);
    const rest = list.split(" / ").filter((v) => !new RegExp(`\\b${v}\\b`).test(before));
    return rest.length === 0 ? "" : ` (${word} ${rest.join(" / ")})`;
  });
}

/** The core's text as a command-line user reads it. */
export function cliText(text: Text): string {
  return withoutRepeatedVariables(render(text, CLI_SPELLING));
}

/** What an error says to a command-line user. */
export function cliErrorText(err: unknown): string {
  return withoutRepeatedVariables(errorText(err, CLI_SPELLING));
}

/** Failures (invalid inputs, configuration) as lines a command-line user reads, bounded by the core. */
export function cliFailures(list: readonly InputFailure[]): Array<{ property: string; reason: string }> {
  return shownFailures(list, CLI_SPELLING).map((f) => ({ property: f.property, reason: withoutRepeatedVariables(f.reason) }));
}
