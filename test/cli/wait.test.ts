/**
 * `metastudio jobs wait` against the emulator: each outcome and its exit code, the progress lines
 * of a CI log, the live line under a pseudo-terminal, SIGINT, and the Markdown summary. Most run
 * the spawned executable; a few its entry point in this process, where coverage sees it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { ApiJob } from "../../emulator/src";
import { AK, cliEnv, runCli, runInProcess, runUnderTerminal, SK, startCli, until, withEmulator } from "./support";

const batch = (name: string, n: number, state: string): ApiJob[] =>
  Array.from({ length: n }, (_, i) => ({
    job_id: `${name}-job-${i}`.padEnd(32, "0"),
    name: `${name} model ${i}`,
    state,
    batch_name: name,
  }));

interface Passed {
  ready: boolean;
  jobIds: string[];
  assetIds: string[];
  waitedSeconds: number;
  jobs: Array<{ jobId: string; state: string }>;
}

describe("jobs wait", () => {
  test("passes (0) when the emulator finishes the batch; the result on stdout, a line per change on stderr", async () => {
    const data = [...batch("release-9", 3, "TRAIN_SUCCESS"), ...batch("other", 2, "TRAINING")];
    await withEmulator({ data, advance: { stepMs: 300 } }, async (emulator) => {
      const r = await runCli(["jobs", "wait", "--batch-name", "release-9", "--timeout", "1m", "--poll-interval", "1s"], cliEnv(emulator));
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as Passed;
      expect(out.ready).toBe(true);
      expect(out.jobIds.sort()).toEqual(batch("release-9", 3, "").map((j) => j.job_id));
      const assets = emulator.store
        .all()
        .filter((j) => j.batch_name === "release-9")
        .map((j) => j.asset_id);
      expect(out.assetIds.sort()).toEqual((assets as string[]).sort());
      expect(out.waitedSeconds).toBeGreaterThan(0);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^metastudio: \[0s of 1m00s\] 0 of 3 jobs in JOB_FINISH; /);
      expect(lines.at(-1)).toMatch(/^metastudio: \[\d+s of 1m00s\] 3 of 3 jobs in JOB_FINISH; JOB_FINISH: 3$/);
      // One line per change: no two consecutive lines tell the same counts.
      const counts = lines.map((l) => l.replace(/^metastudio: \[[^\]]*\] /, ""));
      expect(counts.every((c, i) => i === 0 || c !== counts[i - 1])).toBe(true);
      expect(r.stderr).not.toMatch(/[\r\u001b]/);
    });
  });

  test("exits 1 naming the job that went TRAIN_FAILED, and the summary lists it", async () => {
    const data = batch("release-10", 3, "TRAINING");
    await withEmulator({ data }, async (emulator) => {
      const failing = data[1].job_id;
      emulator.onRequest(({ n }) => {
        if (n === 2) emulator.store.setState(failing, "TRAIN_FAILED");
      });
      const dir = mkdtempSync(join(tmpdir(), "cli-summary-"));
      const summary = join(dir, "summary.md");
      const stepSummary = join(dir, "step-summary.md");
      const r = await runInProcess(
        ["jobs", "wait", "--batch-name", "release-10", "--timeout", "1m", "--poll-interval", "1", "--summary-file", summary],
        cliEnv(emulator, { GITHUB_STEP_SUMMARY: stepSummary }),
      );
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(
        `metastudio: 1 of 3 selected jobs cannot reach JOB_FINISH without a person acting: release-10 model 1 (${failing}): TRAIN_FAILED`,
      );
      expect(emulator.stats.requests).toBe(2);
      const md = readFileSync(summary, "utf8");
      expect(readFileSync(stepSummary, "utf8")).toBe(md);
      expect(md).toContain("| TRAINING | 2 |");
      expect(md).toContain("| TRAIN_FAILED | 1 |");
      expect(md).toContain("**Need a person (1)**");
      expect(md).toContain(`| ${failing} | release-10 model 1 | TRAIN_FAILED |`);
      expect(md).toContain("**Assets ready (0)**");
    });
  });

  test("exits 2 at the time-out, within one poll of it, naming the jobs not ready", async () => {
    await withEmulator({ data: batch("slow", 2, "TRAINING") }, async (emulator) => {
      const r = await runCli(["jobs", "wait", "--batch-name", "slow", "--timeout", "3s", "--poll-interval", "1s"], cliEnv(emulator));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/metastudio: timed out after 3 s \(--timeout 3\): 2 of 2 jobs are not in JOB_FINISH: slow model 0/);
      // Checks at 0, 1 and 2 s; none at the time-out (it could not finish by it), none after it.
      expect(emulator.stats.requests).toBe(3);
    });
  });

  test("exits 2, not 4, when the time runs out before the jobs could be listed (429 with a day's Retry-After)", async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.writeHead(429, { "Content-Type": "application/json", "Retry-After": "86400", "X-Request-Id": "req-throttled" });
      res.end(JSON.stringify({ error_code: "APIG.0308", error_msg: "throttled" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const env = cliEnv(undefined, {
        HW_METASTUDIO_ENDPOINT: url,
        HW_PROJECT_ID: "0123456789abcdef0123456789abcdef",
        HW_AUTH_TOKEN: "TOKEN-cli-throttled-000000000001",
      });
      const r = await runCli(["jobs", "wait", "--batch-name", "b", "--timeout", "2s"], env);
      expect(r.stderr).toMatch(/timed out after .* before the jobs could be listed/);
      expect(r.code).toBe(2);
      // The day-long wait the server asked for is past the deadline: not waited for, not retried.
      expect(requests).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("exits 3 when the filters select no job", async () => {
    await withEmulator({ jobs: 20 }, async (emulator) => {
      const r = await runCli(["jobs", "wait", "--batch-name", "no-such-batch", "--timeout", "1m"], cliEnv(emulator));
      expect(r.code).toBe(3);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toContain("no-such-batch");
      expect(r.stderr).toMatch(
        /^metastudio: the gate selected no training jobs \(filters set: --batch-name\); a gate on nothing is a mistake/m,
      );
      expect(emulator.stats.requests).toBe(1);
    });
  });

  test("--heartbeat: without a change, a line at most once per check and no more often than asked", async () => {
    await withEmulator({ data: batch("still", 1, "TRAINING") }, async (emulator) => {
      const r = await runInProcess(
        ["jobs", "wait", "--batch-name", "still", "--timeout", "5s", "--poll-interval", "1s", "--heartbeat", "2s"],
        cliEnv(emulator),
      );
      expect(r.code).toBe(2);
      const progress = r.stderr.split("\n").filter((l) => / jobs in JOB_FINISH; /.test(l));
      expect(progress[0]).toMatch(/^metastudio: \[0s of 5s\] 0 of 1 jobs in JOB_FINISH; TRAINING: 1$/);
      expect(progress.slice(1).every((l) => /still waiting: 0 of 1 jobs/.test(l))).toBe(true);
      // Six checks (0..5 s, the last at the time-out): the first line, then a heartbeat every other check.
      expect(progress.length).toBe(3);
    });
  });

  test("on a terminal, one live line redrawn in place: counts per state, a bar, elapsed of the time-out", async () => {
    await withEmulator(
      { data: [...batch("live", 2, "COMPILING"), ...batch("live", 1, "JOB_FINISH").map((j) => ({ ...j, job_id: "f".repeat(32) }))] },
      async (emulator) => {
        const { code, screen: typescript } = await runUnderTerminal(
          ["jobs", "wait", "--batch-name", "live", "--timeout", "3s", "--poll-interval", "1s"],
          cliEnv(emulator),
        );
        expect(code).toBe(2);
        expect(typescript).toContain("\r\u001b[2Kmetastudio: 1/3 ready [###-------] 0s of 3s  COMPILING: 2, JOB_FINISH: 1");
        expect(typescript).toMatch(/\r\u001b\[2Kmetastudio: 1\/3 ready \[#+-+\] [12]s of 3s/);
        expect(typescript).not.toMatch(/\n\s*metastudio: \[/); // not the CI form
        expect(typescript).toContain("metastudio: timed out after 3 s");
      },
    );
  });

  test("a terminal's width bounds the live line, so redrawing it never wraps", async () => {
    await withEmulator({ data: batch("narrow", 4, "COMPILING") }, async (emulator) => {
      const r = await runInProcess(
        ["jobs", "wait", "--batch-name", "narrow", "--timeout", "1s", "--poll-interval", "1s"],
        cliEnv(emulator),
        {
          stderrIsTTY: true,
          columns: 40,
        },
      );
      expect(r.code).toBe(2);
      const drawn = r.stderr.split("\r\u001b[2K").filter((l) => l.startsWith("metastudio: 0/4"));
      expect(drawn.length).toBeGreaterThan(0);
      for (const line of drawn) expect(line.split("\n")[0].length).toBeLessThanOrEqual(39);
      expect(drawn[0]).toMatch(/^metastudio: 0\/4 ready \[-{10}\] .*\.\.\.$/);
    });
  });

  test("the passed gate's jobs in each format: ndjson, csv, table with the assets", async () => {
    const data = batch("fmt", 2, "JOB_FINISH").map((j, i) => ({ ...j, asset_id: `asset-${i}`, tags: ["a", "b,c"] }));
    await withEmulator({ data }, async (emulator) => {
      const run = (format: string) => runInProcess(["jobs", "wait", "--batch-name", "fmt", "--output", format], cliEnv(emulator));
      const nd = await run("ndjson");
      expect(nd.code).toBe(0);
      expect(
        nd.stdout
          .trimEnd()
          .split("\n")
          .map((l) => (JSON.parse(l) as { assetId: string }).assetId),
      ).toEqual(["asset-0", "asset-1"]);
      const csv = await run("csv");
      expect(csv.stdout.split("\r\n")[1]).toContain(`${data[0].job_id},fmt model 0,JOB_FINISH,asset-0`);
      expect(csv.stdout).toContain('"a;b,c"');
      const table = await run("table");
      expect(table.stdout).toMatch(/gate passed: 2 jobs ready after [\d.]+ s; assets: asset-0 asset-1\n$/);
    });
  });

  test("a table on a terminal's stdout, JSON when piped", async () => {
    await withEmulator({ data: batch("done", 2, "JOB_FINISH").map((j, i) => ({ ...j, asset_id: `asset-${i}` })) }, async (emulator) => {
      const piped = await runCli(["jobs", "wait", "--batch-name", "done"], cliEnv(emulator));
      expect(piped.code).toBe(0);
      expect((JSON.parse(piped.stdout) as Passed).assetIds).toEqual(["asset-0", "asset-1"]);
      const { code, screen: tty } = await runUnderTerminal(["jobs", "wait", "--batch-name", "done"], cliEnv(emulator));
      expect(code).toBe(0);
      expect(tty).toMatch(/JOB ID +NAME +STATE/);
      expect(tty).toContain("gate passed: 2 jobs ready after");
      expect(tty).toContain("assets: asset-0 asset-1");
    });
  });

  test("SIGINT stops the wait: exit 130, and no request after it", async () => {
    await withEmulator({ data: batch("long", 2, "TRAINING") }, async (emulator) => {
      const running = startCli(["jobs", "wait", "--batch-name", "long", "--timeout", "1h", "--poll-interval", "1s"], cliEnv(emulator));
      await until(() => running.stderr().includes("0 of 2 jobs in JOB_FINISH") && emulator.stats.requests >= 2, 10_000, "two checks");
      running.child.kill("SIGINT");
      const r = await running.done;
      const requestsAtExit = emulator.stats.requests;
      expect(r.code).toBe(130);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("metastudio: interrupted by SIGINT; stopped");
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(emulator.stats.requests).toBe(requestsAtExit);
    });
  });

  test("SIGINT during a slow request aborts it at once", async () => {
    await withEmulator({ data: batch("slow-api", 1, "TRAINING"), latencyMs: 3000 }, async (emulator) => {
      const running = startCli(["jobs", "wait", "--batch-name", "slow-api", "--timeout", "1h"], cliEnv(emulator));
      await until(() => emulator.stats.requests === 1, 10_000, "the first request");
      running.child.kill("SIGINT");
      const r = await running.done;
      expect(r.code).toBe(130);
      expect(emulator.stats.requests).toBe(1);
    });
  });

  test("the credentials appear neither in any output nor in the process list", async () => {
    await withEmulator({ data: batch("ps", 1, "TRAINING") }, async (emulator) => {
      const running = startCli(["jobs", "wait", "--batch-name", "ps", "--timeout", "2s", "--poll-interval", "1s"], cliEnv(emulator));
      await until(() => emulator.stats.requests >= 1, 10_000, "the first request");
      const ps = execFileSync("ps", ["-eo", "pid,args", "-ww"], { encoding: "utf8" });
      expect(ps).toContain("jobs wait --batch-name ps");
      const r = await running.done;
      for (const text of [ps, r.stdout, r.stderr]) {
        expect(text).not.toContain(AK);
        expect(text).not.toContain(SK);
      }
      // A wrong secret key: 401, exit 5, and still no credential in the message.
      const denied = await runCli(
        ["jobs", "wait", "--batch-name", "ps"],
        cliEnv(emulator, { HW_SECRET_KEY: "SK-wrong-secret-value-0000000000000" }),
      );
      expect(denied.code).toBe(5);
      expect(denied.stderr).toMatch(/HTTP 401 APIG\.0301/);
      expect(denied.stderr).not.toContain("SK-wrong-secret-value-0000000000000");
      expect(denied.stderr).not.toContain(AK);
    });
  });
});
