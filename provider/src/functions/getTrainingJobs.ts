/** metastudio:index:getTrainingJobs: every job a filter matches, or up to `limit`. */
import { GET_TRAINING_JOBS_INPUTS } from "../schema/fields";
import { makeValidator } from "../schema/inputValidation";
import type { ApiJob } from "../schema/trainingJob";
import type { InvokeContext } from "./context";
import { listMatchingJobs } from "./jobQuery";

export interface GetTrainingJobsInputs extends Record<string, unknown> {
  offset: number;
  limit?: number;
  pageSize: number;
}

export interface GetTrainingJobsResult {
  /** The service's total for the filter, not only the jobs returned. */
  count: number;
  /** The validated API objects, in the service's order; each protocol serializes them its own way. */
  jobs: ApiJob[];
}

export const validateGetTrainingJobs = makeValidator<GetTrainingJobsInputs>(GET_TRAINING_JOBS_INPUTS);

export async function getTrainingJobs(inputs: GetTrainingJobsInputs, ctx: InvokeContext): Promise<GetTrainingJobsResult> {
  const { offset, limit, pageSize, ...filters } = inputs;
  const listing = await listMatchingJobs(ctx, { filters, offset, limit, pageSize });
  ctx.log("debug", `getTrainingJobs: ${listing.jobs.length} of ${listing.count} jobs in ${listing.requests} requests`);
  return { count: listing.count, jobs: listing.jobs };
}
