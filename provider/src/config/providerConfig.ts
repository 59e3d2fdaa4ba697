/**
 * Provider configuration: gathered from Configure (its `args` Struct and the older `variables`
 * map), CheckConfig's news, or an explicit Provider's inputs; completed from the environment
 * (Terraform's HW_* names first, then the official SDKs'); checked with the zod rules of the field
 * table (the same rules as function inputs); and turned into client settings.
 * Failures never repeat a secret's value, nor the value of a key that arrived marked secret.
 */
import { CONFIG_FIELDS } from "../schema/fields";
import { valueFailure, zodFor } from "../schema/fieldRules";
import { closest, InputFailure, namesOf } from "../schema/inputValidation";
import { configKey, text } from "../schema/text";
import { quotedName } from "../api/untrustedText";
import type { Auth, ClientSettings } from "../api/metaStudioClient";

export type RawConfig = Record<string, unknown>;
export type Env = Readonly<Record<string, string | undefined>>;

export interface ProviderSettings {
  client: ClientSettings;
  maxConcurrency: number;
}

/** The configuration once every present key passed its rule: strings trimmed, integers numbers. */
export interface CheckedConfig {
  region?: string;
  projectId?: string;
  accessKey?: string;
  secretKey?: string;
  securityToken?: string;
  authToken?: string;
  cloud?: string;
  endpoint?: string;
  maxRetries?: number;
  maxConcurrency?: number;
  requestTimeoutSeconds?: number;
  maxRequestsInFlight?: number;
  proxy?: string;
  caCertFile?: string;
}

const isConfigKey = (name: string): boolean => Object.hasOwn(CONFIG_FIELDS, name);

/**
 * Keys the engines themselves put beside the configuration (an explicit Pulumi provider's inputs
 * carry the plugin's version and download URL): not the user's, so never refused.
 */
export const ENGINE_KEYS: ReadonlySet<string> = new Set(["version", "pluginDownloadURL"]);

/**
 * Configure's `variables` map uses "metastudio:config:key" (older engines "metastudio:key").
 * Every key of this package is kept, known or not, so that a mistyped one is refused by name.
 */
export function configFromVariables(variables: Iterable<[string, string]>): RawConfig {
  const out: RawConfig = {};
  for (const [key, value] of variables) {
    if (!key.startsWith("metastudio:")) continue;
    // defineProperty: a key named "__proto__" stays a key (and is refused by name).
    Object.defineProperty(out, key.slice(key.lastIndexOf(":") + 1), { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A key that is not configuration: named with the nearest key there is, and every key accepted. */
function unknownKey(name: string): InputFailure {
  const keys = Object.keys(CONFIG_FIELDS);
  const guess = closest(name, keys);
  const shown = quotedName(name, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 64);
  return {
    property: shown,
    reason: text`${shown} is not a setting of this provider${guess ? text` (did you mean ${configKey(guess)}?)` : ""}; accepted settings: ${namesOf(keys, configKey)}`,
  };
}

/** Set, for a value: a blank string (a variable exported empty, a stray newline) is not a setting. */
function present(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "");
}

/** Credentials that go together: the environment completes a way of logging in, never mixes two. */
const KEY_PAIR = ["accessKey", "secretKey", "securityToken"] as const;

/**
 * Each key's value from config, else from the first environment variable that is set. The
 * configured credentials choose the way of logging in: with authToken configured, no key pair is
 * taken from the environment (a machine with Terraform's HW_ACCESS_KEY would otherwise make a
 * token-only setup contradictory); with an access key or secret key configured, no token is, and
 * no security token either, since a temporary token belongs to the key pair it came with.
 */
export function withEnvFallbacks(raw: RawConfig, env: Env): RawConfig {
  const tokenConfigured = present(raw.authToken);
  const keysConfigured = present(raw.accessKey) || present(raw.secretKey);
  const fromEnvAllowed = (name: string): boolean => {
    if (tokenConfigured && (KEY_PAIR as readonly string[]).includes(name)) return false;
    if (keysConfigured && (name === "authToken" || name === "securityToken")) return false;
    return true;
  };
  const out: RawConfig = {};
  // Keys that are not configuration stay, for the check to refuse them by name.
  for (const [name, value] of Object.entries(raw)) {
    if (!isConfigKey(name)) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  for (const [name, spec] of Object.entries(CONFIG_FIELDS)) {
    if (present(raw[name])) {
      out[name] = raw[name];
      continue;
    }
    if (!fromEnvAllowed(name)) continue;
    for (const variable of spec.env ?? []) {
      if (present(env[variable])) {
        out[name] = env[variable];
        break;
      }
    }
  }
  return out;
}

const RULES = Object.fromEntries(Object.entries(CONFIG_FIELDS).map(([name, spec]) => [name, zodFor(spec, { config: true })]));

/**
 * Each present key through its rule; a key that is not configuration is refused with the nearest
 * one, except the engine's own (ENGINE_KEYS).
 */
function checkFields(config: RawConfig, secretKeys: ReadonlySet<string>): { value: CheckedConfig; failures: InputFailure[] } {
  const value: Record<string, unknown> = {};
  const failures: InputFailure[] = [];
  for (const [name, raw] of Object.entries(config)) {
    if (ENGINE_KEYS.has(name)) continue;
    if (!isConfigKey(name)) {
      failures.push(unknownKey(name));
      continue;
    }
    if (!present(raw)) continue;
    const spec = CONFIG_FIELDS[name];
    const parsed = RULES[name].safeParse(raw);
    if (parsed.success) value[name] = parsed.data;
    else
      failures.push({
        property: name,
        reason: valueFailure(configKey(name), spec, raw, parsed.error.issues[0], spec.secret === true || secretKeys.has(name)),
      });
  }
  return { value: value, failures };
}

/** How the keys go together; only their presence matters here. */
function checkCombinations(config: RawConfig): InputFailure[] {
  const failures: InputFailure[] = [];
  const fail = (property: string, reason: InputFailure["reason"]) => failures.push({ property, reason });
  const ak = present(config.accessKey);
  const sk = present(config.secretKey);
  if (ak && !sk)
    fail(
      "secretKey",
      text`${configKey("accessKey")} is set but ${configKey("secretKey")} is not (nor HW_SECRET_KEY / HUAWEICLOUD_SDK_SK); AK/SK signing needs both`,
    );
  if (sk && !ak)
    fail(
      "accessKey",
      text`${configKey("secretKey")} is set but ${configKey("accessKey")} is not (nor HW_ACCESS_KEY / HUAWEICLOUD_SDK_AK); AK/SK signing needs both`,
    );
  if (present(config.authToken) && (ak || sk)) {
    fail(
      "authToken",
      text`both ${configKey("authToken")} and an access key pair are set; choose one authentication: AK/SK (${configKey("accessKey")}, ${configKey("secretKey")}) or a token (${configKey("authToken")})`,
    );
  }
  if (present(config.securityToken) && !(ak && sk)) {
    fail(
      "securityToken",
      text`${configKey("securityToken")} is set without ${configKey("accessKey")} and ${configKey("secretKey")}; temporary credentials need all three`,
    );
  }
  return failures;
}

/**
 * Everything wrong with a configuration, each with the key, the value (unless secret, or sent
 * marked secret: `secretKeys`) and what is accepted.
 */
export function checkConfig(config: RawConfig, secretKeys: ReadonlySet<string> = new Set()): InputFailure[] {
  return [...checkFields(config, secretKeys).failures, ...checkCombinations(config)];
}

/** The values of keys that arrived marked secret, for the client to keep out of its messages. */
function secretValues(c: CheckedConfig, secretKeys: ReadonlySet<string>): { secrets?: string[] } {
  const values = [...secretKeys].flatMap((k) => (Object.hasOwn(c, k) ? [String(c[k as keyof CheckedConfig])] : []));
  return values.length ? { secrets: values } : {};
}

/** Client settings from a checked configuration, or what is wrong or missing for a call to be made. */
export function resolveSettings(
  config: RawConfig,
  secretKeys: ReadonlySet<string> = new Set(),
): { ok: true; settings: ProviderSettings } | { ok: false; failures: InputFailure[] } {
  const { value: c, failures } = checkFields(config, secretKeys);
  failures.push(...checkCombinations(config));
  const cloud = c.cloud ?? (CONFIG_FIELDS.cloud.default as string);
  const endpoint = c.endpoint ?? (c.region ? `https://metastudio.${c.region}.${cloud}` : undefined);
  const given = (name: string) => present(config[name]);
  if (!given("endpoint") && !given("region"))
    failures.push({
      property: "region",
      reason: text`no region: set ${configKey("region")} (or HW_REGION_NAME), or ${configKey("endpoint")} (or HW_METASTUDIO_ENDPOINT)`,
    });
  if (!given("projectId"))
    failures.push({
      property: "projectId",
      reason: text`no project id: set ${configKey("projectId")} (or HW_PROJECT_ID / HUAWEICLOUD_SDK_PROJECT_ID)`,
    });
  let auth: Auth | undefined;
  if (c.authToken) auth = { kind: "token", token: c.authToken };
  else if (c.accessKey && c.secretKey)
    auth = { kind: "aksk", accessKey: c.accessKey, secretKey: c.secretKey, securityToken: c.securityToken };
  else if (!given("accessKey") && !given("secretKey") && !given("authToken")) {
    failures.push({
      property: "accessKey",
      reason: text`no credentials: set ${configKey("accessKey")} and ${configKey("secretKey")} (or HW_ACCESS_KEY / HW_SECRET_KEY), or ${configKey("authToken")} (or HW_AUTH_TOKEN)`,
    });
  }
  if (failures.length || !auth || !endpoint || !c.projectId) return { ok: false, failures };
  const int = (name: "maxRetries" | "maxConcurrency" | "requestTimeoutSeconds" | "maxRequestsInFlight") =>
    c[name] ?? (CONFIG_FIELDS[name].default as number);
  return {
    ok: true,
    settings: {
      client: {
        endpoint,
        projectId: c.projectId,
        auth,
        maxRetries: int("maxRetries"),
        requestTimeoutMs: int("requestTimeoutSeconds") * 1000,
        maxRequestsInFlight: int("maxRequestsInFlight"),
        ...(c.proxy ? { proxy: c.proxy } : {}),
        ...(c.caCertFile ? { caCertFile: c.caCertFile } : {}),
        ...secretValues(c, secretKeys),
      },
      maxConcurrency: int("maxConcurrency"),
    },
  };
}
