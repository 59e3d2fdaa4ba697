/**
 * Runs the invoke path once on a tiny sample page, right after the port line is printed.
 *
 * V8 compiles a function on its first call; on a fresh plugin that is tens of milliseconds of the
 * first Invoke (validators, zod's parsers, the encoder). The engine spends far longer than that
 * on Handshake, GetSchema, CheckConfig, Configure and the program's own start before the first
 * Invoke arrives, so doing it then takes it off the path the user waits on. The benchmark reports
 * its cost separately (docs/benchmarks.md).
 */
import { GET_TRAINING_JOBS } from "../core/declarations";
import { warmUpSample } from "../core/warmUp";
import { encodeInvokeResponse } from "./invokeResponseEncoding";
import { encodePulumiJobs, pulumiOutputs } from "./pulumiJobs";

export function warmUp(): void {
  const { count, pages } = warmUpSample();
  encodeInvokeResponse(pulumiOutputs(GET_TRAINING_JOBS, { count, jobs: pages.map((jobs) => ({ jobs, entries: encodePulumiJobs(jobs) })) }));
}
