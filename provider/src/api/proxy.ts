/**
 * Which proxy, if any, a request to the endpoint goes through, as Go's httpproxy.FromEnvironment
 * decides it (the huaweicloud Terraform provider and pulumi-aws use that): `HTTPS_PROXY` (or
 * `https_proxy`) for an https endpoint, `HTTP_PROXY` (or `http_proxy`) for an http one, `NO_PROXY`
 * (or `no_proxy`) for the hosts that bypass it (noProxy.ts), loopback never. A `proxy` setting in
 * the provider's configuration takes the place of both proxy variables; NO_PROXY still applies.
 *
 * The proxy's user and password never leave this module except as the Proxy-Authorization header:
 * the URL the agents get, and any message, carries neither.
 */
import { configKey, text, TextError } from "../schema/text";
import { parseProxyUrl } from "../schema/proxyUrl";
import { parseNoProxy } from "./noProxy";

export type Env = Readonly<Record<string, string | undefined>>;

export interface ProxyChoice {
  /** The proxy's origin, without user or password: safe to show. */
  url: URL;
  /** `Basic ...` when the proxy URL had a user or password. */
  authorization?: string;
  /** Where it came from: `proxy` (the setting), `HTTPS_PROXY`, ... */
  source: string;
}

/** A proxy setting that cannot be used; the message never repeats the value. */
export class ProxySettingError extends TextError {
  /** The setting to blame: `proxy`, also for the variables it stands in for. */
  readonly property = "proxy";

  constructor(source: string, problem: string) {
    super(text`${source === "proxy" ? configKey("proxy") : source} is not a usable proxy (the value is not shown): ${problem}`);
    this.name = "ProxySettingError";
  }
}

/** The first of `names` set to something other than blank, with its name. */
function firstSet(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return { name, value };
  }
  return undefined;
}

function choice(value: string, source: string): ProxyChoice {
  const { url, problem } = parseProxyUrl(value);
  if (!url) throw new ProxySettingError(source, problem ?? "");
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const authorization = user || password ? `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` : undefined;
  const bare = new URL(url.origin);
  return { url: bare, source, ...(authorization ? { authorization } : {}) };
}

/**
 * The proxy for requests to `endpoint`, or undefined to connect directly. `setting` is the
 * provider's `proxy` configuration; `env` the process environment.
 */
export function proxyFor(endpoint: URL, setting: string | undefined, env: Env): ProxyChoice | undefined {
  const noProxy = parseNoProxy(firstSet(env, ["NO_PROXY", "no_proxy"])?.value);
  const port = endpoint.port || (endpoint.protocol === "https:" ? "443" : "80");
  if (noProxy.bypasses(endpoint.hostname, port)) return undefined;
  if (setting !== undefined && setting.trim() !== "") return choice(setting, "proxy");
  const names = endpoint.protocol === "https:" ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"];
  const fromEnv = firstSet(env, names);
  return fromEnv ? choice(fromEnv.value, fromEnv.name) : undefined;
}
