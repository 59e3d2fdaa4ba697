/**
 * The connection pool a client's requests go through: direct, or through a proxy (proxy.ts).
 *
 * Proxies are TooTallNate's proxy agents, `https-proxy-agent` (an https endpoint through a CONNECT
 * tunnel, TLS end to end, the endpoint's name resolved by the proxy) and `http-proxy-agent` (an
 * http endpoint, requests in absolute form). They are http.Agent subclasses, so httpGet.ts keeps
 * Node's http/https client and its control of redirects, bodies and error texts; undici's
 * ProxyAgent would have meant moving the client onto undici's dispatcher. NO_PROXY matching is our
 * own (noProxy.ts): the libraries that read NO_PROXY (proxy-from-env) know no CIDR ranges.
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";
import type { ProxyChoice } from "./proxy";

// The agents log through `debug`, which with DEBUG=* set would print the requests they rewrite,
// headers (credentials) included. Nothing of theirs is ever printed.
(require("debug") as { disable(): string }).disable();

export interface Connection {
  agent: HttpAgent;
  /** The proxy in use, without credentials; undefined for a direct connection. */
  proxy?: ProxyChoice;
}

export function connectionFor(endpoint: URL, proxy: ProxyChoice | undefined, ca: string[] | undefined): Connection {
  // Certificate checks are on whatever NODE_TLS_REJECT_UNAUTHORIZED says: the variable turns them
  // off for every Node TLS client that does not ask, and the token would go to whoever answers.
  const tls = { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
  const https = endpoint.protocol === "https:";
  if (!proxy) return { agent: https ? new HttpsAgent({ keepAlive: true, ...tls }) : new HttpAgent({ keepAlive: true }) };
  const headers = proxy.authorization ? { "Proxy-Authorization": proxy.authorization } : {};
  // The options are those of the connection to the proxy (TLS when it is an https:// proxy); the
  // tunnelled TLS to the endpoint takes the request's own options (httpGet.ts passes the same).
  const options = { keepAlive: true, headers, ...tls };
  const agent = https ? new HttpsProxyAgent(proxy.url, options) : new HttpProxyAgent(proxy.url, options);
  return { agent, proxy };
}
