/**
 * Each example program, compiled by `npm run build`, run on Pulumi's runtime with its invokes
 * forwarded to the real plugin and the emulator behind it. The YAML example is checked against the
 * schema (no YAML engine runs here).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { Emulator, startEmulator } from "../../emulator/src";
import { REPO_ROOT } from "../../harness/repoRoot";
import { runProgram } from "../../harness/pulumi/programRunner";
import { expectedReport, reportOf } from "../support/reportExpectations";

const TOKEN = "examples-test-token";
const compiled = (name: string) => join(REPO_ROOT, "dist", "examples", name, "index.js");
let emulator: Emulator;
let providerConfig: Record<string, unknown>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, token: TOKEN });
  providerConfig = { endpoint: emulator.url, projectId: emulator.projectId, authToken: TOKEN };
});
afterAll(() => emulator.stop());

test("report: jobs per state, failed jobs and assets ready to deploy, as a brute force over the data says", async () => {
  const r = await runProgram(compiled("report"), { project: "metastudio-report", providerConfig });
  const expected = expectedReport(emulator.store.all());
  expect(r.outputs.totalJobs).toBe(101);
  expect(reportOf(r.outputs)).toEqual(expected);
  expect(expected.readyAssetIds.length).toBeGreaterThan(0);
});

test("gate-deploy: the deployment is created only after the batch finished, keyed by its asset ids", async () => {
  emulator.store.add({ job_id: "1".repeat(32), name: "a", state: "JOB_FINISH", batch_name: "release-7", asset_id: "asset-a" });
  emulator.store.add({ job_id: "2".repeat(32), name: "b", state: "JOB_FINISH", batch_name: "release-7", asset_id: "asset-b" });
  const r = await runProgram(compiled("gate-deploy"), {
    project: "metastudio-gate-deploy",
    providerConfig,
    programConfig: { batchName: "release-7", timeoutSeconds: "5", pollIntervalSeconds: "1" },
  });
  expect(r.outputs.gateReady).toBe(true);
  expect(r.outputs.jobsGated).toBe(2);
  expect([...(r.outputs.deployedAssetIds as string[])].sort()).toEqual(["asset-a", "asset-b"]);
  expect(r.outputs.deploymentId).toMatch(/^[0-9a-f]{16}$/);
  expect(r.mockedResources).toEqual(["random:index/randomId:RandomId asset-deployment"]);
});

test("yaml: the invoked function and its arguments exist in the schema", () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, "provider", "schema.json"), "utf8"));
  const program = yaml.load(readFileSync(join(REPO_ROOT, "examples", "yaml", "Pulumi.yaml"), "utf8")) as any;
  expect(program.runtime).toBe("yaml");
  expect(program.plugins.providers[0]).toEqual({ name: "metastudio", path: "../../provider/bin" });
  const invokes = Object.values(program.variables).map((v: any) => v["fn::invoke"]);
  expect(invokes.length).toBeGreaterThan(0);
  for (const inv of invokes) {
    const fn = schema.functions[inv.function];
    expect(fn).toBeDefined();
    for (const arg of Object.keys(inv.arguments ?? {})) expect(Object.keys(fn.inputs.properties)).toContain(arg);
    if (inv.return) expect(Object.keys(fn.outputs.properties)).toContain(inv.return);
  }
});
