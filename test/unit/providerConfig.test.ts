import { checkConfig, configFromVariables, resolveSettings, withEnvFallbacks } from "../../provider/src/config/providerConfig";

const reasons = (config: Record<string, unknown>) => checkConfig(config).map((f) => `${f.property}: ${f.reason}`);

describe("provider configuration", () => {
  test("variables use the metastudio:config: namespace", () => {
    expect(configFromVariables([["metastudio:config:region", "cn-north-4"], ["metastudio:maxRetries", "3"], ["aws:region", "x"]])).toEqual({
      region: "cn-north-4",
      maxRetries: "3",
    });
  });

  test("environment fallbacks: Terraform's names first, then the SDK's", () => {
    const env = { HW_ACCESS_KEY: "tf-ak", HUAWEICLOUD_SDK_AK: "sdk-ak", HUAWEICLOUD_SDK_SK: "sdk-sk", HUAWEICLOUD_SDK_PROJECT_ID: "p", HW_MAX_RETRIES: "2" };
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
    const tokenOnly = withEnvFallbacks({ region: "cn-north-4", projectId: "p", authToken: "cfg-token" }, env);
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
    [{ securityToken: "x" }, /securityToken: .*without accessKey and secretKey/],
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
    const r = resolveSettings({ region: "cn-east-3", cloud: "example.cloud", projectId: "p", accessKey: "A", secretKey: "S", maxRetries: "2", maxConcurrency: 4 });
    expect(r.ok && r.settings).toEqual({
      client: { endpoint: "https://metastudio.cn-east-3.example.cloud", projectId: "p", auth: { kind: "aksk", accessKey: "A", secretKey: "S", securityToken: undefined }, maxRetries: 2, requestTimeoutMs: 30000 },
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
});
