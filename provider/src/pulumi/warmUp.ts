/**
 * Runs the invoke path once on a tiny sample page, right after the port line is printed.
 *
 * V8 compiles a function on its first call; on a fresh plugin that is tens of milliseconds of the
 * first Invoke (validators, zod's parsers, the encoder). The engine spends far longer than that
 * on Handshake, GetSchema, CheckConfig, Configure and the program's own start before the first
 * Invoke arrives, so doing it then takes it off the path the user waits on. The benchmark reports
 * its cost separately (docs/benchmarks.md).
 */
import { parsePage } from "../api/pageAnswer";
import { FUNCTIONS } from "../functions/registry";
import { GET_TRAINING_JOBS_TOKEN } from "../schema/packageSchema";
import { encodeInvokeResponse } from "./invokeResponseEncoding";
import { PulumiJobEntries, pulumiOutputs } from "./pulumiJobs";

const SAMPLE_PAGE = JSON.stringify({
  count: 1,
  jobs: [{ job_id: "0", name: "warm-up", state: "JOB_FINISH", tags: ["t"], is_flexus: false, create_time: "2024-01-01T00:00:00Z" }],
});

export function warmUp(): void {
  FUNCTIONS[GET_TRAINING_JOBS_TOKEN].validate({ states: ["JOB_FINISH"], limit: 1, batchName: "b", isFlexus: true });
  const page = parsePage(SAMPLE_PAGE, undefined);
  if (typeof page === "string") return;
  const entries = new PulumiJobEntries();
  entries.addPage(page.jobs);
  encodeInvokeResponse(pulumiOutputs({ count: page.count, jobs: page.jobs }, entries));
}
