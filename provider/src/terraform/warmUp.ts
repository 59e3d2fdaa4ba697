/**
 * Loads and runs the read path once on a tiny sample, right after the handshake line: as for the
 * Pulumi plugin (pulumi/warmUp.ts), the client spends far longer on GetProviderSchema, the
 * validations and ConfigureProvider than this takes, so the first read does not pay for loading
 * zod, the functions and the HTTP client, nor for V8 compiling them.
 */
import { warmUpSample } from "../core/warmUp";
import { encodeKnown } from "./dynamicValue";
import { validateTrainingJobsConfig } from "./features";
import { encodedJobList, encodeTerraformJobs } from "./terraformJobs";

export function warmUp(): void {
  validateTrainingJobsConfig({ states: ["JOB_FINISH"], limit: 1, batch_name: "b", is_flexus: true });
  const { count, pages } = warmUpSample();
  encodeKnown({ total: count });
  encodedJobList(pages.map((jobs) => ({ jobs, entries: encodeTerraformJobs(jobs) })));
}
