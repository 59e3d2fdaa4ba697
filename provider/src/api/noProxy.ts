/**
 * NO_PROXY as Go's golang.org/x/net/http/httpproxy reads it (and curl, for the forms both take):
 * a list separated by commas (each entry trimmed; an entry with a space inside matches nothing) of
 *
 * - `*`: no host goes through the proxy;
 * - a host name, `example.com`: that host and every host under it; `.example.com` (or
 *   `*.example.com`): only the hosts under it;
 * - an IP address, `10.1.2.3` or `::1`, and CIDR ranges, `10.0.0.0/8` or `fd00::/8`: hosts written
 *   as an address in it. A host name is never resolved to check it (the proxy resolves names, and a
 *   lookup here would ask the local DNS about a host it may not know or should not hear of);
 * - any of these with `:port`: only that port.
 *
 * Loopback (localhost, 127.0.0.0/8, ::1, ::ffff:127.0.0.0/104) never goes through a proxy, as with
 * Go: an emulator or a tunnel on this machine is not behind the corporate proxy. Names under
 * `.localhost` count too (RFC 6761 reserves them for loopback), where Go proxies them.
 * Addresses are compared as addresses, not as text: `fd00:0:0:0:0:0:0:1` is `[fd00::1]`.
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

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");
// The URL parser writes [::ffff:127.0.0.1] as [::ffff:7f00:1]: matched as a number, either way.
LOOPBACK.addSubnet("::ffff:127.0.0.0", 104, "ipv6");

const familyOf = (ip: string): "ipv4" | "ipv6" => (isIP(ip) === 4 ? "ipv4" : "ipv6");

export function isLoopbackHost(hostname: string): boolean {
  const h = bare(hostname);
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  return isIP(h) !== 0 && LOOPBACK.check(h, familyOf(h));
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
  const ip = bare(host);
  if (isIP(ip)) {
    const range = new BlockList();
    range.addAddress(ip, familyOf(ip));
    return { range, port };
  }
  const name = bare(host).replace(/^\*\./, ".");
  if (!name || name === ".") return undefined;
  return name.startsWith(".") ? { host: name.slice(1), subdomainsOnly: true, port } : { host: name, port };
}

function matches(rule: Rule, host: string, port: string): boolean {
  if (rule.port !== undefined && rule.port !== port) return false;
  const family = isIP(host);
  if (rule.range) return family !== 0 && rule.range.check(host, familyOf(host));
  if (!rule.host) return false;
  if (family !== 0) return host === rule.host;
  if (host === rule.host) return !rule.subdomainsOnly;
  return host.endsWith(`.${rule.host}`);
}

export function parseNoProxy(value: string | undefined): NoProxy {
  const entries = (value ?? "")
    .split(",")
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
