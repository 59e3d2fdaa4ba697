/**
 * Provider configuration: gathered from Configure (its `args` Struct and the older `variables`
 * map), CheckConfig's news, or an explicit Provider's inputs; completed from the environment
 * (Terraform's HW_* names first, then the official SDKs'); checked; and turned into client settings.
 * Failures never repeat a secret's value.
 */
import { CONFIG_FIELDS, FieldSpec } from "../schema/fields";
import type { InputFailure } from "../schema/inputValidation";
import type { Auth, ClientSettings } from "../api/metaStudioClient";

export type RawConfig = Record<string, unknown>;
export type Env = Readonly<Record<string, string | undefined>>;

export interface ProviderSettings {
  client: ClientSettings;
  maxConcurrency: number;
}

/** Configure's `variables` map uses "metastudio:config:key" (older engines "metastudio:key"). */
export function configFromVariables(variables: Iterable<[string, string]>): RawConfig {
  const out: RawConfig = {};
  for (const [key, value] of variables) {
    if (!key.startsWith("metastudio:")) continue;
    const name = key.slice(key.lastIndexOf(":") + 1);
    if (name in CONFIG_FIELDS) out[name] = value;
  }
  return out;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "";
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

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const HOSTNAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Integers arrive as numbers from explicit providers and as strings from stack config. */
function toInteger(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function describeValue(spec: FieldSpec, v: unknown): string {
  return spec.secret ? "(a secret value)" : JSON.stringify(v);
}

/** Everything wrong with a configuration, each with the key, the value (unless secret) and what is accepted. */
export function checkConfig(config: RawConfig): InputFailure[] {
  const failures: InputFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });

  for (const [name, value] of Object.entries(config)) {
    const spec = CONFIG_FIELDS[name];
    if (!spec || !present(value)) continue;
    if (spec.type === "integer") {
      const n = toInteger(value);
      if (n === undefined || n < (spec.min ?? -Infinity) || n > (spec.max ?? Infinity)) {
        fail(name, `metastudio:${name} is ${describeValue(spec, value)}; expected an integer from ${spec.min} to ${spec.max}`);
      }
    } else if (typeof value !== "string") {
      fail(name, `metastudio:${name} is ${describeValue(spec, value)}; expected a string`);
    }
  }
  if (failures.length) return failures;

  const region = config.region as string | undefined;
  if (present(region) && !REGION.test(region!)) {
    fail("region", `metastudio:region is ${JSON.stringify(region)}; expected a Huawei Cloud region name such as cn-north-4 or cn-east-3`);
  }
  const cloud = config.cloud as string | undefined;
  if (present(cloud) && !HOSTNAME.test(cloud!)) {
    fail("cloud", `metastudio:cloud is ${JSON.stringify(cloud)}; expected a domain suffix such as myhuaweicloud.com`);
  }
  const endpoint = config.endpoint as string | undefined;
  if (present(endpoint)) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint!);
    } catch {
      fail("endpoint", `metastudio:endpoint is ${JSON.stringify(endpoint)}, which is not a URL; expected e.g. https://metastudio.cn-north-4.myhuaweicloud.com`);
    }
    if (url) {
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        fail("endpoint", `metastudio:endpoint is ${JSON.stringify(endpoint)}; expected an https:// URL`);
      } else if (url.protocol === "http:" && !isLoopback(url.hostname)) {
        fail("endpoint", `metastudio:endpoint is ${JSON.stringify(endpoint)}; plain http is accepted only for a loopback host (127.0.0.1, localhost, ::1), use https:// for ${url.hostname}`);
      } else if (url.search || url.hash || url.username) {
        fail("endpoint", `metastudio:endpoint is ${JSON.stringify(endpoint)}; expected a base URL without query, fragment or user info`);
      }
    }
  }
  const ak = present(config.accessKey);
  const sk = present(config.secretKey);
  if (ak && !sk) fail("secretKey", "metastudio:accessKey is set but metastudio:secretKey is not (nor HW_SECRET_KEY / HUAWEICLOUD_SDK_SK); AK/SK signing needs both");
  if (sk && !ak) fail("accessKey", "metastudio:secretKey is set but metastudio:accessKey is not (nor HW_ACCESS_KEY / HUAWEICLOUD_SDK_AK); AK/SK signing needs both");
  if (present(config.authToken) && (ak || sk)) {
    fail("authToken", "both metastudio:authToken and an access key pair are set; choose one authentication: AK/SK (accessKey, secretKey) or a token (authToken)");
  }
  if (present(config.securityToken) && !(ak && sk)) {
    fail("securityToken", "metastudio:securityToken is set without accessKey and secretKey; temporary credentials need all three");
  }
  return failures;
}

/** Client settings from a checked configuration, or what is missing for a call to be made. */
export function resolveSettings(config: RawConfig): { ok: true; settings: ProviderSettings } | { ok: false; failures: InputFailure[] } {
  const failures = checkConfig(config);
  const region = config.region as string | undefined;
  const cloud = (config.cloud as string | undefined) ?? (CONFIG_FIELDS.cloud.default as string);
  const endpoint = present(config.endpoint)
    ? (config.endpoint as string).replace(/\/+$/, "")
    : present(region)
      ? `https://metastudio.${region}.${cloud}`
      : undefined;
  if (!endpoint) failures.push({ property: "region", reason: "no region: set metastudio:region (or HW_REGION_NAME), or metastudio:endpoint (or HW_METASTUDIO_ENDPOINT)" });
  if (!present(config.projectId)) failures.push({ property: "projectId", reason: "no project id: set metastudio:projectId (or HW_PROJECT_ID / HUAWEICLOUD_SDK_PROJECT_ID)" });
  let auth: Auth | undefined;
  if (present(config.authToken)) auth = { kind: "token", token: config.authToken as string };
  else if (present(config.accessKey) && present(config.secretKey)) {
    auth = {
      kind: "aksk",
      accessKey: config.accessKey as string,
      secretKey: config.secretKey as string,
      securityToken: present(config.securityToken) ? (config.securityToken as string) : undefined,
    };
  } else if (!present(config.accessKey) && !present(config.secretKey)) {
    failures.push({ property: "accessKey", reason: "no credentials: set metastudio:accessKey and metastudio:secretKey (or HW_ACCESS_KEY / HW_SECRET_KEY), or metastudio:authToken (or HW_AUTH_TOKEN)" });
  }
  if (failures.length || !auth || !endpoint) return { ok: false, failures };
  const int = (name: string) => toInteger(config[name]) ?? (CONFIG_FIELDS[name].default as number);
  return {
    ok: true,
    settings: {
      client: {
        endpoint,
        projectId: config.projectId as string,
        auth,
        maxRetries: int("maxRetries"),
        requestTimeoutMs: int("requestTimeoutSeconds") * 1000,
      },
      maxConcurrency: int("maxConcurrency"),
    },
  };
}
