/**
 * The gate's polling loop on a stepped clock: the real client and the emulator over HTTP, and a
 * clock whose sleeps advance virtual time at once, so an hour-long wait is checked in
 * milliseconds by what it did (the requests, the sleeps, the lines logged), not by how long it took.
 */
import { startEmulator } from "../../emulator/src";
import { waitForTrainingJobs } from "../../provider/src/core/functions";
import { ProviderSession } from "../../provider/src/core/session";
import { CallFailure, Clock } from "../../provider/src/functions/context";
import { render, TABLE_SPELLING } from "../../provider/src/schema/text";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const TOKEN = "gate-clock-token-0123456789";

class SteppedClock implements Clock {
  at = 1_000_000;
  readonly sleeps: number[] = [];
  now = () => this.at;
  sleep = (ms: number, signal: AbortSignal) => {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    this.sleeps.push(ms);
    this.at += ms;
    return Promise.resolve();
  };
}

describe("the gate's polling loop on a stepped clock", () => {
  let emulator: Emulator;
  let requests = 0;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, jobs: 0, token: TOKEN });
    emulator.onRequest(() => requests++);
  });
  afterAll(() => emulator.stop());

  function run(inputs: Record<string, unknown>, clock: Clock, log: string[]) {
    const session = new ProviderSession({});
    session.configure({ endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN, maxRetries: 0 });
    const setup = session.context({ log: (_s, line) => log.push(line), clock });
    if (!setup.ok) throw new Error(`no context: ${JSON.stringify(setup)}`);
    const checked = waitForTrainingJobs.validate(inputs);
    if (!checked.ok) throw new Error(JSON.stringify(checked.failures));
    return waitForTrainingJobs.run(checked.value, setup.ctx);
  }

  test("checks every poll interval until the last job is in a target state, then passes with the time waited", async () => {
    emulator.store.add({ job_id: "a".repeat(32), name: "a", state: "JOB_FINISH", batch_name: "clock-pass", asset_id: "asset-a" });
    emulator.store.add({ job_id: "b".repeat(32), name: "b", state: "COMPILING", batch_name: "clock-pass" });
    const clock = new SteppedClock();
    const log: string[] = [];
    const before = requests;
    // The job finishes when the third listing arrives.
    emulator.onRequest(() => {
      requests++;
      if (requests - before === 3) emulator.store.setState("b".repeat(32), "JOB_FINISH");
    });
    const result = await run({ batchName: "clock-pass", timeoutSeconds: 3600, pollIntervalSeconds: 60 }, clock, log);
    expect(clock.sleeps).toEqual([60_000, 60_000]);
    expect(requests - before).toBe(3);
    expect(result).toMatchObject({ ready: true, assetIds: ["asset-a"], waitedSeconds: 120 });
    expect([...result.jobIds].sort()).toEqual(["a".repeat(32), "b".repeat(32)]);
    expect(log.filter((l) => l.startsWith("waiting for 1 of 2 jobs"))).toEqual([
      "waiting for 1 of 2 jobs to reach JOB_FINISH (COMPILING: 1); waited 0 s of 3600 s",
      "waiting for 1 of 2 jobs to reach JOB_FINISH (COMPILING: 1); waited 60 s of 3600 s",
    ]);
    expect(log[log.length - 1]).toBe("gate passed: all 2 selected jobs are in JOB_FINISH");
    emulator.onRequest(() => requests++);
  });

  test("sleeps no further than the deadline and times out there naming the pending jobs as last seen", async () => {
    emulator.store.add({ job_id: "c".repeat(32), name: "slow", state: "TRAINING", batch_name: "clock-timeout" });
    const clock = new SteppedClock();
    const log: string[] = [];
    const before = requests;
    const failure = await run({ batchName: "clock-timeout", timeoutSeconds: 150, pollIntervalSeconds: 60 }, clock, log).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(CallFailure);
    const f = failure as CallFailure;
    expect(f.property).toBe("timeoutSeconds");
    expect(render(f.text, TABLE_SPELLING)).toBe(
      `timed out after 150 s (timeoutSeconds 150): 1 of 1 jobs are not in JOB_FINISH: slow (${"c".repeat(32)}): TRAINING`,
    );
    // Checks at 0, 60 and 120; the last sleep is cut to the deadline at 150, where no check
    // starts: it could not finish by the deadline (docs/networks.md).
    expect(clock.sleeps).toEqual([60_000, 60_000, 30_000]);
    expect(requests - before).toBe(3);
  });

  test("without a time limit it checks once and fails at once, with no sleep", async () => {
    const clock = new SteppedClock();
    const failure = await run({ batchName: "clock-timeout" }, clock, []).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(CallFailure);
    expect(clock.sleeps).toEqual([]);
  });
});
