/**
 * The provider block: its snake_case attributes mapped onto the shared configuration rules
 * (the session's check and resolve, with the environment fallbacks), so Terraform and Pulumi
 * accept and refuse the same settings with the same rules, here worded in Terraform's names and
 * placed on the attribute.
 */
import type { RawConfig } from "../config/providerConfig";
import type { ProviderSession } from "../core/session";
import { CONFIG_FIELDS } from "../schema/fields";
import type { InputFailure } from "../schema/inputValidation";
import { render } from "../schema/text";
import type { Diagnostic } from "./generated/tfplugin6";
import { failureDiagnostic } from "./diagnostics";
import { TfValue, UNKNOWN } from "./dynamicValue";
import { sharedFieldsByAttribute, TERRAFORM_SPELLING } from "./names";

const CONFIG_BY_ATTRIBUTE = sharedFieldsByAttribute(Object.keys(CONFIG_FIELDS));

export interface SharedConfig {
  raw: RawConfig;
  /** Attributes whose value Terraform does not know yet (set from another resource's output). */
  unknown: string[];
}

/** The block as configuration keys; an attribute that is none stays as it is, to be refused by name. */
export function sharedConfig(value: TfValue): SharedConfig {
  const raw: RawConfig = {};
  const unknown: string[] = [];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [attr, v] of Object.entries(value)) {
      if (v === null) continue;
      const field = CONFIG_BY_ATTRIBUTE.get(attr) ?? attr;
      if (v === UNKNOWN) unknown.push(attr);
      else raw[field] = v;
    }
  }
  return { raw, unknown };
}

function diagnosticsOf(failures: readonly InputFailure[]): Diagnostic[] {
  return failures.map((f) => failureDiagnostic(f, "Invalid provider configuration"));
}

const said = (f: InputFailure) => `${f.property}\n${render(f.reason, TERRAFORM_SPELLING)}`;

/**
 * ValidateProviderConfig: the block completed from the environment, as Pulumi's CheckConfig does
 * (a secret key written in the block pairs with HW_ACCESS_KEY). A value not known yet (`tofu
 * validate`, or a variable during the validate walk) may turn out set or null: only failures that
 * hold either way are reported, and none about the unknown value itself.
 */
export function validateProviderConfig(value: TfValue, session: ProviderSession): Diagnostic[] {
  const { raw, unknown } = sharedConfig(value);
  const unknownFields = new Set(unknown.map((attr) => CONFIG_BY_ATTRIBUTE.get(attr) ?? attr));
  const ifSet: RawConfig = { ...raw };
  for (const field of unknownFields) {
    const spec = Object.hasOwn(CONFIG_FIELDS, field) ? CONFIG_FIELDS[field] : undefined;
    ifSet[field] = spec?.type === "integer" ? (spec.min ?? 0) : "(known after apply)";
  }
  const whenNull = new Set(session.check(raw).map(said));
  const either = session.check(ifSet).filter((f) => !unknownFields.has(f.property) && whenNull.has(said(f)));
  return diagnosticsOf(either);
}

export type Configured = { ok: true } | { ok: false; diagnostics: Diagnostic[] } | { ok: "unknown"; attributes: string[] };

/** ConfigureProvider: the block completed from the environment, checked, and made the session's client. */
export function configureProvider(value: TfValue, session: ProviderSession): Configured {
  const { raw, unknown } = sharedConfig(value);
  if (unknown.length) return { ok: "unknown", attributes: unknown };
  session.configure(raw);
  const resolved = session.resolve();
  return resolved.ok ? { ok: true } : { ok: false, diagnostics: diagnosticsOf(resolved.failures) };
}
