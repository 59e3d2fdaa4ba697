/**
 * The provider block: its snake_case attributes mapped onto the shared configuration rules
 * (checkConfig, the environment fallbacks, resolveSettings), so Terraform and Pulumi accept and
 * refuse the same settings with the same words, here placed on the attribute.
 */
import { checkConfig, Env, ProviderSettings, RawConfig, resolveSettings, withEnvFallbacks } from "../config/providerConfig";
import { CONFIG_FIELDS } from "../schema/fields";
import type { Diagnostic } from "./generated/tfplugin6";
import { failureDiagnostic } from "./diagnostics";
import { TfValue, UNKNOWN } from "./dynamicValue";
import { attributePathOf, sharedFieldsByAttribute } from "./names";

const CONFIG_BY_ATTRIBUTE = sharedFieldsByAttribute(Object.keys(CONFIG_FIELDS));

export interface SharedConfig {
  raw: RawConfig;
  /** Attributes whose value Terraform does not know yet (set from another resource's output). */
  unknown: string[];
}

export function sharedConfig(value: TfValue): SharedConfig {
  const raw: RawConfig = {};
  const unknown: string[] = [];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [attr, v] of Object.entries(value)) {
      const field = CONFIG_BY_ATTRIBUTE.get(attr);
      if (!field || v === null) continue;
      if (v === UNKNOWN) unknown.push(attr);
      else raw[field] = v;
    }
  }
  return { raw, unknown };
}

function diagnosticsOf(failures: ReadonlyArray<{ property: string; reason: string }>): Diagnostic[] {
  return failures.map((f) => failureDiagnostic(attributePathOf(f.property), f.reason, "Invalid provider configuration"));
}

/**
 * ValidateProviderConfig: the block completed from the environment, as Pulumi's CheckConfig does
 * (a secret key written in the block pairs with HW_ACCESS_KEY). A value not known yet (`tofu
 * validate`, or a variable during the validate walk) may turn out set or null: only failures that
 * hold either way are reported, and none about the unknown value itself.
 */
export function validateProviderConfig(value: TfValue, env: Env): Diagnostic[] {
  const { raw, unknown } = sharedConfig(value);
  const unknownFields = new Set(unknown.map((attr) => CONFIG_BY_ATTRIBUTE.get(attr)!));
  const ifSet: RawConfig = { ...raw };
  for (const field of unknownFields)
    ifSet[field] = CONFIG_FIELDS[field].type === "integer" ? (CONFIG_FIELDS[field].min ?? 0) : "(known after apply)";
  const whenNull = new Set(checkConfig(withEnvFallbacks(raw, env)).map((f) => `${f.property}\n${f.reason}`));
  const either = checkConfig(withEnvFallbacks(ifSet, env)).filter(
    (f) => !unknownFields.has(f.property) && whenNull.has(`${f.property}\n${f.reason}`),
  );
  return diagnosticsOf(either);
}

export type Configured =
  { ok: true; settings: ProviderSettings } | { ok: false; diagnostics: Diagnostic[] } | { ok: "unknown"; attributes: string[] };

/** ConfigureProvider: the block completed from the environment, checked, and made client settings. */
export function configureProvider(value: TfValue, env: Env): Configured {
  const { raw, unknown } = sharedConfig(value);
  if (unknown.length) return { ok: "unknown", attributes: unknown };
  const resolved = resolveSettings(withEnvFallbacks(raw, env));
  return resolved.ok ? resolved : { ok: false, diagnostics: diagnosticsOf(resolved.failures) };
}
