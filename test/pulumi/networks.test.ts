/**
 * The Pulumi plugin, spawned as the engine starts it, behind the networks users have: a CONNECT
 * proxy with credentials and a private CA, a self-signed endpoint under
 * NODE_TLS_REJECT_UNAUTHORIZED=0, and a gate whose time limit is a deadline against a server that
 * throttles for a day or never answers; and one request budget for every invoke of the process.
 */
import { FakeEngine, PluginHost, secret } from "../../harness/pulumi/engineStandIn";
import { serveHttp, serveRaw } from "../unit/support/loopback";
import { networkFixture, NetworkFixture, plainNodeStatus, TEST_NAME, TEST_PORT } from "../support/networkFixture";
import { rejected } from "../support/rejected";
import { expectBudgetHeld, serveSlowPages } from "../support/slowPages";
import { AK, GET, SK, WAIT } from "./support";

const PASSWORD = "engine-proxy-pa55word";
let net: NetworkFixture;
let engine: FakeEngine;
const hosts: PluginHost[] = [];

beforeAll(async () => {
  net = await networkFixture({ accessKey: AK, secretKey: SK, jobs: 40, seed: 4 });
  engine = await new FakeEngine().start();
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});
afterAll(async () => {
  await engine.stop();
  await net.close();
});

async function plugin(env: Record<string, string>, config: Record<string, unknown>): Promise<PluginHost> {
  const host = await PluginHost.start({ engine, env });
  hosts.push(host);
  await host.configure({ projectId: net.emulator.projectId, accessKey: secret(AK), secretKey: secret(SK), maxRetries: "1", ...config });
  return host;
}

test("through HTTPS_PROXY with credentials and the CA by caCertFile: the proxy resolves the name, the password shows nowhere", async () => {
  const proxy = await net.proxy({ credentials: { user: "ops", password: PASSWORD } });
  const host = await plugin(
    { HTTPS_PROXY: `http://ops:${PASSWORD}@127.0.0.1:${proxy.port}` },
    { endpoint: `https://${TEST_NAME}:${TEST_PORT}`, caCertFile: net.caFile },
  );
  const r = await host.invoke(GET, { pageSize: 20 });
  expect(r.failures).toEqual([]);
  expect(r.ret!.count).toBe(40);
  expect(proxy.seen.length).toBeGreaterThanOrEqual(1);
  expect(proxy.seen.every((s) => s.method === "CONNECT" && s.target === `${TEST_NAME}:${TEST_PORT}`)).toBe(true);
  expect(proxy.seen[0].proxyAuthorization).toBe(`Basic ${Buffer.from(`ops:${PASSWORD}`).toString("base64")}`);
  net.emulator.queueFaults([
    { kind: "status", status: 503 },
    { kind: "status", status: 503 },
  ]);
  const failed = await rejected(host.invoke(GET, {}));
  expect(failed.message).toMatch(/HTTP 503/);
  const seen = [failed.message, host.stderr, JSON.stringify(engine.logs)].join("\n");
  expect(seen).not.toContain(PASSWORD);
});

test("the proxy setting overrides the environment, and a bad one is a failure naming proxy, never its value", async () => {
  const configured = await net.proxy();
  const fromEnv = await net.proxy();
  const host = await plugin(
    { HTTPS_PROXY: fromEnv.url, SSL_CERT_FILE: net.caFile },
    { endpoint: `https://${TEST_NAME}:${TEST_PORT}`, proxy: secret(configured.url) },
  );
  expect((await host.invoke(GET, { limit: 3 })).ret!.count).toBe(40);
  expect(configured.seen).toHaveLength(1);
  expect(fromEnv.seen).toHaveLength(0);

  const bad = await host.checkConfig({ region: "cn-north-4", proxy: secret(`socks5://u:${PASSWORD}@p:1080`) });
  expect(bad.failures).toEqual([{ property: "proxy", reason: expect.stringMatching(/^metastudio:proxy is \(a secret value\); .*socks5/) }]);
  expect(JSON.stringify(bad.failures)).not.toContain(PASSWORD);
});

test("NODE_TLS_REJECT_UNAUTHORIZED=0 does not turn certificate checks off", async () => {
  const url = `https://localhost:${net.selfSignedFront.port}`;
  // In a process with the variable, Node's own client accepts the self-signed certificate.
  expect(await plainNodeStatus(`${url}/`, { NODE_TLS_REJECT_UNAUTHORIZED: "0" })).toBe("404");
  const host = await plugin({ NODE_TLS_REJECT_UNAUTHORIZED: "0" }, { endpoint: url });
  const before = net.emulator.stats.requests;
  const err = await rejected(host.invoke(GET, {}));
  expect(err.message).toMatch(/the TLS certificate of localhost is not signed by a trusted authority \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  expect(net.emulator.stats.requests).toBe(before);
});

describe("the gate's timeoutSeconds is a deadline", () => {
  test("against 429 Retry-After: 86400 it fails at once, saying the retry would come after the time limit", async () => {
    const throttled = await serveHttp((_req, res) => {
      res.writeHead(429, { "Retry-After": "86400" });
      res.end("{}");
    });
    try {
      const host = await plugin({}, { endpoint: throttled.url, maxRetries: "5" });
      const r = await host.invoke(WAIT, { batchName: "b", timeoutSeconds: 3 });
      expect(r.failures).toEqual([
        {
          property: "timeoutSeconds",
          reason: expect.stringMatching(
            /^timed out after [\d.]+ s \(timeoutSeconds 3\) before the jobs could be listed: .*Retry-After: 86400.*not waiting for it$/,
          ),
        },
      ]);
      expect(throttled.received).toHaveLength(1);
    } finally {
      await throttled.close();
    }
  });

  test("against a server that never answers it fails at the deadline, no request started after it", async () => {
    const starts: number[] = [];
    const silent = await serveRaw(() => starts.push(Date.now()));
    try {
      const host = await plugin({}, { endpoint: silent.url, requestTimeoutSeconds: "60" });
      const t0 = Date.now();
      const r = await host.invoke(WAIT, { batchName: "b", timeoutSeconds: 2 });
      expect(r.failures).toEqual([
        { property: "timeoutSeconds", reason: expect.stringMatching(/a request was still unanswered when the time was up$/) },
      ]);
      expect(starts.length).toBeGreaterThanOrEqual(1);
      for (const at of starts) expect(at).toBeLessThanOrEqual(t0 + 2000);
      expect(Date.now() - t0).toBeLessThan(30_000);
    } finally {
      await silent.close();
    }
  });
});

test("40 listings invoked at once never have more requests in flight than maxRequestsInFlight, above maxConcurrency", async () => {
  // 91 jobs in pages of 10 that overlap by one: the first page, then 9 more at offsets 9, 18, ... 81.
  const server = await serveSlowPages({ jobs: 91, delayMs: 40 });
  try {
    const host = await plugin({}, { endpoint: server.url, maxRequestsInFlight: "4", maxConcurrency: "10" });
    // A batch each: identical invokes in flight together would share one listing (single flight).
    const batches = Array.from({ length: 40 }, (_, i) => `batch-${i}`);
    const results = await Promise.all(batches.map((batchName) => host.invoke(GET, { batchName, pageSize: 10 })));
    results.forEach((r, i) => {
      expect(r.failures).toEqual([]);
      expect(r.ret!.count).toBe(91);
      const jobs = r.ret!.jobs as Array<{ jobId: string }>;
      expect(jobs).toHaveLength(91);
      expect(new Set(jobs.map((j) => j.jobId))).toEqual(server.idsOf(batches[i]));
    });
    expectBudgetHeld(server, batches, 10, 4);
  } finally {
    await server.close();
  }
});
