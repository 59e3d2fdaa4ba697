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
import { parseNoProxy } from "./noProxy";

export type Env = Readonly<Record<string, string | undefined>>;

export interface ProxyChoice {
  /** The proxy's origin, without user or password: safe to show. */
  url: URL;
  /** `Basic ...` when the proxy URL had a user or password. */
  authorization?: string;
  /** Where it came from, for messages: `metastudio:proxy`, `HTTPS_PROXY`, ... */
  source: string;
}

/** A proxy setting that cannot be used; the message never repeats the value. */
export class ProxySettingError extends Error {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(message);
    this.name = "ProxySettingError";
  }
}

export const PROXY_ACCEPTED =
  "a proxy URL such as http://proxy.example.com:3128 or http://user:password@10.0.0.1:8080 (http:// or https://)";

/**
 * Why a proxy URL cannot be used, without repeating it (it may hold a password), or undefined.
 * Without a scheme it is taken as http://, as Go and curl take it.
 */
export function proxyUrlProblem(value: string): string | undefined {
  return parseProxyUrl(value).problem;
}

function parseProxyUrl(value: string): { url?: URL; problem?: string } {
  const v = value.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: `not a URL; expected ${PROXY_ACCEPTED}` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { problem: `the scheme ${url.protocol.replace(/:$/, "")}:// is not supported (SOCKS is not); expected ${PROXY_ACCEPTED}` };
  }
  if (!url.hostname) return { problem: `no host; expected ${PROXY_ACCEPTED}` };
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    return { problem: `a proxy URL has no path, query or fragment; expected ${PROXY_ACCEPTED}` };
  }
  return { url };
}

/** The first of `names` set to something other than blank, with its name. */
function firstSet(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return { name, value };
  }
  return undefined;
}

function choice(value: string, source: string, property: string): ProxyChoice {
  const { url, problem } = parseProxyUrl(value);
  if (!url) throw new ProxySettingError(property, `${source} is not a usable proxy (the value is not shown): ${problem}`);
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
  if (setting !== undefined && setting.trim() !== "") return choice(setting, "metastudio:proxy", "proxy");
  const names = endpoint.protocol === "https:" ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"];
  const fromEnv = firstSet(env, names);
  return fromEnv ? choice(fromEnv.value, fromEnv.name, "proxy") : undefined;
}
