/**
 * Terraform's names for the shared fields: the field tables are camelCase (the functions' inputs);
 * Terraform's attributes are snake_case. The gate's time limit is Terraform's
 * `timeouts { create = ... }` block rather than an attribute. TERRAFORM_SPELLING renders the
 * core's field references and terms in these names, so shared messages read as Terraform's.
 */
import type { Spelling } from "../schema/text";

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Where a shared field lives in Terraform: a path of attribute names. */
export function attributePathOf(field: string): string[] {
  if (field === "timeoutSeconds") return ["timeouts", "create"];
  return [snakeCase(field)];
}

export const TERRAFORM_SPELLING: Spelling = {
  field: (ref) => attributePathOf(ref.name).join("."),
  term: (ref) => (ref.term === "secret" ? "sensitive" : "Sensitive"),
};

/** Terraform attribute name -> shared field name, for the attributes that carry shared fields. */
export function sharedFieldsByAttribute(fields: Iterable<string>): Map<string, string> {
  return new Map([...fields].map((f) => [snakeCase(f), f] as const));
}
