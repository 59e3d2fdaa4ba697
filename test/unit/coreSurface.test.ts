/**
 * The core's public surface (provider/src/core/index.ts) used as docs/architecture.md shows a
 * new front end using it: its own spelling of fields, a session, a validated call run against the
 * emulator over HTTP, failures rendered and bounded, a cancel by the front end's own signal.
 */
import { startEmulator } from "../../emulator/src";
import {
  CallFailure,
  DECLARATIONS,
  FUNCTIONS,
  getTrainingJobs,
  jobsOf,
  pageJobCount,
  MAX_FAILURE_CHARS,
  ProviderSession,
  shownFailures,
  Spelling,
  waitForTrainingJobs,
} from "../../provider/src/core";
import { configKey, text, TextError } from "../../provider/src/schema/text";

/** A command line's spelling: flags in kebab case, "secret" as it is. */
const FLAGS: Spelling = {
  field: (ref) => `--${ref.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  term: (ref) => ref.term,
};

const TOKEN = "core-surface-token-0123456789";

describe("the core's public surface", () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobs: 0, token: TOKEN });
    for (let i = 0; i < 7; i++)
      emulator.store.add({ job_id: String(i).padStart(32, "0"), name: `m${i}`, state: "JOB_FINISH", batch_name: "cli", asset_id: `a${i}` });
  });
  afterAll(() => emulator.stop());

  const session = () => {
    const s = new ProviderSession({});
    s.configure({ endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN }, new Set(["authToken"]));
    return s;
  };

  test("declarations name each function with its input and output tables", () => {
    expect(DECLARATIONS.map((d) => d.name)).toEqual(["getTrainingJobs", "waitForTrainingJobs"]);
    expect([...FUNCTIONS.keys()]).toEqual(["getTrainingJobs", "waitForTrainingJobs"]);
    expect(Object.keys(getTrainingJobs.outputs)).toEqual(["count", "jobs"]);
    expect(Object.keys(waitForTrainingJobs.inputs)).toContain("timeoutSeconds");
  });

  test("validate, then run with the session's context: every job, page by page", async () => {
    const checked = getTrainingJobs.validate({ batchName: "cli", pageSize: 3 });
    if (!checked.ok) throw new Error("inputs refused");
    const lines: string[] = [];
    const setup = session().context({ log: (_s, line) => lines.push(line) });
    if (!setup.ok) throw new Error("no context");
    const result = await getTrainingJobs.run(checked.value, setup.ctx);
    expect(result.count).toBe(7);
    expect(result.jobs.map(pageJobCount)).toEqual([3, 2, 2]);
    expect(
      jobsOf(result.jobs)
        .map((j) => j.name)
        .sort(),
    ).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6"]);
    expect(lines).toContainEqual(expect.stringMatching(/^getTrainingJobs: 7 of 7 jobs in 3 requests/));
  });

  test("with an encoder, getTrainingJobs keeps each page's entries and drops its parsed jobs; the gate keeps its jobs", async () => {
    const encodeJobs = (jobs: readonly { name: string }[]) => jobs.map((j) => Buffer.from(j.name));
    const setup = session().context({ log: () => undefined, encodeJobs });
    if (!setup.ok) throw new Error("no context");
    const listed = getTrainingJobs.validate({ batchName: "cli", pageSize: 3 });
    if (!listed.ok) throw new Error("inputs refused");
    const result = await getTrainingJobs.run(listed.value, setup.ctx);
    expect(result.jobs.map((p) => p.jobs)).toEqual([undefined, undefined, undefined]);
    expect(result.jobs.map(pageJobCount)).toEqual([3, 2, 2]);
    const names = result.jobs.flatMap((p) => p.entries ?? []).map((e) => Buffer.from(e).toString());
    expect(names.sort()).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6"]);
    expect(() => jobsOf(result.jobs)).toThrow(/only as encoded entries/);

    const gated = waitForTrainingJobs.validate({ batchName: "cli", timeoutSeconds: 0 });
    if (!gated.ok) throw new Error("inputs refused");
    const gate = await waitForTrainingJobs.run(gated.value, setup.ctx);
    expect(gate.ready).toBe(true);
    expect(jobsOf(gate.jobs)).toHaveLength(7);
  });

  test("failures in the front end's own spelling, bounded", () => {
    const checked = getTrainingJobs.validate({ pageSize: 0, batch_name: "x".repeat(10_000) });
    if (checked.ok) throw new Error("expected failures");
    const shown = shownFailures(checked.failures, FLAGS);
    expect(shown.map((f) => f.reason).join("\n")).toMatch(/--page-size is 0; expected an integer from 1 to 100/);
    expect(shown.map((f) => f.reason).join("\n")).toMatch(
      /is not an input of this function.*accepted inputs: --offset, --limit, --page-size/,
    );
    for (const f of shown) expect(f.reason.length).toBeLessThanOrEqual(MAX_FAILURE_CHARS);

    const s = new ProviderSession({});
    s.configure({ projectID: "0".repeat(32) });
    const resolved = s.resolve();
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(shownFailures(resolved.failures, FLAGS)[0].reason).toMatch(/did you mean --project-id\?/);

    // A client that cannot be made fails on the setting its error names.
    const broken = new ProviderSession({}, () => {
      throw new TextError(text`cannot read ${configKey("securityToken")} from its file`);
    });
    broken.configure({ endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN });
    const refused = broken.resolve();
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(shownFailures(refused.failures, FLAGS)).toEqual([
        { property: "securityToken", reason: "cannot read --security-token from its file" },
      ]);
  });

  test("a call the front end stops with its own signal ends with its reason; a gate failure is a CallFailure", async () => {
    const stop = new AbortController();
    stop.abort(new Error("Ctrl-C"));
    const setup = session().context({ log: () => undefined, signal: stop.signal });
    if (!setup.ok) throw new Error("no context");
    const checked = waitForTrainingJobs.validate({ batchName: "none" });
    if (!checked.ok) throw new Error("inputs refused");
    await expect(waitForTrainingJobs.run(checked.value, setup.ctx)).rejects.toThrow("Ctrl-C");
    const live = session().context({ log: () => undefined });
    if (!live.ok) throw new Error("no context");
    await expect(waitForTrainingJobs.run(checked.value, live.ctx)).rejects.toBeInstanceOf(CallFailure);
  });
});
