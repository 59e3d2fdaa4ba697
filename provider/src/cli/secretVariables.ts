/**
 * Where the command line takes a secret setting from. Credentials are never flags (argv is visible
 * to every user of the machine), so each secret setting needs a variable, in the environment or a
 * --credentials-file. Most have one in the configuration table; the proxy (whose URL may carry a
 * password) has none there, because the providers read HTTPS_PROXY with its NO_PROXY rules apart
 * from their `proxy` setting, so here it is the variable every tool reads.
 */
import { CONFIG_FIELDS } from "../schema/fields";

const EXTRA: Readonly<Record<string, string>> = { proxy: "HTTPS_PROXY" };

/** The variable naming a secret setting, as the command's messages show it. */
export function secretVariableOf(field: string): string | undefined {
  return CONFIG_FIELDS[field]?.env?.[0] ?? EXTRA[field];
}

/** Every variable a credentials file may set, with the setting it fills. */
export function variablesOfSettings(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [field, spec] of Object.entries(CONFIG_FIELDS)) for (const v of spec.env ?? []) out.set(v, field);
  for (const [field, v] of Object.entries(EXTRA)) out.set(v, field);
  return out;
}
