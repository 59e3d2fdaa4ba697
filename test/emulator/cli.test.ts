/** The emulator's command line: the first stdout line is the URL, a log line per request on stderr. */
import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { DEFAULT_PROJECT_ID as PROJECT } from "../../emulator/src";
import { REPO_ROOT } from "../../harness/repoRoot";
import { firstStdoutLine } from "../../harness/firstStdoutLine";

const BIN = join(REPO_ROOT, "emulator", "bin", "metastudio-emulator");

async function start(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const url = await firstStdoutLine(child, "the emulator", { stderr: () => err });
  return { child, url, stderr: () => err };
}

function exitOf(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdout = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.once("exit", (code) => resolve({ code, stderr, stdout }));
  });
}

test("--port 0 prints the base URL first, serves the API, and logs each request to stderr", async () => {
  const { child, url, stderr } = await start(["--port", "0", "--jobs", "7", "--token", "cli-token"]);
  try {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/v1/${PROJECT}/digital-human-training-manage/user/jobs?limit=100`, {
      headers: { "X-Auth-Token": "cli-token" },
    });
    const body = (await res.json()) as { count: number };
    expect(body.count).toBe(7);
    const requestId = res.headers.get("x-request-id")!;
    await new Promise((r) => setTimeout(r, 100));
    expect(stderr()).toMatch(/requires X-Auth-Token/);
    expect(stderr()).toContain(`GET /v1/${PROJECT}/digital-human-training-manage/user/jobs?limit=100 200 ${requestId}`);
  } finally {
    child.kill();
  }
});

test("--data serves the jobs of a file in the API's answer shape", async () => {
  const { child, url } = await start(["--port", "0", "--data", join(REPO_ROOT, "emulator", "seed-example-response.json"), "--quiet"]);
  try {
    const res = await fetch(`${url}/v1/${PROJECT}/digital-human-training-manage/user/jobs`, { headers: { "X-Auth-Token": "any" } });
    expect(((await res.json()) as { count: number }).count).toBe(10);
  } finally {
    child.kill();
  }
});

test.each([
  [["--ak", "only-ak"], /--ak and --sk go together/],
  [["--fail-rate", "2"], /--fail-rate must be a number from 0 to 1, got '2'/],
  [["--jobs", "many"], /--jobs must be an integer/],
  [["--colour"], /Unknown option '--colour'/],
])("bad flags %j exit 2 with a reason and the usage", async (args, message) => {
  const r = await exitOf(args);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain("Usage: metastudio-emulator");
});

test("the start-up lines say that an access key is required, never which", async () => {
  const { child, stderr } = await start(["--port", "0", "--ak", "AKCLIVISIBLE00000001", "--sk", "SK-cli-secret", "--quiet"]);
  try {
    await new Promise((r) => setTimeout(r, 100));
    expect(stderr()).toMatch(/requires AK\/SK signatures/);
    expect(stderr()).not.toContain("AKCLIVISIBLE00000001");
    expect(stderr()).not.toContain("SK-cli-secret");
  } finally {
    child.kill();
  }
});
