/**
 * The whole product under the real Pulumi engine: the CLI and language hosts built from their Go
 * modules (`npm run tools:install`), the plugin built by `npm run build`, the emulator on loopback.
 * What the engine stand-in tests claim, these check where users see it: in `pulumi` output, stack
 * outputs, stack state and the backend's files.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Emulator, startEmulator } from "../../emulator/src";
import { describeWithTools, REPO_ROOT } from "../support/realTools";
import { expectedReport, reportOf } from "../support/reportExpectations";
import { firstStdoutLine } from "../../harness/firstStdoutLine";
import { PulumiSandbox } from "../../harness/pulumi/pulumiCli";

const TOKEN = "E2E-token-not-to-be-seen-0123456789";
const AK = "AKE2E0000000000000001";
const SK = "SK-e2e-secret-never-to-be-seen-000000000001";
const example = (name: string) => join(REPO_ROOT, "examples", name);

jest.setTimeout(600_000);

/** Pulumi.<stack>.yaml files in the example and test programs: the sandbox must keep them all in its own folder. */
function strayStackFiles(): string[] {
  const dirs = [join(REPO_ROOT, "examples"), join(REPO_ROOT, "test", "e2e", "programs")];
  return dirs.flatMap((dir) =>
    readdirSync(dir).flatMap((name) =>
      existsSync(join(dir, name, "Pulumi.yaml"))
        ? readdirSync(join(dir, name))
            .filter((f) => /^Pulumi\..+\.yaml$/.test(f))
            .map((f) => join(dir, name, f))
        : [],
    ),
  );
}

/** A sandboxed PULUMI_HOME and file backend, and an emulator taking both a token and AK/SK, per suite. */
function useFixture() {
  const f = {} as { sandbox: PulumiSandbox; emulator: Emulator; providerConfig: () => Record<string, string> };
  beforeAll(async () => {
    f.sandbox = new PulumiSandbox();
    f.emulator = await startEmulator({ port: 0, token: TOKEN, accessKey: AK, secretKey: SK });
    f.providerConfig = () => ({ "metastudio:endpoint": f.emulator.url, "metastudio:projectId": f.emulator.projectId });
  });
  afterAll(async () => {
    await f.emulator?.stop();
    f.sandbox?.dispose();
  });
  return f;
}

/**
 * A stack whose program takes `batchName` from secret config and lists it, while the emulator
 * answers the first two requests 503: the retry lines and everything else the CLI prints (plugin
 * stderr included), the state and the backend's files must not hold the value.
 */
async function secretFilterRun(sandbox: PulumiSandbox, emulator: Emulator, program: string, stack: string) {
  const hidden = `confidential-batch-${stack}-7f3a`;
  const jobId = (stack === "yaml-secret-filter" ? "e" : "f").repeat(32);
  emulator.store.add({ job_id: jobId, name: "secret-batch-model", state: "JOB_FINISH", batch_name: hidden });
  try {
    const s = await sandbox
      .stack({ cwd: join(REPO_ROOT, "test", "e2e", "programs", program), stack })
      .init(
        { "metastudio:endpoint": emulator.url, "metastudio:projectId": emulator.projectId },
        { batchName: hidden, "metastudio:authToken": TOKEN },
      );
    emulator.queueFaults([
      { kind: "status", status: 503 },
      { kind: "status", status: 503 },
    ]);
    const up = await s.ok(["up", "--yes", "--skip-preview", "--logtostderr", "-v=9", "--logflow"]);
    expect((await s.outputs()).total).toBe(1);
    // The plugin's retry lines are in the output, naming the filter and not its value.
    expect(up.output).toMatch(/retrying GET \S+\?offset=0&limit=100 \(filters: batch_name\)/);
    const everything = [up.output, JSON.stringify(await s.export()), sandbox.filesText()].join("\n");
    for (const form of [hidden, encodeURIComponent(hidden)]) expect(everything).not.toContain(form);
    await s.remove();
  } finally {
    emulator.store.remove(jobId);
  }
}

describeWithTools(["pulumi", "pulumi-language-yaml"], "the real Pulumi engine: YAML programs and the package", () => {
  const f = useFixture();

  test("yaml: the YAML example runs under pulumi-language-yaml, fn::invoke and all", async () => {
    const stack = await f.sandbox
      .stack({ cwd: example("yaml"), stack: "yaml" })
      .init(f.providerConfig(), { "metastudio:authToken": TOKEN });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const outputs = await stack.outputs();
    const all = f.emulator.store.all();
    expect(outputs.finishedCount).toBe(all.filter((j) => j.state === "JOB_FINISH").length);
    expect((outputs.finishedJobs as unknown[]).length).toBe(outputs.finishedCount);
    expect((outputs.trainingJobs as Array<{ jobId: string }>).map((j) => j.jobId).sort()).toEqual(
      all
        .filter((j) => j.state === "TRAINING")
        .map((j) => j.job_id)
        .sort(),
    );
    await stack.remove();
  });

  test("configuration as users set it: AK/SK as secret stack config beside a region; no secret in plaintext anywhere", async () => {
    const stack = await f.sandbox
      .stack({ cwd: example("yaml"), stack: "yaml-aksk" })
      .init({ ...f.providerConfig(), "metastudio:region": "cn-north-4" }, { "metastudio:accessKey": AK, "metastudio:secretKey": SK });
    // Verbose logs with the plugins' stderr in the CLI's output: where a secret would show up first.
    const up = await stack.ok(["up", "--yes", "--skip-preview", "--logtostderr", "-v=9", "--logflow"]);
    expect((await stack.outputs()).finishedCount).toBe(f.emulator.store.all().filter((j) => j.state === "JOB_FINISH").length);
    const everything = [
      up.output,
      JSON.stringify(await stack.export()),
      f.sandbox.filesText(),
      readFileSync(stack.configFile, "utf8"),
    ].join("\n");
    expect(everything).not.toContain(SK);
    await stack.remove();
  });

  test("configuration from the environment: HW_* variables as Terraform's Huawei Cloud provider reads them", async () => {
    const stack = await f.sandbox
      .stack({ cwd: example("yaml"), stack: "yaml-env", env: { HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK } })
      .init(f.providerConfig());
    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    expect((await stack.outputs()).finishedCount).toBe(f.emulator.store.all().filter((j) => j.state === "JOB_FINISH").length);
    expect(up.output + f.sandbox.filesText()).not.toContain(SK);
    await stack.remove();
  });

  test("an explicit provider resource with secret credentials: state keeps them encrypted, outputs are right", async () => {
    const stack = await f.sandbox
      .stack({ cwd: join(REPO_ROOT, "test", "e2e", "programs", "yaml-explicit-provider"), stack: "yaml-explicit" })
      .init({ endpoint: f.emulator.url, projectId: f.emulator.projectId }, { accessKey: AK, secretKey: SK });
    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    expect((await stack.outputs()).total).toBe(f.emulator.store.size);
    expect(await stack.resourceTypes()).toContain("pulumi:providers:metastudio");
    expect(up.output + JSON.stringify(await stack.export()) + f.sandbox.filesText()).not.toContain(SK);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await stack.resourceTypes()).toEqual([]);
    await stack.remove();
  });

  test("a filter from secret config (YAML strips the mark) shows in no retry line, log or state", async () => {
    await secretFilterRun(f.sandbox, f.emulator, "yaml-secret-filter", "yaml-secret-filter");
  });

  test("a plugin started by hand is attached to (PULUMI_DEBUG_PROVIDERS), as when debugging a provider", async () => {
    const plugin = spawn(join(REPO_ROOT, "provider", "bin", "pulumi-resource-metastudio"), [], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const port = await firstStdoutLine(plugin, "the plugin");
      const stack = await f.sandbox
        .stack({ cwd: example("yaml"), stack: "yaml-attach", env: { PULUMI_DEBUG_PROVIDERS: `metastudio:${port}` } })
        .init(f.providerConfig(), { "metastudio:authToken": TOKEN });
      await stack.ok(["up", "--yes", "--skip-preview"]);
      expect((await stack.outputs()).finishedCount).toBe(f.emulator.store.all().filter((j) => j.state === "JOB_FINISH").length);
      await stack.remove();
    } finally {
      plugin.kill("SIGTERM");
    }
  });

  test("the tests leave no stack file in the repository's programs", () => {
    expect(strayStackFiles()).toEqual([]);
  });

  test("the engine's view of the package: `pulumi package get-schema` equals provider/schema.json", async () => {
    const r = await f.sandbox.ok(REPO_ROOT, ["package", "get-schema", join(REPO_ROOT, "provider", "bin", "pulumi-resource-metastudio")]);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, "provider", "schema.json"), "utf8")));
  });
});

describeWithTools(["pulumi", "pulumi-language-nodejs", "node"], "the real Pulumi engine: TypeScript programs", () => {
  const f = useFixture();
  let sandbox: PulumiSandbox;
  let emulator: Emulator;
  const providerConfig = () => f.providerConfig();
  beforeAll(() => {
    sandbox = f.sandbox;
    emulator = f.emulator;
  });

  test("report: `pulumi up` outputs what a brute-force count over the emulator gives; a second preview shows no change", async () => {
    const stack = await sandbox
      .stack({ cwd: example("report"), stack: "report" })
      .init(providerConfig(), { "metastudio:authToken": TOKEN });
    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(up.output).toMatch(/Outputs:[\s\S]*totalJobs\s*:\s*101/);
    expect(reportOf(await stack.outputs())).toEqual(expectedReport(emulator.store.all()));
    const preview = await stack.ok(["preview", "--expect-no-changes", "--diff"]);
    expect(preview.output).not.toMatch(/\bto create\b|\bto update\b|\bto delete\b/);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await stack.resourceTypes()).toEqual([]);
  });

  describeWithTools(["pulumi-resource-random"], "gate-deploy (the deployment is a @pulumi/random RandomId)", () => {
    const job = (n: string, state: string, batch: string) => ({
      job_id: n.repeat(32).slice(0, 32),
      name: `model-${n}`,
      state,
      batch_name: batch,
      asset_id: `asset-${n}`,
    });

    test("preview does not wait and says `up` will; up waits, passes once the job finishes, then deploys; destroy leaves nothing", async () => {
      const batch = "e2e-pass";
      emulator.store.add(job("a", "JOB_FINISH", batch));
      emulator.store.add(job("b", "COMPILING", batch));
      const stack = await sandbox
        .stack({ cwd: example("gate-deploy"), stack: "gate-pass" })
        .init(
          { ...providerConfig(), batchName: batch, timeoutSeconds: "120", pollIntervalSeconds: "1" },
          { "metastudio:authToken": TOKEN },
        );

      const preview = await stack.ok(["preview"]);
      // Had the preview waited, it would still be waiting: nobody finishes the job before it returns.
      expect(emulator.store.get("b".repeat(32))?.state).toBe("COMPILING");
      expect(preview.output).toMatch(/will wait up to 120 s/);
      expect(preview.output).toMatch(/random:index:RandomId\s+asset-deployment\s+create/);

      let finished = 0;
      const finishSoon = setTimeout(() => {
        finished = Date.now();
        emulator.store.setState("b".repeat(32), "JOB_FINISH");
      }, 6000);
      const started = Date.now();
      const up = await stack.ok(["up", "--yes", "--skip-preview"]).finally(() => clearTimeout(finishSoon));
      expect(finished).toBeGreaterThan(started);
      // The plugin's progress lines reach the user through the engine's Log service.
      expect(up.output).toMatch(/waiting for 1 of 2 jobs to reach JOB_FINISH \(COMPILING: 1\)/);
      // The deployment starts only once the gate has passed.
      const passed = up.output.indexOf("gate passed: all 2 selected jobs are in JOB_FINISH");
      const deploying = up.output.indexOf("random:index:RandomId asset-deployment creating");
      expect(passed).toBeGreaterThan(-1);
      expect(deploying).toBeGreaterThan(passed);
      const outputs = await stack.outputs();
      expect(outputs.gateReady).toBe(true);
      expect(outputs.jobsGated).toBe(2);
      expect([...(outputs.deployedAssetIds as string[])].sort()).toEqual(["asset-a", "asset-b"]);
      expect(outputs.deploymentId).toMatch(/^[0-9a-f]{16}$/);
      const deployed = (await stack.export()).deployment.resources?.find((r) => r.type === "random:index/randomId:RandomId");
      expect(deployed?.outputs?.keepers).toEqual({ assetIds: expect.stringMatching(/asset-a,asset-b|asset-b,asset-a/) });

      await stack.ok(["destroy", "--yes", "--skip-preview"]);
      expect(await stack.resourceTypes()).toEqual([]);
      await stack.remove();
    });

    test("a TRAIN_FAILED job fails `pulumi up`, naming the job and its state, and nothing is created", async () => {
      const batch = "e2e-fail";
      emulator.store.add(job("c", "JOB_FINISH", batch));
      emulator.store.add(job("d", "TRAIN_FAILED", batch));
      const stack = await sandbox
        .stack({ cwd: example("gate-deploy"), stack: "gate-fail" })
        .init({ ...providerConfig(), batchName: batch, timeoutSeconds: "60", pollIntervalSeconds: "1" }, { "metastudio:authToken": TOKEN });
      const up = await stack.run(["up", "--yes", "--skip-preview"]);
      expect(up.code).not.toBe(0);
      expect(up.output).toContain("d".repeat(32));
      expect(up.output).toContain("TRAIN_FAILED");
      expect(await stack.resourceTypes()).not.toContain("random:index/randomId:RandomId");
    });

    test("a timeout fails `pulumi up` with the jobs still moving listed", async () => {
      const batch = "e2e-slow";
      emulator.store.add(job("e", "TRAINING", batch));
      const stack = await sandbox
        .stack({ cwd: example("gate-deploy"), stack: "gate-slow" })
        .init({ ...providerConfig(), batchName: batch, timeoutSeconds: "3", pollIntervalSeconds: "1" }, { "metastudio:authToken": TOKEN });
      const up = await stack.run(["up", "--yes", "--skip-preview"]);
      expect(up.code).not.toBe(0);
      expect(up.output).toMatch(/timed out|did not reach|not.*within/i);
      expect(up.output).toContain("e".repeat(32));
      expect(up.output).toContain("TRAINING");
      expect(await stack.resourceTypes()).not.toContain("random:index/randomId:RandomId");
    });
  });

  test("configuration as users set it: AK/SK in stack config (secret), region beside an endpoint; no secret in plaintext anywhere", async () => {
    const stack = await sandbox
      .stack({ cwd: example("report"), stack: "aksk" })
      .init({ ...providerConfig(), "metastudio:region": "cn-north-4" }, { "metastudio:accessKey": AK, "metastudio:secretKey": SK });
    // Verbose logs with plugin stderr in the CLI's output: the place a secret would show up first.
    const up = await stack.ok(["up", "--yes", "--skip-preview", "--logtostderr", "-v=9", "--logflow"]);
    expect(reportOf(await stack.outputs()).totalJobs).toBe(emulator.store.size);
    const exported = JSON.stringify(await stack.export());
    const everything = [up.output, exported, sandbox.filesText(), readFileSync(stack.configFile, "utf8")].join("\n");
    for (const secretValue of [SK, TOKEN]) expect(everything).not.toContain(secretValue);
    await stack.remove();
  });

  test("configuration from the environment: HW_* variables as Terraform's Huawei Cloud provider reads them", async () => {
    const stack = await sandbox
      .stack({ cwd: example("report"), stack: "env", env: { HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK } })
      .init(providerConfig());
    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    expect(reportOf(await stack.outputs()).totalJobs).toBe(emulator.store.size);
    expect(up.output + sandbox.filesText()).not.toContain(SK);
    await stack.remove();
  });

  test("an explicit Provider resource, its credentials from secret config", async () => {
    const stack = await sandbox
      .stack({ cwd: join(REPO_ROOT, "test", "e2e", "programs", "explicit-provider"), stack: "explicit" })
      .init({ endpoint: emulator.url, projectId: emulator.projectId }, { token: TOKEN });
    const up = await stack.ok(["up", "--yes", "--skip-preview"]);
    const outputs = await stack.outputs();
    expect(outputs.total).toBe(emulator.store.size);
    expect(await stack.resourceTypes()).toContain("pulumi:providers:metastudio");
    expect(up.output + JSON.stringify(await stack.export()) + sandbox.filesText()).not.toContain(TOKEN);
    await stack.ok(["destroy", "--yes", "--skip-preview"]);
    await stack.remove();
  });

  test("a filter from secret config (the Node.js SDK strips the mark) shows in no retry line, log or state", async () => {
    await secretFilterRun(sandbox, emulator, "secret-filter", "node-secret-filter");
  });

  test("the tests leave no stack file in the repository's programs", () => {
    expect(strayStackFiles()).toEqual([]);
  });

  test("installed as users install plugins: the release artifact via `pulumi plugin install -f`, no plugins path in the project", async () => {
    const artifact = join(REPO_ROOT, execFileSync("bash", [join(REPO_ROOT, "scripts", "package-plugin.sh")], { encoding: "utf8" }).trim());
    const version = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version as string;
    await sandbox.ok(REPO_ROOT, ["plugin", "install", "resource", "metastudio", version, "-f", artifact]);
    const listed = await sandbox.ok(REPO_ROOT, ["plugin", "ls"]);
    expect(listed.output).toMatch(new RegExp(`metastudio\\s+resource\\s+${version.replace(/\./g, "\\.")}`));
    const stack = await sandbox
      .stack({ cwd: join(REPO_ROOT, "test", "e2e", "programs", "installed-plugin"), stack: "installed" })
      .init(providerConfig(), { "metastudio:authToken": TOKEN });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    expect((await stack.outputs()).total).toBe(emulator.store.size);
    await stack.remove();
  });
});
