/**
 * The generated Java SDK proved by a real program under the real engine: examples/java-report, a
 * Maven project compiling sdk/java's sources, run with `pulumi up` through the Java host
 * (pulumi-language-java, which runs `mvn compile exec:java`) against the emulator, and checked
 * against the same brute-force answer as every other language's report.
 *
 * Needs a JDK (11 or newer) and Maven on PATH. Maven's first run downloads com.pulumi:pulumi and
 * the build plugins from Maven Central into ~/.m2 (its default), which CI can cache.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { Emulator, startEmulator } from "../../emulator/src";
import { PulumiSandbox } from "../../harness/pulumi/pulumiCli";
import { describeWithTools, REPO_ROOT } from "../support/realTools";
import { expectedReport, reportOf } from "../support/reportExpectations";

const run = promisify(execFile);
const TOKEN = "E2E-java-token-not-to-be-seen-0000000";
const dir = join(REPO_ROOT, "examples", "java-report");

// A cold ~/.m2 downloads a few dozen MB from Maven Central on the first compile.
jest.setTimeout(1_200_000);

describeWithTools(["pulumi", "pulumi-language-java"], "the Java SDK under the real engine", () => {
  let sandbox: PulumiSandbox;
  let emulator: Emulator;

  beforeAll(async () => {
    sandbox = new PulumiSandbox();
    emulator = await startEmulator({ port: 0, token: TOKEN });
    // Compile once up front (the host compiles again, then with everything in place), so that a
    // missing JDK, Maven or dependency fails here with Maven's own message.
    await run("mvn", ["-B", "-q", "--no-transfer-progress", "compile"], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  });
  afterAll(async () => {
    await emulator?.stop();
    sandbox?.dispose();
  });

  test("java-report: stack outputs equal a brute-force count over the emulator", async () => {
    const stack = await sandbox
      .stack({ cwd: dir, stack: "java-report" })
      .init({ "metastudio:endpoint": emulator.url, "metastudio:projectId": emulator.projectId }, { "metastudio:authToken": TOKEN });
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const outputs = await stack.outputs();
    expect(outputs.totalJobs).toBeGreaterThan(0);
    expect(reportOf(outputs)).toEqual(expectedReport(emulator.store.all()));
    // the items carry the fields examples/report exports, spelled as there
    for (const item of outputs.failedJobs as Array<Record<string, unknown>>)
      expect(Object.keys(item).sort()).toEqual(["jobId", "name", "state"]);
    for (const item of outputs.assetsReadyToDeploy as Array<Record<string, unknown>>)
      expect(Object.keys(item).sort()).toEqual(["assetId", "jobId", "name"]);
    await stack.remove();
  });

  test("java-report with a batchName and states: only those jobs are counted", async () => {
    const job = (n: string, state: string) => ({
      job_id: n.repeat(32),
      name: `model-${n}`,
      state,
      batch_name: "java-batch",
      asset_id: `asset-${n}`,
    });
    emulator.store.add(job("a", "JOB_FINISH"));
    emulator.store.add(job("b", "TRAIN_FAILED"));
    emulator.store.add(job("c", "JOB_PENDING"));
    const stack = await sandbox.stack({ cwd: dir, stack: "java-report-filtered" }).init(
      {
        "metastudio:endpoint": emulator.url,
        "metastudio:projectId": emulator.projectId,
        batchName: "java-batch",
        states: '["JOB_FINISH","TRAIN_FAILED"]',
      },
      { "metastudio:authToken": TOKEN },
    );
    await stack.ok(["up", "--yes", "--skip-preview"]);
    const chosen = emulator.store.all().filter((j) => j.batch_name === "java-batch" && ["JOB_FINISH", "TRAIN_FAILED"].includes(j.state));
    expect(reportOf(await stack.outputs())).toEqual(expectedReport(chosen));
    await stack.remove();
  });
});
