/**
 * What a proxy URL may be, for the `proxy` setting and the variables it stands in for
 * (HTTPS_PROXY, ...): http:// or https://, a host, a port, a user and password; no path, query or
 * fragment. Without a scheme, http:// is meant, as Go and curl take it. Problems never repeat
 * the value: it may hold a password.
 */
export const PROXY_ACCEPTED =
  "a proxy URL such as http://proxy.example.com:3128 or http://user:password@10.0.0.1:8080 (http:// or https://)";

/**
 * Why a proxy URL cannot be used, without repeating it (it may hold a password), or undefined.
 * Without a scheme it is taken as http://, as Go and curl take it.
 */
export function proxyUrlProblem(value: string): string | undefined {
  return parseProxyUrl(value).problem;
}

export function parseProxyUrl(value: string): { url?: URL; problem?: string } {
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
