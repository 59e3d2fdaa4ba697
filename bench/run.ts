/**
 * `npm run bench`: the provider's performance, measured in one run on one machine, printed as a
 * table and saved as JSON (bench/results.json; `--smoke` runs small sizes for CI and saves
 * bench/results-smoke.json). Ratios compare figures taken in this same run.
 *
 *  1. cold start: spawn of the plugin until its port line, against a bare node HTTP server; the
 *     same for the release's self-contained executables of this platform (packaging/, built or
 *     taken from its cache) beside the bundle on the very Node.js they carry;
 *  2. listing N jobs from the emulator at 40 ms latency: one Invoke on a fresh plugin (answer
 *     bytes taken as the engine takes them) against a sequential 100-job pager and the lower bound
 *     40 ms × (1 + ceil(99 / in-flight requests));
 *  3. the same listing without latency: plugin CPU ms per 1,000 jobs and peak RSS (VmHWM); and a
 *     fresh plugin's first call (spawn to the end of its first Invoke) against a fresh Node
 *     process that only fetches and parses the same pages (bench/pageFloor.ts);
 *  4. the real CLIs from .tools/bin, when there (bench/realClis.ts): `pulumi preview` of a YAML
 *     program and `tofu plan` of a configuration, each with and without one 1,000-job listing.
 *
 * Each is measured for both protocols over the same core: the Pulumi plugin (Invoke of
 * getTrainingJobs) and the Terraform provider (ReadDataSource of metastudio_training_jobs over
 * AutoMTLS, spawned with go-plugin's environment).
 */
import { execFileSync, spawn, ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { DEFAULT_PROJECT_ID as PROJECT } from "../emulator/src";
import { PLUGIN_BIN, PluginHost } from "../harness/pulumi/engineStandIn";
import { firstStdoutLine } from "../harness/firstStdoutLine";
import { REPO_ROOT } from "../harness/repoRoot";
import { TERRAFORM_PLUGIN_BIN, TerraformPlugin } from "../harness/terraform/terraformClient";
import { selfSignedIdentity } from "../provider/src/terraform/autoMtls";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../provider/src/terraform/main";
import { archiveNames } from "../packaging/archives";
import { PULUMI_PLUGIN, TERRAFORM_PROVIDER } from "../packaging/executables";
import { NODE_RUNTIME_VERSION, nodeRuntime } from "../packaging/nodeRuntime";
import { PLATFORMS } from "../packaging/platforms";
import { release } from "../packaging/release";
import { realCliLines, realClis } from "./realClis";

const smoke = process.argv.includes("--smoke");
const sizesArg = process.argv.indexOf("--sizes");
// `--sizes 10000,100000` measures only those listings (for profiling one size at a time).
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1].split(",").map(Number) : smoke ? [200, 1000] : [1000, 10000, 100000];
const COLD_RUNS = smoke ? 3 : 15;
const LATENCY_MS = 40;
const MAX_CONCURRENCY = 10;
const TOKEN = "bench-token";
const EMULATOR_BIN = join(REPO_ROOT, "emulator", "bin", "metastudio-emulator");
const GET = "metastudio:index:getTrainingJobs";
const FLOOR_BIN = join(__dirname, "pageFloor.js");
// Runs of each spawn-to-finish comparison (first call against its floor, the real CLIs), medians.
const COMPARE_RUNS = smoke ? 3 : 5;
const REAL_CLI_JOBS = 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeToFirstLine(args: string[], env?: NodeJS.ProcessEnv, file = process.execPath): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = spawn(file, args, { stdio: ["ignore", "pipe", "ignore"], env: env ?? process.env });
  try {
    await firstStdoutLine(child, args.join(" "));
    return Number(process.hrtime.bigint() - t0) / 1e6;
  } finally {
    child.kill();
  }
}

async function coldStart() {
  const bare = ["-e", 'require("http").createServer().listen(0,"127.0.0.1",function(){console.log(this.address().port)})'];
  const bareMs: number[] = [];
  const pluginMs: number[] = [];
  const terraformMs: number[] = [];
  // As Terraform starts it: AutoMTLS on, so the time includes making its certificate.
  const terraformEnv = {
    ...process.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: "5,6",
    PLUGIN_MIN_PORT: "10000",
    PLUGIN_MAX_PORT: "25000",
    PLUGIN_CLIENT_CERT: (await selfSignedIdentity()).certPem,
  };
  const sea = await releaseExecutables();
  const seaPluginMs: number[] = [];
  const seaTerraformMs: number[] = [];
  const bundleOnReleaseNodeMs: number[] = [];
  // Interleaved, so drift in machine load touches all alike.
  for (let i = 0; i < COLD_RUNS; i++) {
    bareMs.push(await timeToFirstLine(bare));
    pluginMs.push(await timeToFirstLine([PLUGIN_BIN]));
    terraformMs.push(await timeToFirstLine([TERRAFORM_PLUGIN_BIN], terraformEnv));
    if (!sea) continue;
    seaPluginMs.push(await timeToFirstLine([], undefined, sea.plugin));
    seaTerraformMs.push(await timeToFirstLine([], terraformEnv, sea.terraform));
    bundleOnReleaseNodeMs.push(await timeToFirstLine([PLUGIN_BIN], undefined, sea.node));
  }
  if (sea) rmSync(sea.dir, { recursive: true, force: true });
  return {
    release: sea
      ? {
          node: sea.nodeVersion,
          seaPluginMs: median(seaPluginMs),
          seaTerraformMs: median(seaTerraformMs),
          bundleOnReleaseNodeMs: median(bundleOnReleaseNodeMs),
        }
      : undefined,
    bareNodeMs: median(bareMs),
    pluginMs: median(pluginMs),
    ratio: median(pluginMs) / median(bareMs),
    terraformMs: median(terraformMs),
    terraformRatio: median(terraformMs) / median(bareMs),
    runs: COLD_RUNS,
  };
}

/**
 * This platform's release executables, unpacked into a temporary folder, and the Node.js binary
 * they were made from; undefined where the release has no single executable for this platform.
 */
async function releaseExecutables(): Promise<
  { dir: string; plugin: string; terraform: string; node: string; nodeVersion: string } | undefined
> {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const platform = PLATFORMS.find((p) => p.os === os && p.arch === arch && p.layout === "sea");
  if (!platform) return undefined;
  const rel = await release({ repoRoot: REPO_ROOT });
  const dir = mkdtempSync(join(tmpdir(), "metastudio-bench-"));
  const plugin = archiveNames(PULUMI_PLUGIN, rel.version, platform);
  const terraform = archiveNames(TERRAFORM_PROVIDER, rel.version, platform);
  for (const names of [plugin, terraform]) {
    const sub = join(dir, names.format);
    mkdirSync(sub, { recursive: true });
    if (names.format === "zip") execFileSync("unzip", ["-q", join(rel.dir, names.archive), "-d", sub]);
    else execFileSync("tar", ["-xzf", join(rel.dir, names.archive), "-C", sub]);
  }
  return {
    dir,
    plugin: join(dir, plugin.format, plugin.executable),
    terraform: join(dir, terraform.format, terraform.executable),
    node: join(await nodeRuntime(join(REPO_ROOT, ".cache"), platform.nodePackage), platform.nodeBinary),
    nodeVersion: NODE_RUNTIME_VERSION,
  };
}

interface RunningEmulator {
  url: string;
  child: ChildProcess;
}

async function startEmulatorProcess(jobs: number, latencyMs: number): Promise<RunningEmulator> {
  const child = spawn(
    process.execPath,
    [EMULATOR_BIN, "--port", "0", "--jobs", String(jobs), "--seed", "1", "--latency-ms", String(latencyMs), "--token", TOKEN],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  return { url: await firstStdoutLine(child, "the emulator"), child };
}

/** What a user of the official SDK writes: one 100-job page after another. */
async function sequentialPager(url: string): Promise<{ ms: number; jobs: number }> {
  const t0 = performance.now();
  let offset = 0;
  let total = Infinity;
  let jobs = 0;
  while (offset < total) {
    const res = await fetch(`${url}/v1/${PROJECT}/digital-human-training-manage/user/jobs?offset=${offset}&limit=100`, {
      headers: { "X-Auth-Token": TOKEN, "Content-Type": "application/json" },
    });
    const body = (await res.json()) as { count: number; jobs: unknown[] };
    total = body.count;
    jobs += body.jobs.length;
    offset += 100;
  }
  return { ms: performance.now() - t0, jobs };
}

function procStat(pid: number): { cpuMs: number; hwmMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuMs: (ticks * 1000) / 100, hwmMb: hwm / 1024 };
}

async function pluginInvoke(url: string) {
  const host = await PluginHost.start();
  try {
    await host.configure({ endpoint: url, projectId: PROJECT, authToken: TOKEN, maxConcurrency: String(MAX_CONCURRENCY) });
    // Start-up, the warm-up (see provider/src/pulumi/warmUp.ts) and Configure, before any Invoke.
    const before = procStat(host.process.pid!);
    const t0 = performance.now();
    const bytes = await host.invokeRaw(GET, {});
    const ms = performance.now() - t0;
    const after = procStat(host.process.pid!);
    // The same listing again in the same process: what a listing costs once code is compiled and
    // connections are open, i.e. the first Invoke's cost minus its one-time part.
    await host.invokeRaw(GET, {});
    const again = procStat(host.process.pid!);
    return {
      ms,
      bytes: bytes.length,
      cpuMs: after.cpuMs - before.cpuMs,
      secondCpuMs: again.cpuMs - after.cpuMs,
      cpuBeforeInvokeMs: before.cpuMs,
      peakRssMb: after.hwmMb,
    };
  } finally {
    await host.stop();
  }
}

/** Spawn of a fresh plugin to the end of its first Invoke, Configure between as the engine sends it. */
async function firstCall(url: string): Promise<number> {
  const t0 = performance.now();
  const host = await PluginHost.start();
  try {
    await host.configure({ endpoint: url, projectId: PROJECT, authToken: TOKEN, maxConcurrency: String(MAX_CONCURRENCY) });
    await host.invokeRaw(GET, {});
    return performance.now() - t0;
  } finally {
    await host.stop();
  }
}

/** Spawn to exit of a fresh Node process (the same binary) that only fetches and parses the same pages. */
function floorCall(url: string, jobs: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [FLOOR_BIN, url, PROJECT, TOKEN, "100", String(MAX_CONCURRENCY)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let ms = 0;
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.once("exit", () => (ms = performance.now() - t0));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 && Number(out) === jobs ? resolve(ms) : reject(new Error(`pageFloor exited ${code} for ${jobs} jobs: ${out.trim()}`)),
    );
  });
}

/** Medians of firstCall and floorCall, interleaved so that drift in machine load touches both alike. */
async function firstCallVsFloor(url: string, jobs: number) {
  const plugin: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < COMPARE_RUNS; i++) {
    plugin.push(await firstCall(url));
    floor.push(await floorCall(url, jobs));
  }
  return { pluginMs: median(plugin), floorMs: median(floor), ratio: median(plugin) / median(floor), runs: COMPARE_RUNS };
}

/** One ReadDataSource of every job on a fresh Terraform provider, measured as pluginInvoke is. */
async function terraformRead(url: string, jobs: number) {
  const plugin = await TerraformPlugin.spawn();
  try {
    const configured = await plugin.configure({ endpoint: url, project_id: PROJECT, auth_token: TOKEN, max_concurrency: MAX_CONCURRENCY });
    if (configured.diagnostics.length) throw new Error(`configure: ${JSON.stringify(configured.diagnostics)}`);
    await plugin.schema();
    const pid = plugin.process!.pid!;
    const before = procStat(pid);
    const t0 = performance.now();
    const read = await plugin.readData("metastudio_training_jobs", {});
    const ms = performance.now() - t0;
    const after = procStat(pid);
    if (read.diagnostics.length) throw new Error(`read: ${JSON.stringify(read.diagnostics)}`);
    const listed = ((read.state as Record<string, unknown>).jobs as unknown[]).length;
    if (listed !== jobs) throw new Error(`the Terraform provider listed ${listed} of ${jobs} jobs`);
    await plugin.readData("metastudio_training_jobs", {});
    const again = procStat(pid);
    return {
      ms,
      bytes: read.bytes,
      cpuMs: after.cpuMs - before.cpuMs,
      secondCpuMs: again.cpuMs - after.cpuMs,
      cpuBeforeReadMs: before.cpuMs,
      peakRssMb: after.hwmMb,
    };
  } finally {
    await plugin.stop();
  }
}

async function listing(jobs: number) {
  const slow = await startEmulatorProcess(jobs, LATENCY_MS);
  const fast = await startEmulatorProcess(jobs, 0);
  try {
    const plugin = await pluginInvoke(slow.url);
    const pager = await sequentialPager(slow.url);
    if (pager.jobs !== jobs) throw new Error(`the sequential pager saw ${pager.jobs} of ${jobs} jobs`);
    const pages = Math.ceil(jobs / 100);
    const lowerBoundMs = LATENCY_MS * (1 + Math.ceil((pages - 1) / MAX_CONCURRENCY));
    const noLatency = await pluginInvoke(fast.url);
    const firstCallFigures = await firstCallVsFloor(fast.url, jobs);
    const terraform = await terraformRead(slow.url, jobs);
    const terraformNoLatency = await terraformRead(fast.url, jobs);
    return {
      jobs,
      invokeMs: plugin.ms,
      answerBytes: plugin.bytes,
      sequentialPagerMs: pager.ms,
      lowerBoundMs,
      vsSequential: plugin.ms / pager.ms,
      vsLowerBound: plugin.ms / lowerBoundMs,
      noLatencyInvokeMs: noLatency.ms,
      pluginCpuMsPer1000: (noLatency.cpuMs / jobs) * 1000,
      secondInvokeCpuMsPer1000: (noLatency.secondCpuMs / jobs) * 1000,
      wallMsPer1000NoLatency: (noLatency.ms / jobs) * 1000,
      peakRssMb: noLatency.peakRssMb,
      pluginCpuBeforeInvokeMs: noLatency.cpuBeforeInvokeMs,
      firstCall: firstCallFigures,
      terraform: {
        readMs: terraform.ms,
        stateBytes: terraform.bytes,
        vsSequential: terraform.ms / pager.ms,
        vsLowerBound: terraform.ms / lowerBoundMs,
        noLatencyReadMs: terraformNoLatency.ms,
        cpuMsPer1000: (terraformNoLatency.cpuMs / jobs) * 1000,
        secondReadCpuMsPer1000: (terraformNoLatency.secondCpuMs / jobs) * 1000,
        peakRssMb: terraformNoLatency.peakRssMb,
        cpuBeforeReadMs: terraformNoLatency.cpuBeforeReadMs,
      },
    };
  } finally {
    slow.child.kill();
    fast.child.kill();
  }
}

async function main() {
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
  process.stderr.write(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}\n`);
  const cold = await coldStart();
  const rows = [];
  for (const n of SIZES) {
    process.stderr.write(`listing ${n} jobs...\n`);
    rows.push(await listing(n));
  }
  process.stderr.write("real CLIs...\n");
  const emulator = await startEmulatorProcess(REAL_CLI_JOBS, 0);
  const clis = await realClis({ url: emulator.url, projectId: PROJECT, token: TOKEN, jobs: REAL_CLI_JOBS, runs: COMPARE_RUNS }).finally(
    () => emulator.child.kill(),
  );
  const f = (x: number, d = 1) => x.toFixed(d);
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB RAM, Node ${machine.node}${smoke ? " (smoke run)" : ""}`,
    "",
    `Cold start (median of ${cold.runs}): plugin ${f(cold.pluginMs)} ms, bare node HTTP server ${f(cold.bareNodeMs)} ms, ratio ${f(cold.ratio, 2)}x (target <= 2x)`,
    `Cold start, Terraform provider with AutoMTLS: ${f(cold.terraformMs)} ms, ratio ${f(cold.terraformRatio, 2)}x`,
    cold.release
      ? `Cold start, release executables (Node ${cold.release.node} inside): plugin ${f(cold.release.seaPluginMs)} ms, Terraform provider ${f(cold.release.seaTerraformMs)} ms; the plugin's bundle on that same Node ${f(cold.release.bundleOnReleaseNodeMs)} ms`
      : "Cold start, release executables: no single executable for this platform",
    `Plugin CPU before its first Invoke (start-up, warm-up, Configure): ${rows.map((r) => `${f(r.pluginCpuBeforeInvokeMs, 0)} ms`).join(", ")}`,
    `First call of a fresh plugin (spawn to the end of its first Invoke, no latency) / a fresh Node process that only fetches and parses the same pages (spawn to exit), median of ${COMPARE_RUNS}: ${rows
      .map((r) => `${r.jobs} jobs ${f(r.firstCall.pluginMs, 0)} vs ${f(r.firstCall.floorMs, 0)} ms, ${f(r.firstCall.ratio, 2)}x`)
      .join("; ")} (goal <= 1.3x)`,
    "",
    `| jobs | invoke @${LATENCY_MS}ms | sequential pager | vs pager (<=0.2) | lower bound | vs bound (<=1.5) | plugin CPU ms/1k (<=25) | same, 2nd invoke | wall ms/1k, no latency | peak RSS MB (<=150 @10k) |`,
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.jobs} | ${f(r.invokeMs, 0)} ms | ${f(r.sequentialPagerMs, 0)} ms | ${f(r.vsSequential, 3)} | ${f(r.lowerBoundMs, 0)} ms | ${f(r.vsLowerBound, 2)} | ${f(r.pluginCpuMsPer1000)} | ${f(r.secondInvokeCpuMsPer1000)} | ${f(r.wallMsPer1000NoLatency)} | ${f(r.peakRssMb, 0)} |`,
    ),
    "",
    "Terraform provider, ReadDataSource of every job (mTLS, msgpack state):",
    "",
    `| jobs | read @${LATENCY_MS}ms | vs pager | vs bound | CPU ms/1k | same, 2nd read | wall ms/1k, no latency | peak RSS MB | state bytes |`,
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.jobs} | ${f(r.terraform.readMs, 0)} ms | ${f(r.terraform.vsSequential, 3)} | ${f(r.terraform.vsLowerBound, 2)} | ${f(r.terraform.cpuMsPer1000)} | ${f(r.terraform.secondReadCpuMsPer1000)} | ${f((r.terraform.noLatencyReadMs / r.jobs) * 1000)} | ${f(r.terraform.peakRssMb, 0)} | ${r.terraform.stateBytes} |`,
    ),
    "",
    ...realCliLines(clis),
  ];
  process.stdout.write(lines.join("\n") + "\n");
  const file = join(REPO_ROOT, "bench", smoke ? "results-smoke.json" : "results.json");
  writeFileSync(
    file,
    JSON.stringify(
      { machine, settings: { latencyMs: LATENCY_MS, maxConcurrency: MAX_CONCURRENCY }, coldStart: cold, listings: rows, realClis: clis },
      null,
      2,
    ) + "\n",
  );
  process.stderr.write(`saved ${file}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
