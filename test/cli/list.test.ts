/**
 * `metastudio jobs list`: every output format against a brute-force answer over the emulator's
 * jobs; the first through the spawned executable, the others through its entry point in this
 * process (support.ts).
 */
import type { ApiJob } from "../../emulator/src";
import { AK, cliEnv, Emulator, parseCsv, runCli, runInProcess, SK, startCli, withEmulator } from "./support";

type Job = Record<string, unknown> & { jobId: string; state: string };

/** The filter's answer computed here, not by the code under test: states and a batch, newest first. */
function expected(emulator: Emulator, states: readonly string[]): ApiJob[] {
  return emulator.store
    .all()
    .filter((j) => states.includes(j.state))
    .sort((a, b) => Date.parse(String(b.create_time)) - Date.parse(String(a.create_time)));
}

const FILTER = ["--state", "TRAINING", "--state", "JOB_FINISH,COMPILE_FAILED", "--sort-key", "create_time", "--sort-dir", "desc"];
const STATES = ["TRAINING", "JOB_FINISH", "COMPILE_FAILED"];

describe("jobs list", () => {
  test("a reader that closes the pipe early (| head -1) ends the command quietly with exit 0, not a crash", async () => {
    await withEmulator({ jobs: 3000 }, async (emulator) => {
      const cli = startCli(["jobs", "list", "--output", "ndjson"], cliEnv(emulator));
      // The answer (about 1.5 MB) is far more than a pipe holds: take the first line, then close.
      await new Promise<void>((resolve) => cli.child.stdout?.once("data", () => resolve()));
      cli.child.stdout?.destroy();
      const r = await cli.done;
      expect(cli.stdout().split("\n")[0]).toMatch(/^\{.*"jobId":/);
      expect(r.stderr).not.toMatch(/EPIPE|Unhandled|Error/);
      expect(r.code).toBe(0);
    });
  });

  test("json (the default when stdout is not a terminal) holds every matching job, all pages, camelCased", async () => {
    await withEmulator({ jobs: 450 }, async (emulator) => {
      const want = expected(emulator, STATES);
      expect(want.length).toBeGreaterThan(100); // more than one page
      const r = await runCli(["jobs", "list", ...FILTER, "--page-size", "50"], cliEnv(emulator));
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { count: number; jobs: Job[] };
      expect(out.count).toBe(want.length);
      expect(out.jobs.map((j) => j.jobId)).toEqual(want.map((j) => j.job_id));
      expect(out.jobs.map((j) => j.state)).toEqual(want.map((j) => j.state));
      const first = want[0];
      expect(out.jobs[0]).toMatchObject({ name: first.name, createTime: first.create_time, lastUpdateTime: first.last_update_time });
      expect(emulator.stats.requests).toBe(Math.ceil(want.length / 50));
    });
  });

  test("ndjson is one job per line, the same jobs", async () => {
    await withEmulator({ jobs: 300 }, async (emulator) => {
      const want = expected(emulator, STATES);
      const r = await runInProcess(["jobs", "list", ...FILTER, "--output", "ndjson"], cliEnv(emulator));
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split("\n");
      expect(lines.map((l) => (JSON.parse(l) as Job).jobId)).toEqual(want.map((j) => j.job_id));
    });
  });

  test("csv has a header of the output fields and a row per job, lists joined with ;", async () => {
    await withEmulator({ jobs: 300 }, async (emulator) => {
      const want = expected(emulator, STATES);
      const r = await runInProcess(["jobs", "list", ...FILTER, "--output", "csv"], cliEnv(emulator));
      expect(r.code).toBe(0);
      const [header, ...rows] = parseCsv(r.stdout);
      expect(header.slice(0, 3)).toEqual(["jobId", "name", "state"]);
      const col = (name: string) => header.indexOf(name);
      expect(rows.map((row) => row[col("jobId")])).toEqual(want.map((j) => j.job_id));
      expect(rows.map((row) => row[col("assetId")])).toEqual(want.map((j) => (j.asset_id as string | undefined) ?? ""));
      expect(rows.map((row) => row[col("tags")])).toEqual(want.map((j) => ((j.tags as string[] | undefined) ?? []).join(";")));
    });
  });

  test("table shows full job ids, one row per job, and the count", async () => {
    await withEmulator({ jobs: 120 }, async (emulator) => {
      const want = expected(emulator, STATES);
      const r = await runInProcess(["jobs", "list", ...FILTER, "--output", "table"], cliEnv(emulator));
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^JOB ID +NAME +STATE +BATCH +ASSET ID +UPDATED$/);
      expect(lines.slice(1, -1).map((l) => l.split(/\s+/)[0])).toEqual(want.map((j) => j.job_id));
      expect(lines.at(-1)).toBe(`${want.length} of ${want.length} jobs`);
    });
  });

  test("--limit caps the jobs returned, not the count", async () => {
    await withEmulator({ jobs: 250 }, async (emulator) => {
      const r = await runInProcess(["jobs", "list", "--limit", "7", "--sort-key", "asset_order"], cliEnv(emulator));
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { count: number; jobs: Job[] };
      expect(out.count).toBe(250);
      expect(out.jobs.map((j) => j.jobId)).toEqual(
        emulator.store
          .all()
          .slice(0, 7)
          .map((j) => j.job_id),
      );
    });
  });

  test("a job name holding terminal escapes is shown escaped in a table, as it is in JSON", async () => {
    await withEmulator({ data: [{ job_id: "e5c", name: "evil\u001b]0;owned\u0007", state: "JOB_FINISH" }] }, async (emulator) => {
      const table = await runInProcess(["jobs", "list", "--output", "table"], cliEnv(emulator));
      expect(table.stdout).not.toContain("\u001b");
      expect(table.stdout).toContain("evil\\u001b]0;owned\\u0007");
      const json = await runInProcess(["jobs", "list", "--output", "json"], cliEnv(emulator));
      expect((JSON.parse(json.stdout) as { jobs: Job[] }).jobs[0].name).toBe("evil\u001b]0;owned\u0007");
    });
  });

  test("credentials from a --credentials-file sign the requests; they appear in no output", async () => {
    await withEmulator({ jobs: 3 }, async (emulator) => {
      const { mkdtempSync, writeFileSync } = await import("node:fs");
      const { join } = await import("node:path");
      const { tmpdir } = await import("node:os");
      const file = join(mkdtempSync(join(tmpdir(), "cli-creds-")), "creds.env");
      writeFileSync(file, `# CI secret file\nexport HW_ACCESS_KEY=${AK}\nHW_SECRET_KEY="${SK}"\n`, { mode: 0o600 });
      const env = cliEnv(emulator, { HW_ACCESS_KEY: undefined, HW_SECRET_KEY: undefined, HW_AUTH_TOKEN: "ignored-token" });
      const r = await runInProcess(["jobs", "list", "--credentials-file", file], env);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { count: number }).count).toBe(3);
      expect(r.stdout + r.stderr).not.toContain(SK);
    });
  });
});
