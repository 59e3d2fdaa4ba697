/**
 * The built plugin driven over gRPC as the engine drives it: start-up, schema, configuration,
 * and validation failures. The emulator on loopback stands in for MetaStudio.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../harness/repoRoot";
import { invokeRequestBytes, nested } from "../support/structBytes";
import { AK, Emulator, GET, PluginHost, secret, SK, startEmulator, TOKEN } from "./support";

let emulator: Emulator;
let tokenEmulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, seed: 1 });
  tokenEmulator = await startEmulator({ port: 0, token: TOKEN, seed: 1 });
});
afterAll(async () => {
  await emulator.stop();
  await tokenEmulator.stop();
});

describe("plugin start-up and schema", () => {
  let host: PluginHost;
  beforeAll(async () => {
    host = await PluginHost.start();
  });
  afterAll(() => host.stop());

  test("prints only its port on stdout and answers GetPluginInfo and Handshake", async () => {
    expect(host.port).toBeGreaterThan(0);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(await host.getPluginInfo()).toBe(pkg.version);
    const hs = await host.handshake();
    expect(hs.getAcceptSecrets()).toBe(true);
    expect(host.stdoutRest.join("")).toBe("");
  });

  test("GetSchema serves provider/schema.json", async () => {
    const onDisk = JSON.parse(readFileSync(join(REPO_ROOT, "provider", "schema.json"), "utf8")) as unknown;
    expect(await host.getSchema()).toEqual(onDisk);
  });
});

describe("configuration", () => {
  test("CheckConfig returns failures a person can act on, and never repeats a secret", async () => {
    const host = await PluginHost.start();
    try {
      const { failures, inputs } = await host.checkConfig({
        region: "north4",
        accessKey: secret("AK-ONLY-VALUE"),
        endpoint: "http://metastudio.example.com",
        maxRetries: "lots",
      });
      const text = failures.map((f) => `${f.property}: ${f.reason}`).join("\n");
      expect(text).toMatch(/maxRetries: .*"lots"; expected an integer/);
      expect(text).not.toContain("AK-ONLY-VALUE");
      expect(inputs.accessKey).toEqual(secret("AK-ONLY-VALUE"));

      const second = await host.checkConfig({
        region: "north4",
        accessKey: secret("AK-ONLY-VALUE"),
        endpoint: "http://metastudio.example.com",
      });
      const reasons = second.failures.map((f) => f.property);
      expect(reasons).toEqual(expect.arrayContaining(["region", "secretKey", "endpoint"]));
      expect(JSON.stringify(second.failures)).not.toContain("AK-ONLY-VALUE");

      expect((await host.checkConfig({ region: "cn-north-4", accessKey: secret("A"), secretKey: secret("S") })).failures).toEqual([]);
    } finally {
      await host.stop();
    }
  });

  test("CheckConfig: a pasted credential's newline is dropped; what cannot be sent is refused unquoted; a value sent secret is never echoed", async () => {
    const host = await PluginHost.start();
    try {
      const base = { region: "cn-north-4", projectId: emulator.projectId };
      expect((await host.checkConfig({ ...base, authToken: secret("TOKEN-pasted\r\n") })).failures).toEqual([]);
      const { failures } = await host.checkConfig({
        ...base,
        authToken: secret("TOKEN-with\nnewline-and-ü"),
        maxRetries: secret("lots-of-retries"),
        endpoint: "https://:hunter2@metastudio.example.com",
        requestTimeoutSeconds: secret(-7),
      });
      const text = failures.map((f) => `${f.property}: ${f.reason}`).join("\n");
      expect(text).toMatch(/authToken: metastudio:authToken is \(a secret value\); it holds a line break/);
      expect(text).toMatch(/maxRetries: metastudio:maxRetries is \(a secret value\); expected an integer from 0 to 20/);
      expect(text).toMatch(/requestTimeoutSeconds: metastudio:requestTimeoutSeconds is \(a secret value\)/);
      expect(text).toMatch(/endpoint: .*without query, fragment or user info/);
      for (const leaked of ["TOKEN-with", "newline", "lots-of-retries", "hunter2", "-7"]) expect(text).not.toContain(leaked);
    } finally {
      await host.stop();
    }
  });

  test.each([[".."], ["."], ["not-a-project"]])(
    "projectId %j is refused by CheckConfig, and an invoke configured with it sends nothing",
    async (projectId) => {
      const host = await PluginHost.start();
      try {
        const checked = await host.checkConfig({ endpoint: emulator.url, projectId, accessKey: secret(AK), secretKey: secret(SK) });
        expect(checked.failures).toEqual([
          expect.objectContaining({ property: "projectId", reason: expect.stringMatching(/32 hexadecimal digits/) }),
        ]);
        await host.configure({ endpoint: emulator.url, projectId, accessKey: secret(AK), secretKey: secret(SK) });
        const before = emulator.stats.requests;
        const r = await host.invoke(GET, { limit: 1 });
        expect(r.failures[0]).toMatchObject({ property: "projectId" });
        expect(emulator.stats.requests).toBe(before);
      } finally {
        await host.stop();
      }
    },
  );

  test("a token pasted with its newline (config or environment) is used without it", async () => {
    const host = await PluginHost.start({ env: { HW_AUTH_TOKEN: `${TOKEN}\n` } });
    try {
      await host.configure({ endpoint: tokenEmulator.url, projectId: tokenEmulator.projectId });
      expect((await host.invoke(GET, { limit: 1 })).ret?.jobs).toHaveLength(1);
      await host.configure({ endpoint: tokenEmulator.url, projectId: tokenEmulator.projectId, authToken: secret(`${TOKEN}\r\n`) });
      expect((await host.invoke(GET, { limit: 1 })).ret?.jobs).toHaveLength(1);
    } finally {
      await host.stop();
    }
  });

  test("Configure args with secrets (explicit provider / new engines) reach the client", async () => {
    const host = await PluginHost.start();
    try {
      await host.configure({ endpoint: emulator.url, projectId: emulator.projectId, accessKey: secret(AK), secretKey: secret(SK) });
      const r = await host.invoke(GET, { limit: 5 });
      expect(r.failures).toEqual([]);
      expect(r.ret?.count).toBe(101);
    } finally {
      await host.stop();
    }
  });

  test("Configure variables alone (metastudio:config:*) are not dropped", async () => {
    const host = await PluginHost.start();
    try {
      await host.configure(
        {},
        {
          "metastudio:config:endpoint": tokenEmulator.url,
          "metastudio:config:projectId": tokenEmulator.projectId,
          "metastudio:config:authToken": TOKEN,
        },
      );
      const r = await host.invoke(GET, { limit: 1 });
      expect(r.failures).toEqual([]);
      expect(r.ret?.jobs).toHaveLength(1);
    } finally {
      await host.stop();
    }
  });

  test("with no config at all, the environment (HW_* names) configures the plugin", async () => {
    const host = await PluginHost.start({
      env: { HW_METASTUDIO_ENDPOINT: tokenEmulator.url, HW_PROJECT_ID: tokenEmulator.projectId, HW_AUTH_TOKEN: TOKEN },
    });
    try {
      await host.configure({});
      const r = await host.invoke(GET, { limit: 2 });
      expect(r.failures).toEqual([]);
      expect(r.ret?.jobs).toHaveLength(2);
    } finally {
      await host.stop();
    }
  });

  test("missing settings fail the invoke, naming the config key and env var", async () => {
    const host = await PluginHost.start();
    try {
      await host.configure({});
      const r = await host.invoke(GET, {});
      const text = r.failures.map((f) => f.reason).join("\n");
      expect(text).toMatch(/metastudio:region \(or HW_REGION_NAME\)/);
      expect(text).toMatch(/metastudio:projectId/);
      expect(text).toMatch(/metastudio:accessKey/);
    } finally {
      await host.stop();
    }
  });
});

describe("input validation happens before any request", () => {
  let host: PluginHost;
  beforeAll(async () => {
    host = await PluginHost.start();
    await host.configure({ endpoint: emulator.url, projectId: emulator.projectId, accessKey: secret(AK), secretKey: secret(SK) });
  });
  afterAll(() => host.stop());

  test.each([
    [{ limit: 0 }, "limit", /expected an integer from 1/],
    [{ states: ["JOB_FINSH"] }, "states", /did you mean JOB_FINISH\?/],
    [{ sortKey: "name" }, "sortKey", /create_time, update_time, asset_order/],
    [{ createSince: "last week" }, "createSince", /RFC 3339/],
    [{ pageSize: 500 }, "pageSize", /from 1 to 100/],
    [{ unknownThing: 1 }, "unknownThing", /not an input/],
  ])("%j → failure on %s, and nothing is sent", async (args, property, reason) => {
    const before = emulator.stats.requests;
    const r = await host.invoke(GET, args);
    expect(r.ret).toBeUndefined();
    expect(r.failures[0].property).toBe(property);
    expect(r.failures[0].reason).toMatch(reason);
    expect(emulator.stats.requests).toBe(before);
  });

  test.each([
    [{ appUserId: "user\r\nX-Injected: 1" }, "appUserId", /line break/],
    [{ appUserId: "用户" }, "appUserId", /outside ASCII/],
    [{ createSince: "0000-01-01T00:00:00+01:00" }, "createSince", /outside the years 0000 to 9999/],
    [{ createUntil: "9999-12-31T23:59:59-00:01" }, "createUntil", /outside the years 0000 to 9999/],
    [{ queryProjectId: ".." }, "queryProjectId", /32 hexadecimal digits/],
  ])("%j → failure on %s before anything is sent", async (args, property, reason) => {
    const before = emulator.stats.requests;
    const r = await host.invoke(GET, args);
    expect(r.failures[0]).toMatchObject({ property, reason: expect.stringMatching(reason) });
    expect(emulator.stats.requests).toBe(before);
  });

  test("a 1 MB input gets a short failure at once, not a request nor an error too large for gRPC to deliver", async () => {
    const before = emulator.stats.requests;
    const r = await host.invoke(GET, { name: "n".repeat(1_000_000), tag: "t".repeat(300) });
    expect(r.failures.map((f) => f.property).sort()).toEqual(["name", "tag"]);
    for (const f of r.failures) expect(f.reason.length).toBeLessThan(400);
    expect(emulator.stats.requests).toBe(before);
  });

  test('"__proto__" sent as an input is refused, not silently ignored', async () => {
    const before = emulator.stats.requests;
    const args = JSON.parse('{"__proto__": {"limit": 1}, "limit": 2}') as Record<string, unknown>;
    const r = await host.invokeBytes(invokeRequestBytes(GET, args));
    expect(r.failures).toEqual([
      expect.objectContaining({ property: "__proto__", reason: expect.stringMatching(/__proto__ is not an input of this function/) }),
    ]);
    expect(emulator.stats.requests).toBe(before);
  });

  test("inputs nested thousands deep are refused as unreadable, and the plugin goes on serving", async () => {
    await expect(host.invokeBytes(invokeRequestBytes(GET, { states: nested(5_000) }))).rejects.toThrow(
      /cannot be read: the inputs are nested deeper than 32 levels/,
    );
    expect((await host.invoke(GET, { limit: 1 })).ret?.jobs).toHaveLength(1);
  });

  test("an unknown function token is an error naming the functions there are", async () => {
    await expect(host.invoke("metastudio:index:getJobs", {})).rejects.toThrow(
      /unknown function metastudio:index:getJobs; this provider has metastudio:index:getTrainingJobs/,
    );
  });
});

test("provider/bin works copied on its own (onto $PATH or a plugin cache), without dist/ or node_modules/", async () => {
  const { cpSync, mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "metastudio-plugin-"));
  try {
    cpSync(join(REPO_ROOT, "provider", "bin"), dir, { recursive: true });
    const host = await PluginHost.start({ bin: join(dir, "pulumi-resource-metastudio") });
    try {
      expect((await host.getSchema()).name).toBe("metastudio");
      await host.configure({ endpoint: tokenEmulator.url, projectId: tokenEmulator.projectId, authToken: secret(TOKEN) });
      const r = await host.invoke(GET, { limit: 3 });
      expect(r.ret!.jobs).toHaveLength(3);
    } finally {
      await host.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
