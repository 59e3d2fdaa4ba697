/**
 * Pulumi programs on Pulumi's own Node.js runtime (mock mode), through the real SDK, whose invokes
 * the mocks forward over gRPC to the built plugin, which lists from the emulator over HTTP.
 */
import * as pulumi from "@pulumi/pulumi";
import * as metastudio from "@pulumi-metastudio/metastudio";
import { Emulator, startEmulator } from "../../emulator/src";
import { runProgram } from "../../harness/pulumi/programRunner";

const TOKEN = "sdk-test-token-0123456789";
const hex = (c: string) => c.repeat(32);

let emulator: Emulator;
let providerConfig: Record<string, unknown>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: TOKEN, jobs: 300, seed: 21 });
  providerConfig = { endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN };
  emulator.store.add({ job_id: hex("1"), name: "finished-1", state: "JOB_FINISH", batch_name: "sdk-ok", asset_id: "asset-1" });
  emulator.store.add({ job_id: hex("2"), name: "finished-2", state: "JOB_FINISH", batch_name: "sdk-ok", asset_id: "asset-2" });
  emulator.store.add({ job_id: hex("3"), name: "rejected", state: "JOB_REJECT", batch_name: "sdk-bad" });
  emulator.store.add({ job_id: hex("4"), name: "still-training", state: "TRAINING", batch_name: "sdk-slow" });
  emulator.store.add({ job_id: hex("5"), name: "about-to-finish", state: "TRAINING", batch_name: "sdk-moving" });
});
afterAll(() => emulator.stop());

const run = (program: () => Record<string, unknown>, extra: Partial<Parameters<typeof runProgram>[1]> = {}) =>
  runProgram(program, { project: "sdk-test", providerConfig, ...extra });

describe("getTrainingJobs", () => {
  test("Promise and Output forms return the same typed result", async () => {
    const r = await run(() => {
      const viaPromise = metastudio.getTrainingJobs({ states: ["JOB_FINISH"], sortKey: "create_time" });
      const viaOutput = metastudio.getTrainingJobsOutput({ states: ["JOB_FINISH"], sortKey: "create_time" });
      return {
        promiseIds: pulumi.output(viaPromise.then((res) => res.jobs.map((j) => j.jobId))),
        outputIds: viaOutput.jobs.apply((jobs) => jobs.map((j) => j.jobId)),
        count: viaOutput.count,
        states: viaOutput.jobs.apply((jobs) => [...new Set(jobs.map((j) => j.state))]),
      };
    });
    const expected = emulator.store.all().filter((j) => j.state === "JOB_FINISH");
    expect(r.outputs.count).toBe(expected.length);
    expect(r.outputs.states).toEqual(["JOB_FINISH"]);
    expect(r.outputs.promiseIds).toEqual(r.outputs.outputIds);
    expect(new Set(r.outputs.outputIds as string[])).toEqual(new Set(expected.map((j) => j.job_id)));
    expect(r.invokes).toEqual(["metastudio:index:getTrainingJobs", "metastudio:index:getTrainingJobs"]);
  });

  test("inputs that are Outputs are resolved before the invoke", async () => {
    const r = await run(() => {
      const batch = pulumi.output("sdk-ok").apply((b) => b);
      const limit = pulumi.output(1);
      const res = metastudio.getTrainingJobsOutput({ batchName: batch, limit, sortKey: "create_time" });
      return { count: res.count, returned: res.jobs.apply((j) => j.length) };
    });
    expect(r.outputs).toEqual({ count: 2, returned: 1 });
  });

  test("a mistyped state fails the program with the provider's advice", async () => {
    await expect(run(() => ({ x: metastudio.getTrainingJobsOutput({ states: ["JOB_FINISHED"] }).count }))).rejects.toThrow(
      /did you mean JOB_FINISH\?/,
    );
  });
});

describe("explicit Provider", () => {
  test("an explicit Provider's inputs configure its own plugin; the default provider is not used", async () => {
    const r = await runProgram(
      () => {
        const p = new metastudio.Provider("explicit", { endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN, maxRetries: 1 });
        const res = metastudio.getTrainingJobsOutput({ jobId: hex("1") }, { provider: p });
        return { name: res.jobs.apply((j) => j[0]?.name) };
      },
      // A default provider pointed nowhere: used, it would fail.
      { project: "sdk-test", providerConfig: { endpoint: "http://127.0.0.1:9", projectId: emulator.projectId, authToken: "wrong", maxRetries: "0" } },
    );
    expect(r.outputs.name).toBe("finished-1");
  });
});

test("a Provider given a token works on a machine whose environment holds Terraform's key pair", async () => {
  const saved = { ak: process.env.HW_ACCESS_KEY, sk: process.env.HW_SECRET_KEY };
  process.env.HW_ACCESS_KEY = "ENV-AK-FROM-TERRAFORM";
  process.env.HW_SECRET_KEY = "ENV-SK-FROM-TERRAFORM";
  try {
    const r = await run(() => {
      const p = new metastudio.Provider("token-only", { endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN });
      return { count: metastudio.getTrainingJobsOutput({ batchName: "sdk-ok" }, { provider: p }).count };
    });
    // The plugin, not the SDK, reads credentials from the environment, and only to complete the
    // way of logging in that the configuration chose.
    expect(r.outputs.count).toBe(2);
  } finally {
    for (const [k, v] of [["HW_ACCESS_KEY", saved.ak], ["HW_SECRET_KEY", saved.sk]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

describe("waitForTrainingJobs, the JOB_FINISH gate", () => {
  test("passes for a finished batch and hands the asset ids on", async () => {
    const r = await run(() => {
      const gate = metastudio.waitForTrainingJobsOutput({ batchName: "sdk-ok" });
      return { ready: gate.ready, assets: gate.assetIds.apply((a) => [...a].sort()) };
    });
    expect(r.outputs).toEqual({ ready: true, assets: ["asset-1", "asset-2"] });
  });

  test("fails fast on a rejected job, naming it and its state", async () => {
    await expect(
      run(() => ({ ready: metastudio.waitForTrainingJobsOutput({ batchName: "sdk-bad", timeoutSeconds: 300, pollIntervalSeconds: 1 }).ready })),
    ).rejects.toThrow(/cannot reach JOB_FINISH without a person acting: rejected \(3{32}\): JOB_REJECT/);
  });

  test("times out listing the jobs not there yet", async () => {
    await expect(
      run(() => ({ ready: metastudio.waitForTrainingJobsOutput({ batchName: "sdk-slow", timeoutSeconds: 1, pollIntervalSeconds: 1 }).ready })),
    ).rejects.toThrow(/timed out after 1 s.*still-training \(4{32}\): TRAINING/);
  });

  test("waits while a job trains, and passes once the emulator moves it to JOB_FINISH", async () => {
    const timer = setTimeout(() => emulator.store.setState(hex("5"), "JOB_FINISH"), 1500);
    try {
      const r = await run(() => {
        const gate = metastudio.waitForTrainingJobsOutput({ batchName: "sdk-moving", timeoutSeconds: 60, pollIntervalSeconds: 1 });
        return { ready: gate.ready, waited: gate.waitedSeconds };
      });
      expect(r.outputs.ready).toBe(true);
      expect(r.outputs.waited as number).toBeGreaterThanOrEqual(1);
      expect(r.engineLogs.some((l) => /waiting for 1 of 1 jobs to reach JOB_FINISH \(TRAINING: 1\)/.test(l))).toBe(true);
    } finally {
      clearTimeout(timer);
    }
  });

  test("fails when the selection is empty", async () => {
    await expect(run(() => ({ ready: metastudio.waitForTrainingJobsOutput({ batchName: "no-such-batch" }).ready }))).rejects.toThrow(
      /selected no training jobs/,
    );
  });
});
