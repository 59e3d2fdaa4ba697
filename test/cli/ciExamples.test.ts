/**
 * The GitHub Actions workflow and the GitLab CI job of docs/cli.md, run: their shell steps are
 * taken from the document and run in order, as the runners run them (GitHub: each `run` with
 * `bash -eo pipefail`, stopping at the first failure; GitLab: the `script` lines in one shell that
 * stops at the first failure), with the built command on PATH and the emulator standing in for
 * the account. Only the install steps are left out, and they are checked to be install steps.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { load } from "js-yaml";
import type { ApiJob } from "../../emulator/src";
import { REPO_ROOT } from "../../harness/repoRoot";
import { CLI, cliEnv, Emulator, withEmulator } from "./support";

const DOC = readFileSync(join(REPO_ROOT, "docs", "cli.md"), "utf8");

/** The YAML block after `<!-- ci-example: NAME -->`. */
function example(name: string): unknown {
  const marker = DOC.indexOf(`<!-- ci-example: ${name} -->`);
  expect(marker).toBeGreaterThanOrEqual(0);
  const block = /```yaml\n([\s\S]*?)```/.exec(DOC.slice(marker));
  expect(block).not.toBeNull();
  return load(block![1]);
}

interface GithubStep {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface GithubWorkflow {
  jobs: Record<string, { env?: Record<string, string>; steps: GithubStep[] }>;
}
interface GitlabJob {
  variables?: Record<string, string>;
  before_script: string[];
  script: string[];
}

interface Shell {
  code: number | null;
  output: string;
}

function bash(script: string, env: NodeJS.ProcessEnv, cwd: string): Promise<Shell> {
  const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** The account as the pipeline sees it: the emulator, and credentials the CI would hold as secrets. */
function pipelineEnv(emulator: Emulator, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = cliEnv(emulator, extra);
  env.PATH = [dirname(CLI), env.PATH].join(delimiter);
  return env;
}

/** Literal values are kept; `${{ ... }}` ones (secrets, vars) must be among those the test supplies. */
function literalEnv(env: Record<string, string> | undefined, supplied: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env ?? {})) {
    if (String(v).includes("${{")) expect(supplied[k]).toBeDefined();
    else out[k] = String(v);
  }
  return out;
}

async function runGithub(emulator: Emulator): Promise<{ ran: string[]; outputs: string[]; failed?: string; summary: string }> {
  const workflow = example("github") as GithubWorkflow;
  const [job] = Object.values(workflow.jobs);
  const dir = mkdtempSync(join(tmpdir(), "gh-example-"));
  const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary.md"), GITHUB_PATH: join(dir, "path") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const base = pipelineEnv(emulator, files);
  const env = { ...base, ...literalEnv(job.env, base) };
  const ran: string[] = [];
  const outputs: string[] = [];
  for (const step of job.steps) {
    if (step.uses || !step.run) continue;
    if (step.name === "Install the metastudio command") {
      expect(step.run).toContain("npm run build");
      expect(step.run).toContain("provider/bin");
      continue;
    }
    const result = await bash(step.run, { ...env, ...literalEnv(step.env, env) }, dir);
    ran.push(step.name ?? step.run);
    outputs.push(result.output);
    if (result.code !== 0) return { ran, outputs, failed: step.name, summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8") };
  }
  return { ran, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8") };
}

async function runGitlab(emulator: Emulator): Promise<Shell & { dir: string }> {
  const job = Object.values(example("gitlab") as Record<string, GitlabJob>)[0];
  expect(job.before_script.join("\n")).toContain("npm run build");
  expect(job.before_script.join("\n")).toContain("provider/bin");
  const dir = mkdtempSync(join(tmpdir(), "gitlab-example-"));
  const env = { ...pipelineEnv(emulator, {}), ...(job.variables ?? {}) };
  return { ...(await bash(job.script.join("\n"), env, dir)), dir };
}

const release7 = (states: readonly string[]): ApiJob[] =>
  states.map((state, i) => ({
    job_id: `${String(i).repeat(8)}`.padEnd(32, "a"),
    name: `anchor ${i}`,
    state,
    batch_name: "release-7",
    ...(state === "JOB_FINISH" ? { asset_id: `asset-${i}` } : {}),
  }));
const others: ApiJob[] = [{ job_id: "b".repeat(32), name: "other", state: "TRAINING", batch_name: "release-8" }];

describe("the CI examples of docs/cli.md", () => {
  test("GitHub Actions: the gate passes, the deployment step gets the assets, the summary is on the page", async () => {
    await withEmulator({ data: [...release7(["JOB_FINISH", "JOB_FINISH", "JOB_FINISH"]), ...others] }, async (emulator) => {
      const run = await runGithub(emulator);
      expect(run.failed).toBeUndefined();
      expect(run.ran).toEqual(["Wait for the training batch", "Deploy the assets"]);
      expect(run.outputs[0]).toContain("gate passed");
      expect(run.outputs[1]).toContain("deploying assets: asset-0,asset-1,asset-2");
      expect(run.summary).toContain("**Assets ready (3)**");
    });
  });

  test("GitHub Actions: a failed job stops the pipeline before the deployment, with an error annotation", async () => {
    await withEmulator({ data: [...release7(["JOB_FINISH", "TRAIN_FAILED", "COMPILING"]), ...others] }, async (emulator) => {
      const run = await runGithub(emulator);
      expect(run.failed).toBe("Wait for the training batch");
      expect(run.ran).toEqual(["Wait for the training batch"]);
      expect(run.outputs[0]).toContain("::error::a training job of release-7 needs a person (see the summary)");
      expect(run.outputs[0]).toMatch(/anchor 1 \(1{8}a{24}\): TRAIN_FAILED/);
      expect(run.summary).toContain("**Need a person (1)**");
    });
  });

  test("GitLab CI: the gate passes and the deployment line gets the assets; the summary is an artifact", async () => {
    await withEmulator({ data: [...release7(["JOB_FINISH", "JOB_FINISH"]), ...others] }, async (emulator) => {
      const run = await runGitlab(emulator);
      expect(run.output).toContain("deploying assets: asset-0,asset-1");
      expect(run.code).toBe(0);
      expect(readFileSync(join(run.dir, "gate-summary.md"), "utf8")).toContain("**Assets ready (2)**");
      expect((JSON.parse(readFileSync(join(run.dir, "gate.json"), "utf8")) as { ready: boolean }).ready).toBe(true);
    });
  });

  test("GitLab CI: an empty batch fails the job with exit 3 before the deployment line", async () => {
    await withEmulator({ data: others }, async (emulator) => {
      const run = await runGitlab(emulator);
      expect(run.code).toBe(3);
      expect(run.output).toContain("metastudio: the gate selected no training jobs");
      expect(run.output).not.toContain("deploying assets");
    });
  });
});
