/** Which proxy a request takes (proxy.ts, noProxy.ts) and how a failed connection is explained. */
import { parseNoProxy } from "../../provider/src/api/noProxy";
import { proxyFor } from "../../provider/src/api/proxy";
import { proxyUrlProblem } from "../../provider/src/schema/proxyUrl";
import { TransportError } from "../../provider/src/api/httpGet";
import { explainTransport } from "../../provider/src/api/transportHints";
import { render, TABLE_SPELLING } from "../../provider/src/schema/text";

/** The explanation as one line, fields in the tables' own names. */
const explained = (...args: Parameters<typeof explainTransport>) => {
  const { cause, hint } = explainTransport(...args);
  return hint ? `${cause}; ${render(hint, TABLE_SPELLING)}` : cause;
};

const https = (host: string) => new URL(`https://${host}`);

describe("NO_PROXY", () => {
  test.each([
    // [entry, host, port, bypassed]
    ["example.com", "example.com", "443", true],
    ["example.com", "api.example.com", "443", true],
    ["example.com", "badexample.com", "443", false],
    [".example.com", "api.example.com", "443", true],
    [".example.com", "example.com", "443", false],
    ["*.example.com", "a.b.example.com", "443", true],
    ["EXAMPLE.com.", "Api.Example.COM", "443", true],
    ["example.com:8443", "example.com", "8443", true],
    ["example.com:8443", "example.com", "443", false],
    ["10.0.0.0/8", "10.20.30.40", "443", true],
    ["10.0.0.0/8", "11.0.0.1", "443", false],
    // A name is never resolved to check it against a range.
    ["10.0.0.0/8", "intranet.example", "443", false],
    ["192.168.1.7", "192.168.1.7", "443", true],
    ["192.168.1.7:8443", "192.168.1.7", "443", false],
    ["fd00::/8", "[fd12::1]", "443", true],
    ["[fd12::1]:443", "[fd12::1]", "443", true],
    ["*", "anything.example", "443", true],
    ["a.example, b.example ,c.example", "c.example", "443", true],
    // Commas separate, as in Go: a blank inside an entry makes it match nothing.
    ["a.example b.example", "b.example", "443", false],
    // Addresses as addresses: another spelling of the same one matches.
    ["fd00:0:0:0:0:0:0:1", "[fd00::1]", "443", true],
    ["[fd00:0:0:0:0:0:0:1]:443", "[fd00::1]", "443", true],
    ["fd00::1", "[fd00::2]", "443", false],
    ["not/a/cidr, /99", "example.com", "443", false],
    ["", "example.com", "443", false],
  ])("%j: %s:%s bypassed %s", (entry, host, port, bypassed) => {
    expect(parseNoProxy(entry).bypasses(host, port)).toBe(bypassed);
  });

  test.each(["localhost", "127.0.0.1", "127.9.9.9", "[::1]", "metastudio.localhost", new URL("https://[::ffff:127.0.0.1]/").hostname])(
    "loopback %s is never proxied",
    (host) => {
      expect(parseNoProxy("").bypasses(host, "443")).toBe(true);
    },
  );
});

describe("the proxy for an endpoint", () => {
  const P = "http://proxy.corp:3128";
  test("HTTPS_PROXY for https, HTTP_PROXY for http, upper case first, as Go reads them", () => {
    expect(proxyFor(https("api.example"), undefined, { HTTPS_PROXY: P, https_proxy: "http://lower:1" })?.url.href).toBe(`${P}/`);
    expect(proxyFor(https("api.example"), undefined, { https_proxy: "http://lower:1" })?.source).toBe("https_proxy");
    expect(proxyFor(https("api.example"), undefined, { HTTP_PROXY: P })).toBeUndefined();
    expect(proxyFor(new URL("http://api.example"), undefined, { HTTP_PROXY: P, HTTPS_PROXY: "http://other:1" })?.source).toBe("HTTP_PROXY");
  });

  test("without a scheme, http:// is meant; a blank variable is no proxy", () => {
    expect(proxyFor(https("api.example"), undefined, { HTTPS_PROXY: "proxy.corp:3128" })?.url.href).toBe(`${P}/`);
    expect(proxyFor(https("api.example"), undefined, { HTTPS_PROXY: "  " })).toBeUndefined();
  });

  test("the setting replaces the variables; NO_PROXY still applies to it", () => {
    const env = { HTTPS_PROXY: "http://env:1", NO_PROXY: "internal.example" };
    expect(proxyFor(https("api.example"), P, env)?.source).toBe("proxy");
    expect(proxyFor(https("api.internal.example"), P, env)).toBeUndefined();
    expect(proxyFor(https("api.example"), P, { no_proxy: "*" })).toBeUndefined();
  });

  test("credentials become Proxy-Authorization (percent-decoded) and leave the URL", () => {
    const chosen = proxyFor(https("api.example"), "http://us%40er:p%3Ass@proxy.corp:3128", {})!;
    expect(chosen.url.href).toBe(`${P}/`);
    expect(chosen.authorization).toBe(`Basic ${Buffer.from("us@er:p:ss").toString("base64")}`);
  });

  test.each([
    ["socks5://proxy:1080", /socks5:\/\/ is not supported/],
    ["http://proxy:3128/path", /no path, query or fragment/],
    ["http://proxy:3128?x=1", /no path, query or fragment/],
    ["http://[bad", /not a URL/],
  ])("%s is refused, saying why", (value, why) => {
    expect(proxyUrlProblem(value)).toMatch(why);
  });
});

describe("failed connections explained", () => {
  const endpoint = new URL("https://metastudio.cn-nrth-4.myhuaweicloud.com");
  test("a host DNS does not know names the settings that make it", () => {
    const err = new TransportError("ENOTFOUND", "getaddrinfo ENOTFOUND metastudio.cn-nrth-4.myhuaweicloud.com");
    expect(explained(err, endpoint, false)).toBe(
      "the host metastudio.cn-nrth-4.myhuaweicloud.com was not found (DNS: ENOTFOUND); check region, cloud or endpoint (the endpoint is https://metastudio.{region}.{cloud})",
    );
  });

  test("a certificate for another name, an expired one; anything else is Node's text", () => {
    expect(explained(new TransportError("ERR_TLS_CERT_ALTNAME_INVALID", "x"), endpoint, false)).toMatch(/is for another host name/);
    expect(explained(new TransportError("CERT_HAS_EXPIRED", "x"), endpoint, false)).toMatch(/not valid now .*clock/);
    expect(explained(new TransportError("ECONNRESET", "ECONNRESET: socket hang up"), endpoint, false)).toBe("ECONNRESET: socket hang up");
  });
});
