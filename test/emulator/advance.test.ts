/** `--advance`: the emulator moves jobs along the training pipeline, a seeded share failing, seen over HTTP. */
import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { ApiJob, DEFAULT_PROJECT_ID as PROJECT, startEmulator } from "../../emulator/src";
import { FAILURES, PIPELINE } from "../../emulator/src/jobAdvancer";
import { firstStdoutLine } from "../../harness/firstStdoutLine";
import { REPO_ROOT } from "../../harness/repoRoot";

const TOKEN = "advance-token";

async function list(url: string): Promise<ApiJob[]> {
  const res = await fetch(`${url}/v1/${PROJECT}/digital-human-training-manage/user/jobs?limit=100`, { headers: { "X-Auth-Token": TOKEN } });
  return ((await res.json()) as { jobs: ApiJob[] }).jobs;
}

const batch = (n: number, state: string): ApiJob[] =>
  Array.from({ length: n }, (_, i) => ({ job_id: `job-${String(i).padStart(3, "0")}`, name: `Model ${i}`, state, batch_name: "b" }));

test("each step moves every job one state along the pipeline until JOB_FINISH, with an asset from compilation on", async () => {
  // A step far longer than the test: only step() moves the jobs, so every move is seen.
  const emulator = await startEmulator({ port: 0, token: TOKEN, data: batch(3, "WAIT_FILE_UPLOAD"), advance: { stepMs: 3_600_000 } });
  try {
    const seen: string[][] = [(await list(emulator.url)).map((j) => j.state)];
    for (let i = 0; i < PIPELINE.length + 1; i++) {
      emulator.advancer!.step();
      seen.push((await list(emulator.url)).map((j) => j.state));
    }
    const expectedStates = [...PIPELINE, "JOB_FINISH", "JOB_FINISH"];
    expect(seen.map((states) => states[0])).toEqual(expectedStates);
    expect(seen.every((states) => states.every((s) => s === states[0]))).toBe(true);
    const jobs = await list(emulator.url);
    expect(jobs.every((j) => typeof j.asset_id === "string" && /^[0-9a-f]{32}$/.test(j.asset_id))).toBe(true);
    expect(emulator.advancer!.step()).toBe(0);
  } finally {
    await emulator.stop();
  }
});

test("a seeded share fails, each at a stage that can fail, into its _FAILED state, and stays there", async () => {
  const run = async (seed: number) => {
    const emulator = await startEmulator({
      port: 0,
      token: TOKEN,
      seed,
      data: batch(40, "WAIT_FILE_UPLOAD"),
      advance: { stepMs: 3_600_000, failRate: 0.5 },
    });
    try {
      for (let i = 0; i < PIPELINE.length + 1; i++) emulator.advancer!.step();
      return (await list(emulator.url)).map((j) => j.state);
    } finally {
      await emulator.stop();
    }
  };
  const states = await run(7);
  const failed = states.filter((s) => s !== "JOB_FINISH");
  expect(failed.length).toBeGreaterThan(8);
  expect(failed.length).toBeLessThan(32);
  for (const s of failed) expect(Object.values(FAILURES)).toContain(s);
  expect(await run(7)).toEqual(states);
  expect(await run(8)).not.toEqual(states);
});

test("with a batch named, only its jobs move", async () => {
  const data = [...batch(2, "TRAINING"), { job_id: "other", name: "Other", state: "TRAINING", batch_name: "not-b" }];
  const emulator = await startEmulator({ port: 0, token: TOKEN, data, advance: { stepMs: 3_600_000, batch: "b" } });
  try {
    expect(emulator.advancer!.step()).toBe(2);
    expect((await list(emulator.url)).map((j) => j.state)).toEqual(["TRAIN_SUCCESS", "TRAIN_SUCCESS", "TRAINING"]);
  } finally {
    await emulator.stop();
  }
});

test("jobs off the pipeline (pending, stopped, done) stay where they are", async () => {
  const data: ApiJob[] = ["JOB_PENDING", "MANUAL_STOP_TRAIN", "JOB_SUCCESS", "TRAIN_FAILED", "JOB_REJECT"].map((state, i) => ({
    job_id: `off-${i}`,
    name: `Off ${i}`,
    state,
  }));
  const emulator = await startEmulator({ port: 0, token: TOKEN, data, advance: { stepMs: 3_600_000, failRate: 1 } });
  try {
    expect(emulator.advancer!.step()).toBe(0);
    expect((await list(emulator.url)).map((j) => j.state)).toEqual(data.map((j) => j.state));
  } finally {
    await emulator.stop();
  }
});

test("the command's --advance moves the jobs on its timer and says so at start", async () => {
  const bin = join(REPO_ROOT, "emulator", "bin", "metastudio-emulator");
  const child: ChildProcess = spawn(
    bin,
    ["--port", "0", "--token", TOKEN, "--jobs", "30", "--advance", "--advance-step-ms", "50", "--quiet"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  try {
    const url = await firstStdoutLine(child, "the emulator", { stderr: () => stderr });
    const before = await list(url);
    const deadline = Date.now() + 10_000;
    let after = before;
    while (
      Date.now() < deadline &&
      after.filter((j) => j.state === "JOB_FINISH").length <= before.filter((j) => j.state === "JOB_FINISH").length
    ) {
      await new Promise((r) => setTimeout(r, 100));
      after = await list(url);
    }
    expect(after.filter((j) => j.state === "JOB_FINISH").length).toBeGreaterThan(before.filter((j) => j.state === "JOB_FINISH").length);
    expect(stderr).toContain("advancing the jobs one state every 50 ms, 0 % of them failing");
  } finally {
    child.kill();
  }
});

test("--advance-fail-rate without --advance is a usage error", async () => {
  const bin = join(REPO_ROOT, "emulator", "bin", "metastudio-emulator");
  const child = spawn(bin, ["--advance-fail-rate", "0.2"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(2);
  expect(stderr).toContain("--advance-step-ms, --advance-fail-rate and --advance-batch go with --advance");
});
