import * as config from "../../provider/src/config/providerConfig";
import type { InputFailure } from "../../provider/src/schema/inputValidation";
import { render } from "../../provider/src/schema/text";
import { PULUMI_SPELLING } from "../../provider/src/pulumi/spelling";

const { configFromVariables, withEnvFallbacks } = config;
/** Failures as a Pulumi user reads them. */
const worded = (list: InputFailure[]) => list.map((f) => ({ property: f.property, reason: render(f.reason, PULUMI_SPELLING) }));
const checkConfig = (...args: Parameters<typeof config.checkConfig>) => worded(config.checkConfig(...args));
function resolveSettings(...args: Parameters<typeof config.resolveSettings>) {
  const r = config.resolveSettings(...args);
  return r.ok ? r : { ok: false as const, failures: worded(r.failures) };
}

const PROJECT = "0123456789abcdef0123456789abcdef";

const reasons = (config: Record<string, unknown>) => checkConfig(config).map((f) => `${f.property}: ${f.reason}`);

describe("provider configuration", () => {
  test("variables use the metastudio:config: namespace", () => {
    expect(
      configFromVariables([
        ["metastudio:config:region", "cn-north-4"],
        ["metastudio:maxRetries", "3"],
        ["aws:region", "x"],
      ]),
    ).toEqual({
      region: "cn-north-4",
      maxRetries: "3",
    });
  });

  test("environment fallbacks: Terraform's names first, then the SDK's", () => {
    const env = {
      HW_ACCESS_KEY: "tf-ak",
      HUAWEICLOUD_SDK_AK: "sdk-ak",
      HUAWEICLOUD_SDK_SK: "sdk-sk",
      HUAWEICLOUD_SDK_PROJECT_ID: "p",
      HW_MAX_RETRIES: "2",
    };
    expect(withEnvFallbacks({ region: "cn-east-3" }, env)).toEqual({
      region: "cn-east-3",
      accessKey: "tf-ak",
      secretKey: "sdk-sk",
      projectId: "p",
      maxRetries: "2",
    });
    expect(withEnvFallbacks({ accessKey: "cfg" }, env).accessKey).toBe("cfg");
  });

  test("configured credentials choose the way of logging in; the environment only completes it", () => {
    const env = { HW_ACCESS_KEY: "env-ak", HW_SECRET_KEY: "env-sk", HW_SECURITY_TOKEN: "env-stale", HW_AUTH_TOKEN: "env-token" };
    // A token configured: Terraform's key pair lying in the environment does not join it.
    const tokenOnly = withEnvFallbacks({ region: "cn-north-4", projectId: PROJECT, authToken: "cfg-token" }, env);
    expect(tokenOnly).toMatchObject({ authToken: "cfg-token" });
    expect(tokenOnly).not.toHaveProperty("accessKey");
    expect(tokenOnly).not.toHaveProperty("securityToken");
    expect(checkConfig(tokenOnly)).toEqual([]);
    // A key pair configured: no token, and no temporary token from another pair.
    const keys = withEnvFallbacks({ accessKey: "cfg-ak", secretKey: "cfg-sk" }, env);
    expect(keys).toMatchObject({ accessKey: "cfg-ak", secretKey: "cfg-sk" });
    expect(keys).not.toHaveProperty("authToken");
    expect(keys).not.toHaveProperty("securityToken");
    // Half a pair configured: the other half may come from the environment.
    expect(withEnvFallbacks({ accessKey: "cfg-ak" }, env)).toMatchObject({ accessKey: "cfg-ak", secretKey: "env-sk" });
    // Nothing configured: the environment alone, contradictions and all, which CheckConfig names.
    const all = withEnvFallbacks({}, env);
    expect(all).toMatchObject({ accessKey: "env-ak", secretKey: "env-sk", securityToken: "env-stale", authToken: "env-token" });
    expect(reasons(all).join("\n")).toMatch(/authToken: both/);
  });

  test.each([
    [{ region: "north" }, /region: metastudio:region is "north"; expected a Huawei Cloud region name such as cn-north-4/],
    [{ accessKey: "AK" }, /secretKey: metastudio:accessKey is set but metastudio:secretKey is not/],
    [{ secretKey: "SK" }, /accessKey: metastudio:secretKey is set but metastudio:accessKey is not/],
    [{ accessKey: "AK", secretKey: "SK", authToken: "T" }, /authToken: both metastudio:authToken and an access key pair/],
    [{ endpoint: "not a url" }, /endpoint: .*not a URL/],
    [{ endpoint: "http://metastudio.example.com" }, /plain http is accepted only for a loopback host/],
    [{ endpoint: "ftp://x.example.com" }, /expected an https:\/\/ URL/],
    [{ maxRetries: "three" }, /maxRetries: metastudio:maxRetries is "three"; expected an integer from 0 to 20/],
    [{ maxRetries: 2.5 }, /maxRetries/],
    [{ maxConcurrency: "0" }, /maxConcurrency/],
    [{ securityToken: "x" }, /securityToken: .*without metastudio:accessKey and metastudio:secretKey/],
  ])("%j fails CheckConfig", (config, expected) => {
    expect(reasons(config).join("\n")).toMatch(expected);
  });

  test("good configurations pass, loopback http included", () => {
    expect(reasons({ region: "cn-north-4", accessKey: "A", secretKey: "S", maxRetries: "3" })).toEqual([]);
    expect(reasons({ endpoint: "http://127.0.0.1:8080", authToken: "t" })).toEqual([]);
    expect(reasons({ endpoint: "http://[::1]:8080", authToken: "t" })).toEqual([]);
    expect(reasons({ endpoint: "https://metastudio.example.com/" })).toEqual([]);
  });

  test("a secret value is never repeated in a failure", () => {
    const text = JSON.stringify(checkConfig({ accessKey: { nested: "SUPERSECRET" }, secretKey: "SK-VALUE-123" }));
    expect(text).not.toContain("SUPERSECRET");
    expect(text).not.toContain("SK-VALUE-123");
    expect(text).toContain("(a secret value)");
  });

  test("settings: endpoint from region and cloud, token or AK/SK, integer strings", () => {
    const r = resolveSettings({
      region: "cn-east-3",
      cloud: "example.cloud",
      projectId: PROJECT,
      accessKey: "A",
      secretKey: "S",
      maxRetries: "2",
      maxConcurrency: 4,
    });
    expect(r.ok && r.settings).toEqual({
      client: {
        endpoint: "https://metastudio.cn-east-3.example.cloud",
        projectId: PROJECT,
        auth: { kind: "aksk", accessKey: "A", secretKey: "S", securityToken: undefined },
        maxRetries: 2,
        requestTimeoutMs: 30000,
        maxRequestsInFlight: 32,
      },
      maxConcurrency: 4,
    });
  });

  test("settings: what is missing is named with its env var", () => {
    const r = resolveSettings({});
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.failures.map((f) => f.reason).join("\n") : "";
    expect(text).toMatch(/HW_REGION_NAME/);
    expect(text).toMatch(/HW_PROJECT_ID/);
    expect(text).toMatch(/HW_ACCESS_KEY/);
  });

  test("keys that are not configuration are refused by name, even those an object has by inheritance; the engine's are not", () => {
    const fromVariables = configFromVariables([
      ["metastudio:config:toString", "x"],
      ["metastudio:config:__proto__", "y"],
      ["metastudio:config:constructor", "z"],
    ]);
    expect(Object.keys(fromVariables)).toEqual(["toString", "__proto__", "constructor"]);
    expect(checkConfig(withEnvFallbacks(fromVariables, {})).map((f) => f.property)).toEqual(["toString", "__proto__", "constructor"]);
    expect(
      checkConfig({ toString: 5, constructor: "x", hasOwnProperty: [], version: "0.1.0", pluginDownloadURL: "https://x" }),
    ).toHaveLength(3);
  });

  test.each([
    ["projectID", "metastudio:projectId"],
    ["endpiont", "metastudio:endpoint"],
    ["access_key", "metastudio:accessKey"],
  ])("a mistyped key %s is refused with the nearest one, %s", (key, nearest) => {
    const [f] = checkConfig({ [key]: "x" });
    expect(f.property).toBe(key);
    expect(f.reason).toContain(`${key} is not a setting of this provider (did you mean ${nearest}?)`);
    expect(f.reason).toContain("accepted settings: metastudio:region, metastudio:projectId");
  });
});

describe("credentials as they are pasted", () => {
  const base = { region: "cn-north-4", projectId: PROJECT };

  test.each([["\n"], ["\r\n"], ["  "], ["\t\n"]])("whitespace %j around a token or key is dropped, not sent", (ws) => {
    expect(checkConfig({ ...base, authToken: `tok-en${ws}` })).toEqual([]);
    const token = resolveSettings({ ...base, authToken: `${ws}tok-en${ws}` });
    expect(token.ok && token.settings.client.auth).toEqual({ kind: "token", token: "tok-en" });
    const keys = resolveSettings({ ...base, accessKey: `AK1${ws}`, secretKey: `${ws}SK/1+=`, securityToken: `STS${ws}` });
    expect(keys.ok && keys.settings.client.auth).toEqual({ kind: "aksk", accessKey: "AK1", secretKey: "SK/1+=", securityToken: "STS" });
  });

  test.each([
    ["a line break inside", "tok\nen", /line break \(CR or LF\) inside it/],
    ["a CR inside", "tok\ren", /line break/],
    ["a NUL", "tok\u0000en", /control character/],
    ["a character outside ASCII", "tökén", /outside ASCII/],
    ["a character outside Latin-1", "tok✓en", /outside ASCII/],
    ["a space inside", "tok en", /space inside it/],
  ])("%s is refused, naming the key and what is wrong, never the value", (_what, value, problem) => {
    for (const key of ["authToken", "securityToken", "secretKey", "accessKey"]) {
      const config = key === "authToken" ? { ...base, authToken: value } : { ...base, accessKey: "AK", secretKey: "SK", [key]: value };
      const failures = checkConfig(config);
      expect(failures).toHaveLength(1);
      expect(failures[0].property).toBe(key);
      expect(failures[0].reason).toMatch(new RegExp(`^metastudio:${key} is \\(a secret value\\); `));
      expect(failures[0].reason).toMatch(problem);
      expect(failures[0].reason).not.toContain(value);
      expect(failures[0].reason).not.toContain(JSON.stringify(value).slice(1, -1));
    }
  });

  test("an access key is letters and digits (and . _ -): nothing that could break the Authorization header", () => {
    expect(checkConfig({ accessKey: "AK,SignedHeaders=host", secretKey: "SK" })[0].reason).toMatch(
      /accessKey is \(a secret value\); it holds a character other than a letter/,
    );
  });

  test("credentials too long to be real are refused", () => {
    expect(checkConfig({ authToken: "t".repeat(40_000) })[0].reason).toMatch(
      /authToken is \(a secret value\); expected printable ASCII .* at most 32768 characters/,
    );
  });

  test("a value sent marked secret is never quoted, whatever its key", () => {
    const failures = checkConfig(
      { maxRetries: "-7", region: "nowhere", endpoint: "ftp://x.example.com" },
      new Set(["maxRetries", "region", "endpoint"]),
    );
    const text = failures.map((f) => f.reason).join("\n");
    expect(text).toMatch(/metastudio:maxRetries is \(a secret value\); expected an integer from 0 to 20/);
    expect(text).toMatch(/metastudio:region is \(a secret value\)/);
    for (const v of ["-7", "nowhere", "ftp"]) expect(text).not.toContain(v);
    expect(resolveSettings({ ...base, authToken: "t", maxRetries: 99 }, new Set(["maxRetries"])).ok).toBe(false);
  });
});

describe("project id", () => {
  test.each([
    [".."],
    ["."],
    ["p"],
    ["0123456789abcdef0123456789abcde"],
    ["0123456789abcdef0123456789abcdefa"],
    ["0123456789abcdef0123456789abcdeg"],
    ["../0123456789abcdef0123456789abcd"],
    ["0123456789abcdef/123456789abcdef"],
  ])("%j is refused as what it is not: 32 hexadecimal digits", (projectId) => {
    const [f] = checkConfig({ projectId });
    expect(f.property).toBe("projectId");
    expect(f.reason).toMatch(/expected a Huawei Cloud project id: 32 hexadecimal digits/);
    expect(resolveSettings({ projectId, region: "cn-north-4", authToken: "t" }).ok).toBe(false);
  });

  test("upper case is accepted and used in lower case, as IAM writes it; whitespace around it dropped", () => {
    const r = resolveSettings({ projectId: ` ${PROJECT.toUpperCase()}\n`, region: "cn-north-4", authToken: "t" });
    expect(r.ok && r.settings.client.projectId).toBe(PROJECT);
  });
});

describe("endpoint", () => {
  test.each([
    ["https://:hunter2@metastudio.example.com"],
    ["https://user:hunter2@metastudio.example.com"],
    ["https://hunter2@metastudio.example.com"],
    ["https://@metastudio.example.com"],
    ["http://:hunter2@127.0.0.1:8080"],
  ])("%j (user info) is refused and the user info not repeated", (endpoint) => {
    const [f] = checkConfig({ endpoint });
    expect(f.reason).toMatch(/without query, fragment or user info/);
    expect(f.reason).not.toContain("hunter2");
    expect(f.reason).not.toContain("user:");
  });

  test("a trailing slash and surrounding whitespace are dropped", () => {
    const r = resolveSettings({ endpoint: " https://metastudio.example.com/base/ \n", projectId: PROJECT, authToken: "t" });
    expect(r.ok && r.settings.client.endpoint).toBe("https://metastudio.example.com/base");
  });
});
