/**
 * A data source's or resource's attributes as the shared functions' inputs (camelCase), checked
 * by the functions' own validators; failures come back as diagnostics on the attribute.
 */
import type { FieldTable } from "../schema/fields";
import type { Validated } from "../schema/inputValidation";
import type { Diagnostic } from "./generated/tfplugin6";
import { failureDiagnostic } from "./diagnostics";
import { TfValue, UNKNOWN } from "./dynamicValue";
import { snakeCase } from "./names";

export interface Inputs {
  args: Record<string, unknown>;
  /** Attributes not known yet (plan): left out of the arguments and of their checks. */
  unknown: string[];
}

export function inputsFrom(value: TfValue, fields: FieldTable): Inputs {
  const obj = value && typeof value === "object" && !Array.isArray(value) ? value : {};
  const args: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const name of Object.keys(fields)) {
    const attr = snakeCase(name);
    const v = obj[attr];
    if (v === undefined || v === null) continue;
    if (v === UNKNOWN || (Array.isArray(v) && v.includes(UNKNOWN))) unknown.push(attr);
    else args[name] = v;
  }
  return { args, unknown };
}

export function checked<T>(validated: Validated<T>): { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] } {
  if (validated.ok) return validated;
  return { ok: false, diagnostics: validated.failures.map((f) => failureDiagnostic(f)) };
}
