/**
 * NO_PROXY as Go's golang.org/x/net/http/httpproxy reads it (and curl, for the forms both take):
 * a list separated by commas or spaces of
 *
 * - `*`: no host goes through the proxy;
 * - a host name, `example.com`: that host and every host under it; `.example.com` (or
 *   `*.example.com`): only the hosts under it;
 * - an IP address, `10.1.2.3` or `::1`, and CIDR ranges, `10.0.0.0/8` or `fd00::/8`: hosts written
 *   as an address in it. A host name is never resolved to check it (the proxy resolves names, and a
 *   lookup here would ask the local DNS about a host it may not know or should not hear of);
 * - any of these with `:port`: only that port.
 *
 * Loopback (localhost, 127.0.0.0/8, ::1) never goes through a proxy, as with Go: an emulator or a
 * tunnel on this machine is not behind the corporate proxy.
 */
import { BlockList, isIP } from "node:net";

interface Rule {
  /** Host name without a leading dot, lower case; or an address. */
  host?: string;
  /** Only names under `host`, not `host` itself. */
  subdomainsOnly?: boolean;
  range?: BlockList;
  port?: string;
}

export interface NoProxy {
  /** True when a request to host:port must not go through the proxy. */
  bypasses(hostname: string, port: string): boolean;
}

function bare(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

export function isLoopbackHost(hostname: string): boolean {
  const h = bare(hostname);
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(h);
  return false;
}

/** One entry's host and port: `host`, `host:port`, `[v6]:port`, `v6` (a bare IPv6 has colons of its own). */
function splitPort(entry: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  const hostPort = /^([^:]+):(\d+)$/.exec(entry);
  if (hostPort) return { host: hostPort[1], port: hostPort[2] };
  return { host: entry };
}

function ruleFor(entry: string): Rule | undefined {
  const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
  if (cidr) {
    const family = isIP(cidr[1]);
    const bits = Number(cidr[2]);
    if (!family || bits > (family === 4 ? 32 : 128)) return undefined;
    const range = new BlockList();
    range.addSubnet(cidr[1], bits, family === 4 ? "ipv4" : "ipv6");
    return { range };
  }
  const { host, port } = splitPort(entry);
  if (isIP(bare(host))) return { host: bare(host), port };
  const name = bare(host).replace(/^\*\./, ".");
  if (!name || name === ".") return undefined;
  return name.startsWith(".") ? { host: name.slice(1), subdomainsOnly: true, port } : { host: name, port };
}

function matches(rule: Rule, host: string, port: string): boolean {
  if (rule.port !== undefined && rule.port !== port) return false;
  const family = isIP(host);
  if (rule.range) return family !== 0 && rule.range.check(host, family === 4 ? "ipv4" : "ipv6");
  if (!rule.host) return false;
  if (family !== 0) return host === rule.host;
  if (host === rule.host) return !rule.subdomainsOnly;
  return host.endsWith(`.${rule.host}`);
}

export function parseNoProxy(value: string | undefined): NoProxy {
  const entries = (value ?? "")
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const all = entries.includes("*");
  // An entry that is none of the forms above matches nothing, as in Go: it is not an error.
  const rules = entries.flatMap((e) => {
    const rule = ruleFor(e.toLowerCase());
    return rule ? [rule] : [];
  });
  return {
    bypasses(hostname, port) {
      if (all || isLoopbackHost(hostname)) return true;
      const host = bare(hostname);
      return rules.some((rule) => matches(rule, host, port));
    },
  };
}
