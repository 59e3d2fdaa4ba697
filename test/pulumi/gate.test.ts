/** waitForTrainingJobs over gRPC against the emulator, with jobs moving while it waits. */
import { AK, Emulator, FakeEngine, pluginFor, PluginHost, SK, startEmulator, WAIT, withPlugin } from "./support";

const hex = (c: string) => c.repeat(32);

describe("the JOB_FINISH gate", () => {
  let emulator: Emulator;
  let engine: FakeEngine;
  let host: PluginHost;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, jobs: 20, seed: 11 });
    engine = await new FakeEngine().start();
    host = await pluginFor(emulator, {}, engine);
    emulator.store.add({ job_id: hex("a"), name: "done-1", state: "JOB_FINISH", batch_name: "gate-ok", asset_id: "asset-a" });
    emulator.store.add({ job_id: hex("b"), name: "done-2", state: "JOB_FINISH", batch_name: "gate-ok", asset_id: "asset-b" });
    emulator.store.add({ job_id: hex("c"), name: "broken", state: "TRAIN_FAILED", batch_name: "gate-bad" });
    emulator.store.add({ job_id: hex("d"), name: "fine", state: "JOB_FINISH", batch_name: "gate-bad", asset_id: "asset-d" });
    emulator.store.add({ job_id: hex("e"), name: "slow", state: "TRAINING", batch_name: "gate-slow" });
    emulator.store.add({ job_id: hex("f"), name: "moving", state: "TRAINING", batch_name: "gate-moving" });
  });
  afterAll(async () => {
    await host.stop();
    await engine.stop();
    await emulator.stop();
  });

  test("passes when every selected job is finished, returning their asset ids", async () => {
    const r = await host.invoke(WAIT, { batchName: "gate-ok" });
    expect(r.failures).toEqual([]);
    expect(r.ret!.ready).toBe(true);
    expect([...(r.ret!.jobIds as string[])].sort()).toEqual([hex("a"), hex("b")]);
    expect([...(r.ret!.assetIds as string[])].sort()).toEqual(["asset-a", "asset-b"]);
  });

  test("fails at once, naming the job and its state, when one cannot reach JOB_FINISH", async () => {
    const before = emulator.stats.requests;
    const logged = engine.logs.length;
    const r = await host.invoke(WAIT, { batchName: "gate-bad", timeoutSeconds: 600, pollIntervalSeconds: 1 });
    // One listing, and no wait: it did not poll again.
    expect(emulator.stats.requests - before).toBe(1);
    expect(engine.logs.slice(logged).some((l) => l.message.startsWith("waiting for"))).toBe(false);
    expect(r.failures[0].reason).toMatch(
      /1 of 2 selected jobs cannot reach JOB_FINISH without a person acting: broken \(c{32}\): TRAIN_FAILED/,
    );
  });

  test("fails when the selection is empty", async () => {
    const r = await host.invoke(WAIT, { batchName: "no-such-batch" });
    expect(r.failures[0].reason).toMatch(/selected no training jobs/);
  });

  test("times out, listing the jobs not yet there, and reports progress while it waits", async () => {
    const r = await host.invoke(WAIT, { batchName: "gate-slow", timeoutSeconds: 2, pollIntervalSeconds: 1 });
    expect(r.failures[0]).toMatchObject({ property: "timeoutSeconds" });
    expect(r.failures[0].reason).toMatch(/timed out after 2 s .*1 of 1 jobs are not in JOB_FINISH: slow \(e{32}\): TRAINING/);
    expect(
      engine.logs.some((l) => /waiting for 1 of 1 jobs to reach JOB_FINISH \(TRAINING: 1\); waited \d+ s of 2 s/.test(l.message)),
    ).toBe(true);
  });

  test("waits until a training job finishes, then passes", async () => {
    setTimeout(() => emulator.store.setState(hex("f"), "JOB_FINISH"), 1200);
    const t0 = Date.now();
    const r = await host.invoke(WAIT, { jobId: hex("f"), timeoutSeconds: 30, pollIntervalSeconds: 1 });
    expect(r.failures).toEqual([]);
    expect(r.ret!.ready).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(r.ret!.waitedSeconds as number).toBeGreaterThanOrEqual(1);
  });

  test("a preview checks once and never waits", async () => {
    const before = emulator.stats.requests;
    const logged = engine.logs.length;
    const r = await host.invoke(WAIT, { batchName: "gate-slow", timeoutSeconds: 600 }, true);
    expect(emulator.stats.requests - before).toBe(1);
    expect(engine.logs.slice(logged).map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^preview: 1 of 1 jobs not yet in JOB_FINISH/),
    );
    expect(engine.logs.slice(logged).some((l) => l.message.startsWith("waiting for"))).toBe(false);
    expect(r.ret).toMatchObject({ ready: false, jobIds: [hex("e")] });
  });

  test("Cancel stops a wait", async () => {
    // Caught at once: the rejection arrives while the test still awaits Cancel.
    const waiting = host.invoke(WAIT, { batchName: "gate-slow", timeoutSeconds: 600, pollIntervalSeconds: 1 }).then(
      () => "resolved",
      (e: Error) => e.message,
    );
    await new Promise((r) => setTimeout(r, 300));
    await host.cancel();
    expect(await waiting).toMatch(/cancelled/);
  });
});

test("a failure naming jobs whose names are huge stays short: text from the API is bounded on its way back", async () => {
  await withPlugin({ jobs: 0 }, {}, async ({ emulator, host }) => {
    for (let i = 0; i < 30; i++)
      emulator.store.add({
        job_id: `${i}`.padStart(32, "0"),
        name: `huge-${i}-${"x".repeat(50_000)}`,
        state: "TRAIN_FAILED",
        batch_name: "huge",
      });
    const r = await host.invoke(WAIT, { batchName: "huge" });
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0].reason).toMatch(/^30 of 30 selected jobs cannot reach JOB_FINISH/);
    expect(r.failures[0].reason.length).toBeLessThanOrEqual(4000);
  });
});

test("job names and states from the API cannot break a failure or a log line into two, nor make one huge", async () => {
  await withPlugin({ jobs: 0 }, {}, async ({ emulator, engine, host }) => {
    emulator.store.add({ job_id: "1".repeat(32), name: "evil\n[error] forged line\u001b[31m", state: "TRAIN_FAILED", batch_name: "evil" });
    const failed = await host.invoke(WAIT, { batchName: "evil" });
    expect(failed.failures[0].reason).toMatch(/evil \[error\] forged line/);
    expect(failed.failures[0].reason).not.toMatch(/[\n\u001b]/);
    for (let i = 0; i < 500; i++)
      emulator.store.add({
        job_id: `${i}`.padStart(32, "2"),
        name: "many",
        state: `STATE_${i}_${"X".repeat(40)}\n[error] forged`,
        batch_name: "many",
      });
    const r = await host.invoke(WAIT, { batchName: "many", timeoutSeconds: 60 }, true);
    expect(r.ret!.ready).toBe(false);
    // stderr is written before the answer; the engine's copy may still be on its way.
    const preview = host.stderr.split("\n").find((l) => l.startsWith("[info] preview:"))!;
    expect(preview.length).toBeLessThanOrEqual(4010);
    expect(preview).toMatch(/more characters\)$/);
    expect(host.stderr).not.toMatch(/\n\[error\] forged/);
    for (const l of engine.logs) expect(l.message).not.toMatch(/[\n\u001b]/);
  });
});
