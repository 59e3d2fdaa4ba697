/**
 * The `metastudio` command behind the networks users have, as the providers are: through a
 * CONNECT proxy with credentials (from the environment, and from a credentials file), a private CA
 * by flag, and a self-signed endpoint refused whatever NODE_TLS_REJECT_UNAUTHORIZED says. The
 * endpoint's name, metastudio.test, is known only to the test proxy.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { networkFixture, NetworkFixture, TEST_NAME, TEST_PORT } from "../support/networkFixture";
import { AK, cliEnv, runCli, SK } from "./support";

const PASSWORD = "cli-proxy-pa55word";
let net: NetworkFixture;
let dir: string;

beforeAll(async () => {
  net = await networkFixture({ accessKey: AK, secretKey: SK, jobs: 25, seed: 11 });
  dir = mkdtempSync(join(tmpdir(), "metastudio-cli-net-"));
});
afterAll(async () => {
  await net.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return cliEnv(undefined, {
    HW_PROJECT_ID: net.emulator.projectId,
    HW_ACCESS_KEY: AK,
    HW_SECRET_KEY: SK,
    HTTPS_PROXY: undefined,
    https_proxy: undefined,
    HTTP_PROXY: undefined,
    http_proxy: undefined,
    NO_PROXY: undefined,
    no_proxy: undefined,
    ...extra,
  });
}

const ENDPOINT = ["--endpoint", `https://${TEST_NAME}:${TEST_PORT}`];
const basic = (user: string) => `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString("base64")}`;

test("through HTTPS_PROXY with credentials and the CA by --ca-cert-file; the password shows nowhere", async () => {
  const proxy = await net.proxy({ credentials: { user: "ci", password: PASSWORD } });
  const r = await runCli(
    ["jobs", "list", ...ENDPOINT, "--ca-cert-file", net.caFile, "--output", "json"],
    env({ HTTPS_PROXY: `http://ci:${PASSWORD}@127.0.0.1:${proxy.port}` }),
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect((JSON.parse(r.stdout) as { count: number }).count).toBe(25);
  expect(proxy.seen.length).toBeGreaterThan(0);
  expect(
    proxy.seen.every((s) => s.method === "CONNECT" && s.target === `${TEST_NAME}:${TEST_PORT}` && s.proxyAuthorization === basic("ci")),
  ).toBe(true);
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
});

test("HTTPS_PROXY from the credentials file wins over the environment's", async () => {
  const proxy = await net.proxy({ credentials: { user: "file", password: PASSWORD } });
  const file = join(dir, "credentials.env");
  writeFileSync(file, `HTTPS_PROXY=http://file:${PASSWORD}@127.0.0.1:${proxy.port}\n`);
  const r = await runCli(
    ["jobs", "list", ...ENDPOINT, "--ca-cert-file", net.caFile, "--credentials-file", file, "--limit", "3"],
    env({ HTTPS_PROXY: "http://127.0.0.1:9" }),
  );
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(proxy.seen.every((s) => s.proxyAuthorization === basic("file"))).toBe(true);
  expect(proxy.seen.length).toBeGreaterThan(0);
});

test("--proxy is refused as a credential (exit 4), naming HTTPS_PROXY, without repeating its value", async () => {
  const r = await runCli(["jobs", "list", ...ENDPOINT, "--proxy", `http://u:${PASSWORD}@127.0.0.1:9`], env({}));
  expect(r.code).toBe(4);
  expect(r.stderr).toMatch(/--proxy is not accepted.*HTTPS_PROXY/);
  expect(r.stderr).not.toContain(PASSWORD);
});

test("a self-signed endpoint is refused with NODE_TLS_REJECT_UNAUTHORIZED=0 set, and no request reaches it (exit 5)", async () => {
  const before = net.emulator.stats.requests;
  const r = await runCli(
    ["jobs", "list", "--endpoint", `https://localhost:${net.front.port}`, "--max-retries", "0"],
    env({ NODE_TLS_REJECT_UNAUTHORIZED: "0" }),
  );
  expect(r.code).toBe(5);
  expect(r.stderr).toMatch(/certificate/i);
  expect(net.emulator.stats.requests).toBe(before);
});
