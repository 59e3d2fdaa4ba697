/** metastudio:index:getTrainingJobs: every job a filter matches, or up to `limit`. */
import { GET_TRAINING_JOBS_INPUTS } from "../schema/fields";
import { makeValidator } from "../schema/inputValidation";
import { toTrainingJob, TrainingJob } from "../schema/trainingJob";
import type { InvokeContext } from "./context";
import { listMatchingJobs } from "./jobQuery";

export interface GetTrainingJobsInputs extends Record<string, unknown> {
  offset: number;
  limit?: number;
  pageSize: number;
}

export interface GetTrainingJobsResult {
  count: number;
  jobs: TrainingJob[];
}

export const validateGetTrainingJobs = makeValidator<GetTrainingJobsInputs>(GET_TRAINING_JOBS_INPUTS);

export async function getTrainingJobs(inputs: GetTrainingJobsInputs, ctx: InvokeContext): Promise<GetTrainingJobsResult> {
  const { offset, limit, pageSize, ...filters } = inputs;
  const listing = await listMatchingJobs(ctx, { filters, offset, limit, pageSize });
  ctx.log("debug", `getTrainingJobs: ${listing.jobs.length} of ${listing.count} jobs in ${listing.requests} requests`);
  return { count: listing.count, jobs: listing.jobs.map(toTrainingJob) };
}
