/**
 * The response of the list API, validated with zod (extra fields are tolerated and dropped), and
 * the mapping of a job to its camelCase output shape. Absent or null fields are omitted.
 */
import { z } from "zod";
import { JOB_OUTPUT_FIELDS, MAX_INT32 } from "./fields";

const str = z.string().nullish();
const bool = z.boolean().nullish();
const strList = z.array(z.string()).nullish();

export const apiJobSchema = z.object({
  job_id: z.string(),
  name: z.string(),
  state: z.string(),
  asset_id: str,
  project_id: str,
  cover_download_url: str,
  last_update_time: str,
  create_time: str,
  contact: str,
  batch_name: str,
  tags: strList,
  model_version: str,
  matting_type: str,
  model_resolution: str,
  app_user_id: str,
  is_flexus: bool,
  is_live_copy: bool,
  is_fast_flexus: bool,
  is_only_human_model: bool,
  is_background_replacement: bool,
  is_ondemand_resource: bool,
  optional_training_location: strList,
});

export const listJobsResponseSchema = z.object({
  // An int32 in the API's definition: a count beyond it is not an answer of this API.
  count: z.number().int().min(0).max(MAX_INT32),
  jobs: z.array(apiJobSchema),
});

export type ApiJob = z.infer<typeof apiJobSchema>;
export type ListJobsResponse = z.infer<typeof listJobsResponseSchema>;

/** A job as the provider returns it. */
export type TrainingJob = {
  jobId: string;
  name: string;
  state: string;
} & Record<string, string | boolean | string[]>;

/** API field name -> output field name, in the schema's order. */
export const JOB_FIELD_MAPPING: ReadonlyArray<readonly [string, string]> = Object.entries(JOB_OUTPUT_FIELDS).map(
  ([out, f]) => [f.api, out] as const,
);

export function toTrainingJob(job: ApiJob): TrainingJob {
  const source = job as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [api, name] of JOB_FIELD_MAPPING) {
    const v = source[api];
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out as TrainingJob;
}

/** Explains a zod failure of a response in one line, naming where the answer was wrong. */
export function describeResponseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(body)"}: ${i.message}`)
    .join("; ");
}
