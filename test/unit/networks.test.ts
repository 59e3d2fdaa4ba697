/**
 * The client behind the networks users have: an https proxy tunnel and a plain http proxy (with
 * and without credentials), a private CA by SSL_CERT_FILE and by setting, and errors that say what
 * to change (NODE_TLS_REJECT_UNAUTHORIZED=0 needs a process of its own: test/pulumi/networks and test/terraform/networks). All on
 * loopback: the proxy resolves `metastudio.test` itself, so nothing is looked up in DNS.
 */
import { ClientSettings, MetaStudioClient, PageRequest } from "../../provider/src/api/metaStudioClient";
import { MetaStudioNetworkError } from "../../provider/src/api/errors";
import { Emulator, startEmulator } from "../../emulator/src";
import { privateCa, ProxyOptions, startProxy, tempFiles, TestCa, TestProxy, tlsFront, TlsFront } from "../support/networks";
import { rejected } from "../support/rejected";

const AK = "AKNETWORKTEST0000001";
const SK = "SK-network-test-secret-00000000000000001";
const PASSWORD = "pr0xy-pa$$word/with:odd@chars";
const NAME = "metastudio.test";
const PORT = 8443;

let emulator: Emulator;
let ca: TestCa;
let front: TlsFront;
let files: ReturnType<typeof tempFiles>;
let caFile: string;
const cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  emulator = await startEmulator({ accessKey: AK, secretKey: SK, jobs: 30, seed: 3 });
  ca = await privateCa();
  front = await tlsFront(emulator.url, await ca.issue([NAME, "localhost", "127.0.0.1"]));
  files = tempFiles();
  caFile = files.write("ca.pem", ca.certPem);
});
afterAll(async () => {
  await front.close();
  await emulator.stop();
  files.remove();
});
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((c) => c()));
});

async function proxy(opts: Partial<ProxyOptions> = {}): Promise<TestProxy> {
  const p = await startProxy({
    hosts: { [`${NAME}:${PORT}`]: `127.0.0.1:${front.port}`, [`${NAME}:80`]: new URL(emulator.url).host },
    ...opts,
  });
  cleanup.push(() => p.close());
  return p;
}

function client(endpoint: string, settings: Partial<ClientSettings> = {}): MetaStudioClient {
  return new MetaStudioClient({
    endpoint,
    projectId: emulator.projectId,
    auth: { kind: "aksk", accessKey: AK, secretKey: SK },
    maxRetries: 1,
    requestTimeoutMs: 10_000,
    backoff: { baseMs: 10, capMs: 20 },
    env: {},
    ...settings,
  });
}
const page = (extra: Partial<PageRequest> = {}): PageRequest => ({ query: [], headers: {}, offset: 0, limit: 10, ...extra });
const withPassword = (p: TestProxy) => `http://alice:${encodeURIComponent(PASSWORD)}@127.0.0.1:${p.port}`;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("an https endpoint through a CONNECT proxy", () => {
  test("HTTPS_PROXY with credentials: one tunnel to the name, the proxy resolves it, Proxy-Authorization sent, password never shown", async () => {
    const p = await proxy({ credentials: { user: "alice", password: PASSWORD } });
    const before = emulator.stats.requests;
    const c = client(`https://${NAME}:${PORT}`, { caCertFile: caFile, env: { HTTPS_PROXY: withPassword(p) } });
    const first = await c.listPage(page());
    const second = await c.listPage(page({ offset: 10 }));
    expect(first.jobs).toHaveLength(10);
    expect(second.jobs).toHaveLength(10);
    expect(emulator.stats.requests - before).toBe(2);
    // Kept alive: both pages went through one tunnel.
    expect(p.seen).toEqual([
      expect.objectContaining({ method: "CONNECT", target: `${NAME}:${PORT}`, proxyAuthorization: basic("alice", PASSWORD) }),
    ]);
    // The tunnel carries TLS: the proxy saw no path, no query, no signature.
    expect(p.seen[0].head).not.toMatch(/jobs|Authorization: SDK|X-Sdk-Date/i);

    emulator.queueFaults([
      { kind: "status", status: 500 },
      { kind: "status", status: 500 },
    ]);
    const lines: string[] = [];
    const err = await rejected(c.listPage(page({ onRetry: (m) => lines.push(m) })));
    const shown = [err.message, ...lines].join("\n");
    expect(shown).toMatch(/HTTP 500/);
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(encodeURIComponent(PASSWORD));
    expect(shown).not.toContain(basic("alice", PASSWORD).slice(6));
  });

  test("HTTPS_PROXY without credentials: the tunnel is opened for anyone, no Proxy-Authorization", async () => {
    const p = await proxy();
    const c = client(`https://${NAME}:${PORT}`, { caCertFile: caFile, env: { https_proxy: p.url } });
    expect((await c.listPage(page())).jobs).toHaveLength(10);
    expect(p.seen).toEqual([expect.objectContaining({ method: "CONNECT", target: `${NAME}:${PORT}`, proxyAuthorization: undefined })]);
  });

  test("the proxy setting wins over HTTPS_PROXY", async () => {
    const configured = await proxy();
    const fromEnv = await proxy();
    const c = client(`https://${NAME}:${PORT}`, { caCertFile: caFile, proxy: configured.url, env: { HTTPS_PROXY: fromEnv.url } });
    expect((await c.listPage(page())).jobs).toHaveLength(10);
    expect(configured.seen).toHaveLength(1);
    expect(fromEnv.seen).toHaveLength(0);
  });

  test("a proxy that wants credentials and gets none: the proxy refused, said so, nothing retried", async () => {
    const p = await proxy({ credentials: { user: "alice", password: PASSWORD } });
    const c = client(`https://${NAME}:${PORT}`, { caCertFile: caFile, maxRetries: 3, env: { HTTPS_PROXY: p.url } });
    const err = await rejected(c.listPage(page()));
    expect(err).toBeInstanceOf(MetaStudioNetworkError);
    expect(err.message).toMatch(/the proxy refused the request: HTTP 407.*user:password@host:port/);
    expect(p.seen).toHaveLength(1);
  });

  test("a name the proxy cannot reach: its 502 is retried and reported as the proxy's, with what to check", async () => {
    const p = await proxy();
    const c = client("https://metastudio.cn-nrth-4.myhuaweicloud.com", { caCertFile: caFile, env: { HTTPS_PROXY: p.url } });
    const err = await rejected(c.listPage(page()));
    expect(err.message).toMatch(
      /after 2 attempt\(s\): the proxy refused the request: HTTP 502.*the proxy could not reach the endpoint: check region, cloud or endpoint/,
    );
    expect(p.seen.map((s) => s.target)).toEqual([
      "metastudio.cn-nrth-4.myhuaweicloud.com:443",
      "metastudio.cn-nrth-4.myhuaweicloud.com:443",
    ]);
  });

  test("loopback is never proxied, and NO_PROXY's forms are honoured", async () => {
    const p = await proxy();
    const direct = client(`https://localhost:${front.port}`, { caCertFile: caFile, env: { HTTPS_PROXY: p.url } });
    expect((await direct.listPage(page())).jobs).toHaveLength(10);
    expect(p.seen).toHaveLength(0);
    // metastudio.test:PORT on another port is not bypassed; this port is.
    const other = client(`https://${NAME}:${PORT}`, { caCertFile: caFile, env: { HTTPS_PROXY: p.url, NO_PROXY: `10.0.0.0/8, ${NAME}:1` } });
    expect((await other.listPage(page())).jobs).toHaveLength(10);
    expect(p.seen).toHaveLength(1);
  });

  test("an unusable HTTPS_PROXY is an error naming the variable, never its value", () => {
    expect(() =>
      client(`https://${NAME}:${PORT}`, { env: { HTTPS_PROXY: `socks5://bob:${encodeURIComponent(PASSWORD)}@127.0.0.1:1080` } }),
    ).toThrow(/^HTTPS_PROXY is not a usable proxy \(the value is not shown\): the scheme socks5:\/\/ is not supported/);
    try {
      client(`https://${NAME}:${PORT}`, { env: { HTTPS_PROXY: `http://bob:${PASSWORD}@[bad` } });
      throw new Error("expected a failure");
    } catch (err) {
      expect((err as Error).message).toMatch(/^HTTPS_PROXY is not a usable proxy/);
      expect((err as Error).message).not.toContain(PASSWORD);
    }
  });
});

describe("an http endpoint through a plain http proxy", () => {
  test("HTTP_PROXY: the request in absolute form, with Proxy-Authorization; the name is the proxy's to resolve", async () => {
    const p = await proxy({ credentials: { user: "alice", password: PASSWORD } });
    const c = client(`http://${NAME}`, { env: { HTTP_PROXY: withPassword(p), HTTPS_PROXY: "http://127.0.0.1:9" } });
    const listed = await c.listPage(page({ query: [["batch_name", "b"]] }));
    expect(listed.count).toBe(0);
    expect(p.seen).toEqual([
      expect.objectContaining({
        method: "GET",
        proxyAuthorization: basic("alice", PASSWORD),
        target: expect.stringMatching(new RegExp(`^http://${NAME}/v1/`)),
      }),
    ]);
  });

  test("a 407 from a plain http proxy is the proxy's refusal, not the API's", async () => {
    const p = await proxy({ credentials: { user: "alice", password: PASSWORD } });
    const c = client(`http://${NAME}`, { env: { http_proxy: `http://alice:wrong@127.0.0.1:${p.port}` } });
    const err = await rejected(c.listPage(page()));
    expect(err.message).toMatch(/the proxy refused the request: HTTP 407/);
    expect(err.message).not.toContain("wrong");
  });
});

describe("trusted roots and certificate checks", () => {
  const endpoint = () => `https://localhost:${front.port}`;

  test("a private CA's certificate is refused without the CA, with the ways to add it", async () => {
    const err = await rejected(client(endpoint()).listPage(page()));
    expect(err.message).toMatch(
      /the TLS certificate of localhost is not signed by a trusted authority \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/,
    );
    expect(err.message).toMatch(/add that CA with caCertFile, SSL_CERT_FILE or NODE_EXTRA_CA_CERTS/);
  });

  test("the CA by SSL_CERT_FILE or by caCertFile: trusted, the bundled roots kept", async () => {
    expect((await client(endpoint(), { env: { SSL_CERT_FILE: caFile } }).listPage(page())).jobs).toHaveLength(10);
    expect((await client(endpoint(), { caCertFile: caFile }).listPage(page())).jobs).toHaveLength(10);
  });

  test("a CA file that is not there or holds no certificate: an error naming the setting before any request", () => {
    const before = emulator.stats.requests;
    expect(() => client(endpoint(), { caCertFile: files.write("empty.pem", "nothing here\n") })).toThrow(
      /^caCertFile names .*empty\.pem, which holds no PEM certificate/,
    );
    expect(() => client(endpoint(), { env: { SSL_CERT_FILE: "/nonexistent/ca.pem" } })).toThrow(
      /^SSL_CERT_FILE names \/nonexistent\/ca\.pem, which cannot be read \(ENOENT\)/,
    );
    expect(emulator.stats.requests).toBe(before);
  });
});

describe("errors a person can act on", () => {
  test("https:// to a port that speaks plain http", async () => {
    const port = new URL(emulator.url).port;
    const err = await rejected(client(`https://127.0.0.1:${port}`, { maxRetries: 0 }).listPage(page()));
    expect(err.message).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${port} answered the https:// request with something other than TLS \\(plain http\\?\\)`),
    );
    expect(err.message).not.toMatch(/ssl routines|openssl/i);
  });
});
