/**
 * `npm run demo`: the emulator, the plugin and the two example programs, end to end, on a fresh
 * clone without a cloud account.
 *
 * With the `pulumi` CLI (built into .tools/bin by `npm run tools:install`, or on PATH) it runs
 * them for real (a file backend in a temporary folder, `pulumi up --yes`, `pulumi stack output`).
 * Without it it runs the same compiled programs on Pulumi's Node.js runtime in mock
 * mode, with every invoke forwarded to the real plugin over gRPC, and says that no resource was
 * created.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { Emulator, startEmulator } from "../emulator/src";
import { PulumiSandbox } from "../harness/pulumi/pulumiCli";
import { runProgram } from "../harness/pulumi/programRunner";
import { REPO_ROOT } from "../harness/repoRoot";
import { toolPath } from "../harness/toolsDir";

const TOKEN = "demo-token";
const BATCH = "release-7";

interface Outputs {
  [name: string]: unknown;
}

/** The `pulumi` the demo runs: the one `npm run tools:install` built, else one on PATH. */
function findPulumi(): string | undefined {
  const candidates = [toolPath("pulumi"), ...(process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "pulumi"))];
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * A batch for the gate: two jobs finished, one still compiling. Returns what finishes that one a
 * few seconds after it is called: right before the gate runs, so that the wait shows however long
 * the report took.
 */
function seedDemoBatch(emulator: Emulator): () => void {
  emulator.store.add({
    job_id: "d1".repeat(16),
    name: "anchor-news-1080p",
    state: "JOB_FINISH",
    batch_name: BATCH,
    asset_id: "a1".repeat(16),
    model_resolution: "1080P",
  });
  emulator.store.add({
    job_id: "d2".repeat(16),
    name: "anchor-news-4k",
    state: "JOB_FINISH",
    batch_name: BATCH,
    asset_id: "a2".repeat(16),
    model_resolution: "4K",
  });
  emulator.store.add({ job_id: "d3".repeat(16), name: "anchor-weather", state: "COMPILING", batch_name: BATCH, asset_id: "a3".repeat(16) });
  return () => void setTimeout(() => emulator.store.setState("d3".repeat(16), "JOB_FINISH"), 4000).unref();
}

function show(title: string, outputs: Outputs): void {
  process.stdout.write(`\n=== ${title}: stack outputs ===\n`);
  for (const [name, value] of Object.entries(outputs)) {
    if (name === "jobsPerState" && value && typeof value === "object") {
      process.stdout.write(`${name}:\n`);
      for (const [state, n] of Object.entries(value as Record<string, number>)) process.stdout.write(`  ${state.padEnd(36)} ${n}\n`);
    } else if (Array.isArray(value) && value.length && typeof value[0] === "object") {
      process.stdout.write(`${name}: (${value.length})\n`);
      for (const item of value.slice(0, 10)) process.stdout.write(`  ${Object.values(item as object).join("  ")}\n`);
      if (value.length > 10) process.stdout.write(`  ... and ${value.length - 10} more\n`);
    } else {
      process.stdout.write(`${name}: ${JSON.stringify(value)}\n`);
    }
  }
}

async function pulumiCli(emulator: Emulator, finishBatchSoon: () => void): Promise<void> {
  // A sandboxed PULUMI_HOME and file backend: the demo leaves nothing in the user's ~/.pulumi.
  const sandbox = new PulumiSandbox();
  try {
    for (const example of ["report", "gate-deploy"]) {
      const stack = sandbox.stack({ cwd: join(REPO_ROOT, "examples", example), stack: "demo" });
      const programConfig: Record<string, string> =
        example === "gate-deploy" ? { batchName: BATCH, pollIntervalSeconds: "1", timeoutSeconds: "60" } : {};
      await stack.init(
        { "metastudio:endpoint": emulator.url, "metastudio:projectId": emulator.projectId, ...programConfig },
        { "metastudio:authToken": TOKEN },
      );
      process.stdout.write(`\n$ pulumi up   (examples/${example})\n`);
      if (example === "gate-deploy") finishBatchSoon();
      await stack.ok(["up", "--yes", "--skip-preview"], { echo: true });
      show(example, await stack.outputs());
      await stack.ok(["destroy", "--yes", "--skip-preview"]);
      await stack.remove();
    }
  } finally {
    sandbox.dispose();
  }
}

async function runtimeOnly(emulator: Emulator, finishBatchSoon: () => void): Promise<void> {
  const providerConfig = { endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN };
  const compiled = (name: string) => join(REPO_ROOT, "dist", "examples", name, "index.js");
  const report = await runProgram(compiled("report"), { project: "metastudio-report", providerConfig });
  show("report", report.outputs);
  process.stdout.write(`\n(gate-deploy waits for batch ${BATCH}: one job is still compiling and finishes in a few seconds)\n`);
  finishBatchSoon();
  const gate = await runProgram(compiled("gate-deploy"), {
    project: "metastudio-gate-deploy",
    providerConfig,
    programConfig: { batchName: BATCH, timeoutSeconds: "60", pollIntervalSeconds: "1" },
  });
  for (const line of gate.engineLogs) process.stdout.write(`  [plugin] ${line}\n`);
  show("gate-deploy", gate.outputs);
  process.stdout.write(
    "\nNo Pulumi CLI on PATH, so no resource was created and no stack was written: both programs ran on\n" +
      "Pulumi's Node.js runtime in mock mode, with every invoke sent over gRPC to the real plugin\n" +
      "(provider/bin/pulumi-resource-metastudio), which listed the jobs from the emulator. Resources of\n" +
      `other providers were stood in for: ${[...report.mockedResources, ...gate.mockedResources].join(", ")}.\n` +
      "`npm run tools:install` builds the Pulumi CLI and its language hosts from their Go modules (minutes,\n" +
      "once); `npm run demo` then runs `pulumi up` on the same programs instead.\n",
  );
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0, token: TOKEN });
  const finishBatchSoon = seedDemoBatch(emulator);
  process.stdout.write(`MetaStudio emulator at ${emulator.url} (${emulator.store.size} training jobs, token auth)\n`);
  try {
    const pulumi = findPulumi();
    if (pulumi) {
      process.stdout.write(`Using the Pulumi CLI at ${pulumi}\n`);
      await pulumiCli(emulator, finishBatchSoon);
    } else {
      await runtimeOnly(emulator, finishBatchSoon);
    }
  } finally {
    await emulator.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
