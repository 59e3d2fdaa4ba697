/**
 * The command line's configuration, taken as the providers take theirs: the settings of the
 * configuration table as flags (`--region`, `--project-id`, `--endpoint`, `--cloud`, ...), then
 * the core's session (the same HW_* / HUAWEICLOUD_SDK_* environment, the same rules and words,
 * rendered naming the flag). Credentials come only from the environment or a credentials file: a
 * command line is visible to every user of the machine (`ps`), so a credential given as a flag is
 * refused before anything else happens, and its value is never repeated.
 */
import { Option } from "commander";
import { CONFIG_FIELDS, ProviderSession } from "../core";
import type { Env } from "../config/providerConfig";
import { readCredentialsFile } from "./credentialsFile";
import { UsageError } from "./exitCodes";
import { fieldValues, optionFor } from "./flags";
import { cliFailures, flagOf } from "./names";
import { secretVariableOf } from "./secretVariables";

const PUBLIC_SETTINGS = Object.fromEntries(Object.entries(CONFIG_FIELDS).filter(([, spec]) => !spec.secret));
const SECRET_SETTINGS = Object.entries(CONFIG_FIELDS).filter(([, spec]) => spec.secret);

/** Spellings a credential flag would have here and in other tools (Huawei's KooCLI, curl habits). */
const CREDENTIAL_FLAGS = [...SECRET_SETTINGS.map(([field, spec]) => flagOf(field, spec)), "ak", "sk", "token", "password", "credentials"];

export function settingsOptions(): Option[] {
  const options = Object.entries(PUBLIC_SETTINGS).map(([field, spec]) => optionFor(field, spec));
  options.push(
    new Option(
      "--credentials-file <path>",
      "File of NAME=value lines (HW_ACCESS_KEY, HW_SECRET_KEY, HW_SECURITY_TOKEN, HW_AUTH_TOKEN, ...), instead of the environment.",
    ),
  );
  // Declared (hidden) so that they are refused as credentials, not suggested as typos.
  for (const flag of CREDENTIAL_FLAGS) options.push(new Option(`--${flag} [value]`).hideHelp());
  return options;
}

/** A credential among the parsed options: refused, naming the flag and where credentials go. */
function refuseCredentialFlags(options: Readonly<Record<string, unknown>>): void {
  for (const flag of CREDENTIAL_FLAGS) {
    const attr = flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (options[attr] === undefined) continue;
    const variables = SECRET_SETTINGS.flatMap(([field]) => secretVariableOf(field) ?? []).join(", ");
    throw new UsageError(
      `--${flag} is not accepted: a credential on the command line is visible to every user of this machine (ps, shell history). ` +
        `Set it in the environment (${variables}) or in a file named by --credentials-file`,
    );
  }
}

function credentialHint(property: string): string {
  return SECRET_SETTINGS.some(([field]) => field === property)
    ? " (credentials are read from the environment or --credentials-file, never from flags)"
    : "";
}

/**
 * The session of one run, resolved: flags first, then the credentials file, then the
 * environment. Anything wrong is a usage error, each problem on its own line.
 */
export function cliSession(options: Readonly<Record<string, unknown>>, env: Env): ProviderSession {
  refuseCredentialFlags(options);
  const raw = fieldValues(options, PUBLIC_SETTINGS);
  if (typeof options.credentialsFile === "string") {
    for (const [field, value] of Object.entries(readCredentialsFile(options.credentialsFile))) {
      if (raw[field] === undefined) raw[field] = value;
    }
  }
  const session = new ProviderSession(env);
  session.configure(raw);
  const resolved = session.resolve();
  if (!resolved.ok) {
    const reasons = cliFailures(resolved.failures).map((f) => f.reason + credentialHint(f.property));
    throw new UsageError(reasons.join("\n"));
  }
  return session;
}
