/**
 * The generated Python and Go SDKs, each proved by real programs under the real engine: the
 * `report` and `gate-deploy` examples of each language, run with `pulumi up` against the emulator
 * and checked against the same brute-force answers as the TypeScript examples. The gate's failure
 * path is tested in each language, since each SDK surfaces an invoke error its own way.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Emulator, startEmulator } from "../../emulator/src";
import { PulumiSandbox } from "../../harness/pulumi/pulumiCli";
import { describeWithTools, REPO_ROOT } from "../support/realTools";
import { expectedReport, reportOf } from "../support/reportExpectations";

const run = promisify(execFile);
const TOKEN = "E2E-sdk-token-not-to-be-seen-000000";
const example = (name: string) => join(REPO_ROOT, "examples", name);

jest.setTimeout(900_000);

/**
 * The virtualenv a Python example's Pulumi.yaml names (`venv` beside it), with its requirements:
 * pulumi from PyPI and this repository's generated SDK. Made once; pip's cache makes it cheap after.
 */
async function pythonVenv(dir: string): Promise<void> {
  const venv = join(dir, "venv");
  if (!existsSync(join(venv, "bin", "python"))) await run("python3", ["-m", "venv", venv]);
  await run(join(venv, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", "-r", join(dir, "requirements.txt")], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The Python host these machines can build (docs/tools.md) predates reading `virtualenv` from the
 * runtime options the CLI now sends, so the tests name the venv's interpreter as a user of that
 * host would; `pulumi up` is otherwise the same.
 */
const pythonEnv = (name: string) => ({ PULUMI_PYTHON_CMD: join(example(name), "venv", "bin", "python") });

const LANGUAGES = [
  { language: "python", host: "pulumi-language-python", prepare: pythonVenv, env: pythonEnv },
  { language: "go", host: "pulumi-language-go", prepare: async () => undefined, env: () => ({}) },
] as const;

for (const { language, host, prepare, env } of LANGUAGES) {
  describeWithTools(["pulumi", host], `the ${language} SDK under the real engine`, () => {
    let sandbox: PulumiSandbox;
    let emulator: Emulator;
    const providerConfig = () => ({ "metastudio:endpoint": emulator.url, "metastudio:projectId": emulator.projectId });
    const job = (n: string, state: string, batch: string) => ({
      job_id: n.repeat(32),
      name: `model-${n}`,
      state,
      batch_name: batch,
      asset_id: `asset-${n}`,
    });

    beforeAll(async () => {
      sandbox = new PulumiSandbox();
      emulator = await startEmulator({ port: 0, token: TOKEN });
      await prepare(example(`${language}-report`));
      await prepare(example(`${language}-gate-deploy`));
    });
    afterAll(async () => {
      await emulator?.stop();
      sandbox?.dispose();
    });

    test(`${language}-report: stack outputs equal a brute-force count over the emulator`, async () => {
      const stack = await sandbox
        .stack({ cwd: example(`${language}-report`), stack: `${language}-report`, env: env(`${language}-report`) })
        .init(providerConfig(), { "metastudio:authToken": TOKEN });
      await stack.ok(["up", "--yes", "--skip-preview"]);
      expect(reportOf(await stack.outputs())).toEqual(expectedReport(emulator.store.all()));
      await stack.remove();
    });

    test(`${language}-gate-deploy: a TRAIN_FAILED job fails \`pulumi up\`, naming the job and its state; nothing is created`, async () => {
      const batch = `${language}-fail`;
      emulator.store.add(job("7", "JOB_FINISH", batch));
      emulator.store.add(job("8", "TRAIN_FAILED", batch));
      const stack = await sandbox
        .stack({ cwd: example(`${language}-gate-deploy`), stack: `${language}-gate-fail`, env: env(`${language}-gate-deploy`) })
        .init({ ...providerConfig(), batchName: batch, timeoutSeconds: "30", pollIntervalSeconds: "1" }, { "metastudio:authToken": TOKEN });
      const up = await stack.run(["up", "--yes", "--skip-preview"]);
      expect(up.code).not.toBe(0);
      expect(up.output).toContain("8".repeat(32));
      expect(up.output).toContain("TRAIN_FAILED");
      expect(await stack.resourceTypes()).not.toContain("random:index/randomId:RandomId");
      await stack.remove();
    });

    describeWithTools(["pulumi-resource-random"], `${language}-gate-deploy with a finished batch`, () => {
      test("the gate passes and the deployment is created from its asset ids", async () => {
        const batch = `${language}-pass`;
        emulator.store.add(job("5", "JOB_FINISH", batch));
        emulator.store.add(job("6", "JOB_FINISH", batch));
        const stack = await sandbox
          .stack({ cwd: example(`${language}-gate-deploy`), stack: `${language}-gate-pass`, env: env(`${language}-gate-deploy`) })
          .init(
            { ...providerConfig(), batchName: batch, timeoutSeconds: "30", pollIntervalSeconds: "1" },
            { "metastudio:authToken": TOKEN },
          );
        await stack.ok(["up", "--yes", "--skip-preview"]);
        const outputs = await stack.outputs();
        expect(outputs.gateReady).toBe(true);
        expect(outputs.jobsGated).toBe(2);
        expect([...(outputs.deployedAssetIds as string[])].sort()).toEqual(["asset-5", "asset-6"]);
        expect(outputs.deploymentId).toMatch(/^[0-9a-f]{16}$/);
        await stack.ok(["destroy", "--yes", "--skip-preview"]);
        expect(await stack.resourceTypes()).toEqual([]);
        await stack.remove();
      });
    });
  });
}
