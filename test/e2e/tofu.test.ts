/**
 * End to end with the real OpenTofu CLI (built from its Go module, found by realTools.ts): the
 * provider installed from a filesystem mirror as an air-gapped user installs it, AutoMTLS on (the
 * default), and examples/terraform run with init, plan, apply and destroy against the emulator.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../harness/repoRoot";
import { runTofu, type TofuRun } from "../../harness/terraform/tofuCli";
import type { RequestInfo } from "../../emulator/src";
import { needsPersonToProceed } from "../../provider/src/schema/states";
import { describeWithTools } from "../support/realTools";
import { Emulator, startEmulator } from "../terraform/support";

const AK = "AKTOFUEXAMPLE0000001";
const SK = "SK-tofu-example-secret-value-00000000001";
const hex = (c: string) => c.repeat(32);

describeWithTools(["tofu"], "OpenTofu runs examples/terraform against the emulator", () => {
  let emulator: Emulator;
  let work: string;
  let env: Record<string, string>;
  const transcript: string[] = [];
  /** Requests for one batch: only the gate selects by batch in the example. */
  const batchRequests: RequestInfo[] = [];

  /** tofu, asynchronously: the emulator answering it lives in this process. */
  async function tofu(args: string[], extraEnv: Record<string, string> = {}, dir = "config"): Promise<TofuRun> {
    const run = await runTofu(args, { cwd: join(work, dir), env: { ...env, ...extraEnv } });
    transcript.push(`$ tofu ${args.join(" ")}\n${run.stdout}${run.stderr}(exit ${run.code})\n`);
    return run;
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, jobs: 240, seed: 9 });
    emulator.store.add({ job_id: hex("1"), name: "anchor-news", state: "JOB_FINISH", batch_name: "release-7", asset_id: "asset-news" });
    emulator.store.add({ job_id: hex("2"), name: "anchor-sport", state: "JOB_FINISH", batch_name: "release-7", asset_id: "asset-sport" });
    emulator.store.add({ job_id: hex("3"), name: "anchor-weather", state: "COMPILING", batch_name: "release-7" });
    emulator.store.add({ job_id: hex("4"), name: "anchor-broken", state: "TRAIN_FAILED", batch_name: "release-8" });
    emulator.store.add({ job_id: hex("5"), name: "anchor-ok", state: "JOB_FINISH", batch_name: "release-8", asset_id: "asset-ok" });

    emulator.onRequest((info) => {
      if (info.query.has("batch_name")) batchRequests.push(info);
    });
    work = mkdtempSync(join(tmpdir(), "metastudio-tofu-"));
    const mirror = join(work, "mirror");
    await new Promise<void>((resolve, reject) => {
      const c = spawn(
        process.execPath,
        [join(REPO_ROOT, "scripts", "terraform-mirror.js"), mirror, "--source", "registry.opentofu.org/pulumi-metastudio/metastudio"],
        { stdio: "ignore" },
      );
      c.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`terraform-mirror.js exited ${code}`))));
    });
    cpSync(join(REPO_ROOT, "examples", "terraform"), join(work, "config"), {
      recursive: true,
      filter: (src) => !/\.terraform|tfstate/.test(src),
    });
    writeFileSync(
      join(work, "tofurc"),
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.opentofu.org/pulumi-metastudio/*"]\n  }\n}\n`,
    );
    env = {
      PATH: process.env.PATH ?? "",
      HOME: work,
      TF_CLI_CONFIG_FILE: join(work, "tofurc"),
      TF_IN_AUTOMATION: "1",
      TF_LOG: "TRACE",
      TF_LOG_PATH: join(work, "tofu.log"),
      CHECKPOINT_DISABLE: "1",
      HW_METASTUDIO_ENDPOINT: emulator.url,
      HW_PROJECT_ID: emulator.projectId,
      HW_ACCESS_KEY: AK,
      TF_VAR_secret_key: SK,
    };
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
    if (process.env.METASTUDIO_TOFU_TRANSCRIPT) writeFileSync(process.env.METASTUDIO_TOFU_TRANSCRIPT, transcript.join("\n"));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("init installs the provider from the filesystem mirror", async () => {
    const r = await tofu(["init", "-input=false"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Installing pulumi-metastudio\/metastudio v0\.1\.0/);
    expect(r.stdout).toMatch(/OpenTofu has been successfully initialized/);
  }, 120_000);

  test("plan reads the jobs and never waits for the gate", async () => {
    const r = await tofu(["plan", "-input=false", "-var", "gate_timeout=30m"]);
    expect(r.code).toBe(0);
    // It never waits: no request of the gated batch was made (asserted below), not a bound on time.
    expect(r.stdout).toMatch(/metastudio_training_jobs_gate\.batch will be created/);
    expect(r.stdout).toMatch(/asset_ids\s+= \(known after apply\)/);
    expect(r.stdout).toMatch(new RegExp(`total\\s+= ${emulator.store.all().length}`));
    expect(r.stdout).not.toContain(SK);
    expect(batchRequests).toEqual([]);
  }, 120_000);

  test("apply waits for the batch, then deploys its assets; outputs match a brute-force count", async () => {
    // The last job of the batch finishes 4 s after the gate first looks at it.
    let flipped = false;
    emulator.onRequest((info) => {
      if (info.query.get("batch_name") !== "release-7" || flipped) return;
      flipped = true;
      setTimeout(() => emulator.store.setState(hex("3"), "JOB_FINISH"), 4000);
    });
    const r = await tofu(["apply", "-input=false", "-auto-approve"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const waited = Number(/metastudio_training_jobs_gate\.batch: Creation complete after (\d+)s/.exec(r.stdout)?.[1]);
    expect(waited).toBeGreaterThanOrEqual(4);
    const out = await tofu(["output", "-json"]);
    const outputs = JSON.parse(out.stdout) as Record<string, { value: unknown }>;
    // What the outputs were computed from: the jobs as listed during apply (job 3 still compiling
    // or finished, depending on when the data source read it).
    const all = emulator.store.all();
    expect(outputs.total.value).toBe(all.length);
    const perState = outputs.jobs_per_state.value as Record<string, number>;
    expect(Object.values(perState).reduce((a, b) => a + b, 0)).toBe(all.length);
    for (const [state, n] of Object.entries(perState)) {
      if (state === "JOB_FINISH" || state === "COMPILING") continue;
      expect(n).toBe(all.filter((j) => j.state === state).length);
    }
    expect([...(outputs.need_a_person.value as string[])].sort()).toEqual(
      all
        .filter((j) => needsPersonToProceed(j.state))
        .map((j) => `${j.name} (${j.job_id}): ${j.state}`)
        .sort(),
    );
    expect(outputs.train_failed.value).toBe(all.filter((j) => j.state === "TRAIN_FAILED").length);
    expect(outputs.assets_ready.value).toBe(all.filter((j) => j.state === "JOB_FINISH" && j.asset_id).length);
    expect([...(outputs.deployed_assets.value as string[])].sort()).toEqual(["asset-news", "asset-sport"]);
  }, 180_000);

  test("with state kept, the same run id leaves the gate alone; a new one replaces it and checks again", async () => {
    const same = await tofu(["plan", "-input=false"]);
    expect(same.code).toBe(0);
    expect(same.stdout).not.toMatch(/metastudio_training_jobs_gate\.batch (must be replaced|will be)/);
    let checks = 0;
    emulator.onRequest((info) => {
      if (info.query.get("batch_name") === "release-7") checks++;
    });
    const next = await tofu(["apply", "-input=false", "-auto-approve", "-var", "run_id=ci-2"]);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/metastudio_training_jobs_gate\.batch must be replaced/);
    expect(next.stdout).toMatch(/~ "run" = "local" -> "ci-2"/);
    expect(next.stdout).toMatch(/metastudio_training_jobs_gate\.batch: Creation complete/);
    expect(checks).toBeGreaterThan(0);
  }, 180_000);

  test("a TRAIN_FAILED job in the batch fails apply at once, naming it", async () => {
    const r = await tofu(["apply", "-input=false", "-auto-approve", "-var", "batch=release-8"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The training jobs did not pass the gate/);
    expect(r.stderr.replace(/[\s│]+/g, " ")).toMatch(
      /1 of 2 selected jobs cannot reach JOB_FINISH without a person acting: anchor-broken \(4{32}\): TRAIN_FAILED/,
    );
  }, 180_000);

  test("no secret in plan output, state or logs; the channel was mTLS", () => {
    const state = readFileSync(join(work, "config", "terraform.tfstate"), "utf8");
    const log = readFileSync(join(work, "tofu.log"), "utf8");
    for (const [name, text] of [
      ["state", state],
      ["log", log],
      ["output", transcript.join("\n")],
    ]) {
      expect({ name, leaks: text.includes(SK) }).toEqual({ name, leaks: false });
    }
    expect(state).not.toContain(AK);
    // The channel was mutual TLS, protocol 6, and the plugin left when asked (go-plugin logs a kill otherwise).
    expect(log).toMatch(/configuring client automatic mTLS/);
    expect(log).toMatch(/using plugin: version=6/);
    expect(log).not.toMatch(/stdio service not available|plugin failed to exit gracefully/);
  });

  test("with dev_overrides the checkout's provider/bin serves without init", async () => {
    writeFileSync(
      join(work, "dev.tofurc"),
      `provider_installation {\n  dev_overrides {\n    "registry.opentofu.org/pulumi-metastudio/metastudio" = "${join(REPO_ROOT, "provider", "bin")}"\n  }\n  direct {}\n}\n`,
    );
    cpSync(join(REPO_ROOT, "examples", "terraform", "main.tf"), join(work, "dev", "main.tf"));
    const r = await tofu(["plan", "-input=false"], { TF_CLI_CONFIG_FILE: join(work, "dev.tofurc") }, "dev");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Warning: Provider development overrides are in effect/);
    expect(r.stdout).toMatch(/metastudio_training_jobs_gate\.batch will be created/);
  }, 120_000);

  test("a sensitive variable as a filter, through retries: its value is in no line tofu prints nor in its TRACE log", async () => {
    const hidden = "confidential-batch-tofu-5e1d";
    emulator.store.add({ job_id: hex("9"), name: "secret-batch-model", state: "JOB_FINISH", batch_name: hidden });
    try {
      writeFileSync(
        join(work, "dev", "sensitive.tf"),
        [
          'variable "hidden_batch" {\n  type      = string\n  sensitive = true\n}',
          'data "metastudio_training_jobs" "hidden" {\n  batch_name = var.hidden_batch\n}',
          'output "hidden_total" {\n  value = data.metastudio_training_jobs.hidden.total\n}',
        ].join("\n"),
      );
      const faults = Array.from({ length: 2 }, () => ({ kind: "status" as const, status: 503 }));
      let faulted = false;
      emulator.onRequest((info) => {
        // The first request of the hidden batch's listing gets the 503s, so its retries are logged.
        if (info.query.get("batch_name") !== hidden || faulted) return;
        faulted = true;
        emulator.queueFaults(faults);
      });
      const logPath = join(work, "sensitive.log");
      const r = await tofu(
        ["plan", "-input=false"],
        { TF_CLI_CONFIG_FILE: join(work, "dev.tofurc"), TF_VAR_hidden_batch: hidden, TF_LOG_PATH: logPath },
        "dev",
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/hidden_total\s+= 1/);
      const log = readFileSync(logPath, "utf8");
      // The plugin's retry lines reached tofu's log, naming the filter and not its value.
      expect(log).toMatch(/retrying GET \S+\?offset=0&limit=100 \(filters: batch_name\)/);
      for (const form of [hidden, encodeURIComponent(hidden)]) expect(r.stdout + r.stderr + log).not.toContain(form);
    } finally {
      emulator.store.remove(hex("9"));
      rmSync(join(work, "dev", "sensitive.tf"), { force: true });
    }
  }, 120_000);

  test("destroy forgets the gate and the deployment", async () => {
    const r = await tofu(["destroy", "-input=false", "-auto-approve"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Destroy complete! Resources: \d+ destroyed\./);
    expect(JSON.parse(readFileSync(join(work, "config", "terraform.tfstate"), "utf8")).resources).toEqual([]);
  }, 180_000);
});
