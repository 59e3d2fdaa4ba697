/**
 * Loads and runs the read path once on a tiny sample, right after the handshake line: as for the
 * Pulumi plugin (pulumi/warmUp.ts), the client spends far longer on GetProviderSchema, the
 * validations and ConfigureProvider than this takes, so the first read does not pay for loading
 * zod, the functions and the HTTP client, nor for V8 compiling them.
 */
import { parsePage } from "../api/pageAnswer";
import { encodeKnown } from "./dynamicValue";
import { TerraformJobEntries, validateTrainingJobsConfig } from "./features";

const SAMPLE_PAGE = JSON.stringify({
  count: 1,
  jobs: [{ job_id: "0", name: "warm-up", state: "JOB_FINISH", tags: ["t"], is_flexus: false, create_time: "2024-01-01T00:00:00Z" }],
});

export function warmUp(): void {
  validateTrainingJobsConfig({ states: ["JOB_FINISH"], limit: 1, batch_name: "b", is_flexus: true });
  const page = parsePage(SAMPLE_PAGE, undefined);
  if (typeof page === "string") return;
  const entries = new TerraformJobEntries();
  entries.addPage(page.jobs);
  encodeKnown({ total: page.count });
  entries.list(page.jobs);
}
