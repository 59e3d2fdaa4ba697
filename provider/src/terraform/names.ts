/**
 * Terraform's names for the shared fields: the field tables are camelCase (Pulumi's convention and
 * the functions' inputs); Terraform's attributes are snake_case. The gate's time limit is
 * Terraform's `timeouts { create = ... }` block rather than an attribute.
 */
import { CONFIG_FIELDS, GET_TRAINING_JOBS_INPUTS, WAIT_FOR_TRAINING_JOBS_INPUTS } from "../schema/fields";

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Where a shared field lives in Terraform: a path of attribute names. */
export function attributePathOf(field: string): string[] {
  if (field === "timeoutSeconds") return ["timeouts", "create"];
  return [snakeCase(field)];
}

const RENAMED = [
  ...new Set([...Object.keys(CONFIG_FIELDS), ...Object.keys(GET_TRAINING_JOBS_INPUTS), ...Object.keys(WAIT_FOR_TRAINING_JOBS_INPUTS)]),
]
  .filter((name) => attributePathOf(name).join(".") !== name)
  .sort((a, b) => b.length - a.length);
const RENAMED_PATTERN = new RegExp(`(?:metastudio:)?\\b(${RENAMED.join("|")})\\b|metastudio:(\\w+)`, "g");

/**
 * A message of the shared rules as a Terraform user should read it: `metastudio:accessKey` and
 * `batchName` become `access_key` and `batch_name`. The rules and their wording stay in one place.
 */
export function terraformWording(message: string): string {
  return message.replace(RENAMED_PATTERN, (_m, field: string | undefined, configKey: string | undefined) =>
    attributePathOf(field ?? configKey!).join("."),
  );
}

/** Terraform attribute name -> shared field name, for the attributes that carry shared fields. */
export function sharedFieldsByAttribute(fields: Iterable<string>): Map<string, string> {
  return new Map([...fields].map((f) => [snakeCase(f), f] as const));
}
