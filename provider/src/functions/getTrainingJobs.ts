/** getTrainingJobs: every job a filter matches, or up to `limit`. */
import { GET_TRAINING_JOBS_INPUTS } from "../schema/fields";
import type { InputsOf } from "../schema/fieldTypes";
import { GET_TRAINING_JOBS_OUTPUTS, OutputsOf, pageJobCount } from "../schema/outputs";
import type { ApiJob } from "../schema/trainingJob";
import type { CallContext } from "./context";
import { listMatchingJobs } from "./jobQuery";

export type GetTrainingJobsInputs = InputsOf<typeof GET_TRAINING_JOBS_INPUTS>;
/** `jobs`: the pages the listing accepted, validated API objects; each protocol serializes them its own way. */
export type GetTrainingJobsResult = OutputsOf<typeof GET_TRAINING_JOBS_OUTPUTS, ApiJob>;

export async function getTrainingJobs(inputs: GetTrainingJobsInputs, ctx: CallContext): Promise<GetTrainingJobsResult> {
  const { offset, limit, pageSize, ...filters } = inputs;
  const listing = await listMatchingJobs(ctx, { filters, offset, limit, pageSize });
  const returned = listing.pages.reduce((n, page) => n + pageJobCount(page), 0);
  ctx.log("debug", `getTrainingJobs: ${returned} of ${listing.count} jobs in ${listing.requests} requests`);
  return { count: listing.count, jobs: listing.pages };
}
