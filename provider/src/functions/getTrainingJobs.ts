/** metastudio:index:getTrainingJobs: every job a filter matches, or up to `limit`. */
import { GET_TRAINING_JOBS_INPUTS } from "../schema/fields";
import { makeValidator } from "../schema/inputValidation";
import { EncodedList, encodeRenamedEntries, renamedFields } from "../protocol/invokeResponseEncoding";
import { ApiJob, JOB_FIELD_MAPPING } from "../schema/trainingJob";
import type { InvokeContext } from "./context";
import { listMatchingJobs } from "./jobQuery";

export interface GetTrainingJobsInputs extends Record<string, unknown> {
  offset: number;
  limit?: number;
  pageSize: number;
}

export interface GetTrainingJobsResult {
  count: number;
  /** The jobs as protobuf ListValue entries (see invokeResponseEncoding.ts). */
  jobs: EncodedList;
}

const JOB_FIELDS = renamedFields(JOB_FIELD_MAPPING);

/** Jobs as ListValue entries, under their camelCase output names, straight from the validated API objects. */
export function encodeJobs(jobs: readonly ApiJob[]): Uint8Array[] {
  return encodeRenamedEntries(jobs, JOB_FIELDS);
}

export const validateGetTrainingJobs = makeValidator<GetTrainingJobsInputs>(GET_TRAINING_JOBS_INPUTS);

/**
 * Each page is validated and encoded (under the camelCase names) as it arrives, while later pages are still on the
 * wire; the listing then holds bytes, not objects, and the answer is those bytes put together.
 */
export async function getTrainingJobs(inputs: GetTrainingJobsInputs, ctx: InvokeContext): Promise<GetTrainingJobsResult> {
  const { offset, limit, pageSize, ...filters } = inputs;
  const listing = await listMatchingJobs(ctx, { filters, offset, limit, pageSize }, (page) => {
    const entries = encodeJobs(page.jobs);
    return page.jobs.map((j, i) => ({ job_id: j.job_id, entry: entries[i] }));
  });
  ctx.log("debug", `getTrainingJobs: ${listing.jobs.length} of ${listing.count} jobs in ${listing.requests} requests`);
  return { count: listing.count, jobs: new EncodedList(listing.jobs.map((j) => j.entry)) };
}
