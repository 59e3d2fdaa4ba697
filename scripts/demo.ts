/**
 * `npm run demo`: the emulator, the plugin and the two example programs, end to end, on a fresh
 * clone without a cloud account.
 *
 * With the `pulumi` CLI on PATH it runs them for real (`pulumi login --local` in a temporary
 * folder, `pulumi up --yes`, `pulumi stack output`). Without it (as on machines where no package
 * carries the engine) it runs the same compiled programs on Pulumi's Node.js runtime in mock
 * mode, with every invoke forwarded to the real plugin over gRPC, and says that no resource was
 * created.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { Emulator, startEmulator } from "../emulator/src";
import { REPO_ROOT } from "../harness/engineStandIn";
import { runProgram } from "../harness/programRunner";

const TOKEN = "demo-token";
const BATCH = "release-7";

interface Outputs {
  [name: string]: unknown;
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** A batch for the gate: two jobs finished, one still compiling that finishes a few seconds in. */
function seedDemoBatch(emulator: Emulator): void {
  emulator.store.add({ job_id: "d1".repeat(16), name: "anchor-news-1080p", state: "JOB_FINISH", batch_name: BATCH, asset_id: "a1".repeat(16), model_resolution: "1080P" });
  emulator.store.add({ job_id: "d2".repeat(16), name: "anchor-news-4k", state: "JOB_FINISH", batch_name: BATCH, asset_id: "a2".repeat(16), model_resolution: "4K" });
  emulator.store.add({ job_id: "d3".repeat(16), name: "anchor-weather", state: "COMPILING", batch_name: BATCH, asset_id: "a3".repeat(16) });
  setTimeout(() => emulator.store.setState("d3".repeat(16), "JOB_FINISH"), 4000).unref();
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

function pulumiCli(pulumi: string, emulator: Emulator): void {
  const home = mkdtempSync(join(tmpdir(), "metastudio-demo-"));
  const env = {
    ...process.env,
    PULUMI_HOME: join(home, ".pulumi"),
    PULUMI_BACKEND_URL: `file://${home}`,
    PULUMI_CONFIG_PASSPHRASE: "demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  const run = (cwd: string, args: string[], capture = false) => {
    const r = spawnSync(pulumi, args, { cwd, env, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pulumi ${args.join(" ")} failed in ${cwd} (exit ${r.status})`);
    return r.stdout;
  };
  try {
    run(REPO_ROOT, ["login", "--local"]);
    for (const example of ["report", "gate-deploy"]) {
      const cwd = join(REPO_ROOT, "examples", example);
      run(cwd, ["stack", "init", "demo"]);
      run(cwd, ["config", "set", "metastudio:endpoint", emulator.url]);
      run(cwd, ["config", "set", "metastudio:projectId", emulator.projectId]);
      run(cwd, ["config", "set", "--secret", "metastudio:authToken", TOKEN]);
      if (example === "gate-deploy") {
        run(cwd, ["config", "set", "batchName", BATCH]);
        run(cwd, ["config", "set", "pollIntervalSeconds", "1"]);
        run(cwd, ["config", "set", "timeoutSeconds", "60"]);
      }
      run(cwd, ["up", "--yes", "--skip-preview"]);
      show(example, JSON.parse(run(cwd, ["stack", "output", "--json", "--show-secrets"], true)) as Outputs);
      run(cwd, ["destroy", "--yes"]);
      run(cwd, ["stack", "rm", "--yes", "demo"]);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function runtimeOnly(emulator: Emulator): Promise<void> {
  const providerConfig = { endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN };
  const compiled = (name: string) => join(REPO_ROOT, "dist", "examples", name, "index.js");
  const report = await runProgram(compiled("report"), { project: "metastudio-report", providerConfig });
  show("report", report.outputs);
  process.stdout.write(`\n(gate-deploy waits for batch ${BATCH}: one job is still compiling and finishes in a few seconds)\n`);
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
      "With the CLI installed, `npm run demo` runs `pulumi up` on the same programs instead.\n",
  );
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: 0, token: TOKEN });
  seedDemoBatch(emulator);
  process.stdout.write(`MetaStudio emulator at ${emulator.url} (${emulator.store.size} training jobs, token auth)\n`);
  try {
    const pulumi = onPath("pulumi");
    if (pulumi) {
      process.stdout.write(`Using the Pulumi CLI at ${pulumi}\n`);
      pulumiCli(pulumi, emulator);
    } else {
      await runtimeOnly(emulator);
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
