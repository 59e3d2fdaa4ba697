/**
 * The Terraform plugin, spawned as go-plugin starts it, behind the networks users have: the same
 * proxy, CA and TLS rules as the Pulumi plugin, in Terraform's names, and the gate's
 * `timeouts.create` as a deadline; and one request budget for every data source the process reads.
 */
import { describeDiagnostics, TerraformPlugin } from "../../harness/terraform/terraformClient";
import type { TfObject } from "../../provider/src/terraform/dynamicValue";
import { serveHttp, serveRaw } from "../unit/support/loopback";
import { networkFixture, NetworkFixture, TEST_NAME, TEST_PORT } from "../support/networkFixture";
import { expectBudgetHeld, serveSlowPages } from "../support/slowPages";
import { AK, GATE, JOBS, SK } from "./support";

const PASSWORD = "tf-proxy-pa55word";
let net: NetworkFixture;
const plugins: TerraformPlugin[] = [];

beforeAll(async () => {
  net = await networkFixture({ accessKey: AK, secretKey: SK, jobs: 30, seed: 5 });
});
afterEach(async () => {
  await Promise.all(plugins.splice(0).map((p) => p.stop()));
});
afterAll(async () => {
  await net.close();
});

async function plugin(env: Record<string, string>, block: TfObject): Promise<TerraformPlugin> {
  const p = await TerraformPlugin.spawn({ env });
  plugins.push(p);
  const configured = await p.configure({ project_id: net.emulator.projectId, access_key: AK, secret_key: SK, max_retries: 1, ...block });
  expect(configured.diagnostics).toEqual([]);
  return p;
}

test("through https_proxy with credentials and the CA by SSL_CERT_FILE; the password shows nowhere", async () => {
  const proxy = await net.proxy({ credentials: { user: "tf", password: PASSWORD } });
  const p = await plugin(
    { https_proxy: `http://tf:${PASSWORD}@127.0.0.1:${proxy.port}`, SSL_CERT_FILE: net.caFile },
    { endpoint: `https://${TEST_NAME}:${TEST_PORT}` },
  );
  const { state, diagnostics } = await p.readData(JOBS, { page_size: 10 });
  expect(diagnostics).toEqual([]);
  expect((state as TfObject).total).toBe(30);
  expect(proxy.seen.length).toBeGreaterThan(0);
  expect(
    proxy.seen.every((s) => s.method === "CONNECT" && s.proxyAuthorization === `Basic ${Buffer.from(`tf:${PASSWORD}`).toString("base64")}`),
  ).toBe(true);
  net.emulator.queueFaults([
    { kind: "status", status: 500 },
    { kind: "status", status: 500 },
  ]);
  const failed = await p.readData(JOBS, {});
  expect(describeDiagnostics(failed.diagnostics)[0].detail).toMatch(/HTTP 500/);
  expect(JSON.stringify(failed.diagnostics) + p.stderr).not.toContain(PASSWORD);
});

test("the proxy and ca_cert_file settings; NO_PROXY=* sends everything direct", async () => {
  const configured = await net.proxy();
  const p = await plugin(
    { HTTPS_PROXY: "http://127.0.0.1:9" },
    { endpoint: `https://${TEST_NAME}:${TEST_PORT}`, proxy: configured.url, ca_cert_file: net.caFile },
  );
  expect((await p.readData(JOBS, { limit: 2 })).diagnostics).toEqual([]);
  expect(configured.seen).toHaveLength(1);

  const direct = await net.proxy();
  const q = await plugin(
    { HTTPS_PROXY: direct.url, NO_PROXY: "*" },
    { endpoint: `https://localhost:${net.front.port}`, ca_cert_file: net.caFile },
  );
  expect((await q.readData(JOBS, { limit: 2 })).diagnostics).toEqual([]);
  expect(direct.seen).toHaveLength(0);
});

test("a ca_cert_file that is not there fails ConfigureProvider on ca_cert_file, before any request", async () => {
  const p = await TerraformPlugin.spawn({});
  plugins.push(p);
  const before = net.emulator.stats.requests;
  const { diagnostics } = await p.configure({
    endpoint: `https://localhost:${net.front.port}`,
    project_id: net.emulator.projectId,
    access_key: AK,
    secret_key: SK,
    ca_cert_file: "/nonexistent/corp.pem",
  });
  expect(describeDiagnostics(diagnostics)).toEqual([
    expect.objectContaining({
      path: "ca_cert_file",
      summary: "Invalid provider configuration",
      detail: "ca_cert_file names /nonexistent/corp.pem, which cannot be read (ENOENT); expected a file of PEM certificates",
    }),
  ]);
  expect(net.emulator.stats.requests).toBe(before);
});

test("NODE_TLS_REJECT_UNAUTHORIZED=0 does not turn certificate checks off", async () => {
  const before = net.emulator.stats.requests;
  const p = await plugin({ NODE_TLS_REJECT_UNAUTHORIZED: "0" }, { endpoint: `https://localhost:${net.selfSignedFront.port}` });
  const { diagnostics } = await p.readData(JOBS, {});
  expect(describeDiagnostics(diagnostics)[0].detail).toMatch(
    /not signed by a trusted authority \(DEPTH_ZERO_SELF_SIGNED_CERT\).*ca_cert_file, SSL_CERT_FILE or NODE_EXTRA_CA_CERTS/,
  );
  expect(net.emulator.stats.requests).toBe(before);
});

describe("timeouts.create is a deadline", () => {
  async function applyGate(p: TerraformPlugin, create: string) {
    const config = { batch_name: "b", timeouts: { create } };
    const planned = await p.plan(GATE, null, config);
    return p.apply(GATE, null, planned.planned, config);
  }

  test("against 429 Retry-After: 86400: fails at once on timeouts.create, no second request", async () => {
    const throttled = await serveHttp((_req, res) => {
      res.writeHead(429, { "Retry-After": "86400" });
      res.end("{}");
    });
    try {
      const p = await plugin({}, { endpoint: throttled.url, max_retries: 5 });
      const { diagnostics } = await applyGate(p, "5s");
      expect(describeDiagnostics(diagnostics)).toEqual([
        expect.objectContaining({
          path: "timeouts.create",
          detail: expect.stringMatching(/^timed out after .*\(timeouts\.create 5\).*Retry-After: 86400.*not waiting for it$/),
        }),
      ]);
      expect(throttled.received).toHaveLength(1);
    } finally {
      await throttled.close();
    }
  });

  test("against a server that never answers: fails at the deadline, nothing started after it", async () => {
    const starts: number[] = [];
    const silent = await serveRaw(() => starts.push(Date.now()));
    try {
      const p = await plugin({}, { endpoint: silent.url, request_timeout_seconds: 60 });
      const t0 = Date.now();
      const { diagnostics } = await applyGate(p, "2s");
      expect(describeDiagnostics(diagnostics)[0].detail).toMatch(/a request was still unanswered when the time was up$/);
      expect(starts.length).toBeGreaterThanOrEqual(1);
      for (const at of starts) expect(at).toBeLessThanOrEqual(t0 + 2500);
      expect(Date.now() - t0).toBeLessThan(30_000);
    } finally {
      await silent.close();
    }
  });
});

test("40 data sources read at once never have more requests in flight than max_requests_in_flight, above max_concurrency", async () => {
  // 91 jobs in pages of 10 that overlap by one: the first page, then 9 more at offsets 9, 18, ... 81.
  const server = await serveSlowPages({ jobs: 91, delayMs: 40 });
  try {
    const p = await plugin({}, { endpoint: server.url, max_requests_in_flight: 4, max_concurrency: 10 });
    const batches = Array.from({ length: 40 }, (_, i) => `batch-${i}`);
    const reads = await Promise.all(batches.map((batch_name) => p.readData(JOBS, { batch_name, page_size: 10 })));
    reads.forEach(({ state, diagnostics }, i) => {
      expect(diagnostics).toEqual([]);
      const s = state as TfObject;
      expect(s.total).toBe(91);
      const jobs = s.jobs as TfObject[];
      expect(jobs).toHaveLength(91);
      expect(new Set(jobs.map((j) => j.job_id))).toEqual(server.idsOf(batches[i]));
    });
    expectBudgetHeld(server, batches, 10, 4);
  } finally {
    await server.close();
  }
});
