/**
 * What the functions answer, declared once: a job's fields (API name, output name, type), and
 * each function's outputs. The zod schema of the list API's jobs (trainingJob.ts), the Pulumi
 * package schema, the Terraform schema and the functions' result types all derive from these.
 */
import type { FieldSpec } from "./fields";
import type { Declared, ValueOf } from "./fieldTypes";
import type { Text } from "./text";

export interface JobFieldSpec {
  /** The list API's name, which Terraform uses too. */
  readonly api: string;
  readonly spec: FieldSpec;
  /** Every job has it; others may be absent (Pulumi omits them, Terraform sets null). */
  readonly required?: boolean;
}

/** A job's table keeps its own type: the API job type (trainingJob.ts) derives from it. */
function jobTable<const T extends Record<string, JobFieldSpec>>(table: T): T & Readonly<Record<string, JobFieldSpec>> {
  return table;
}

/** Fields of one job in the response: camelCase output name -> API name and type. */
export const JOB_OUTPUT_FIELDS = jobTable({
  jobId: { api: "job_id", required: true, spec: { type: "string", description: "Training job id." } },
  name: { api: "name", required: true, spec: { type: "string", description: "Model name, also its name in the asset library." } },
  state: {
    api: "state",
    required: true,
    spec: { type: "string", description: "Job state; states newer than this provider come back as they are." },
  },
  assetId: { api: "asset_id", spec: { type: "string", description: "Model asset id, once the asset exists." } },
  projectId: { api: "project_id", spec: { type: "string", description: "Project id." } },
  coverDownloadUrl: {
    api: "cover_download_url",
    spec: { type: "string", description: "Signed thumbnail URL, valid 24 hours (it changes on every call)." },
  },
  lastUpdateTime: { api: "last_update_time", spec: { type: "string", description: "Last update, RFC 3339." } },
  createTime: { api: "create_time", spec: { type: "string", description: "Creation time, RFC 3339." } },
  contact: {
    api: "contact",
    spec: { type: "string", description: "Creator's phone number or e-mail (personal data, masked by the service)." },
  },
  batchName: { api: "batch_name", spec: { type: "string", description: "Batch name." } },
  tags: { api: "tags", spec: { type: "stringList", description: "Task tags." } },
  modelVersion: { api: "model_version", spec: { type: "string", description: "Model version: `V2`, `V3`, `V3.2`, `V3.3`." } },
  mattingType: { api: "matting_type", spec: { type: "string", description: "Matting: `AI` or `MANUAL`." } },
  modelResolution: { api: "model_resolution", spec: { type: "string", description: "`1080P` or `4K`." } },
  appUserId: { api: "app_user_id", spec: { type: "string", description: "Third-party user id." } },
  isFlexus: { api: "is_flexus", spec: { type: "boolean", description: "Basic-edition (Flexus) job." } },
  isLiveCopy: { api: "is_live_copy", spec: { type: "boolean", description: "Live-copy job." } },
  isFastFlexus: { api: "is_fast_flexus", spec: { type: "boolean", description: "Fast Flexus job." } },
  isOnlyHumanModel: { api: "is_only_human_model", spec: { type: "boolean", description: "Human model only." } },
  isBackgroundReplacement: { api: "is_background_replacement", spec: { type: "boolean", description: "Background replacement." } },
  isOndemandResource: { api: "is_ondemand_resource", spec: { type: "boolean", description: "Trained on on-demand resources." } },
  optionalTrainingLocation: {
    api: "optional_training_location",
    spec: { type: "stringList", description: "Regions the job may train in." },
  },
});

/** Output types: those of input fields, plus numbers that are not integers and the list of jobs. */
export type OutputType = "integer" | "number" | "boolean" | "stringList" | "jobs";

export interface OutputSpec {
  readonly type: OutputType;
  readonly description: Text;
  /** Terraform's name when it is not the snake_case of this one (`count` is a meta-argument there). */
  readonly terraformName?: string;
  /** Not part of the Terraform gate's record (the jobs themselves, which Terraform state would keep). */
  readonly pulumiOnly?: boolean;
}

function outputTable<const T extends Record<string, OutputSpec>>(table: T): T & Readonly<Record<string, OutputSpec>> {
  return table;
}

export const GET_TRAINING_JOBS_OUTPUTS = outputTable({
  count: {
    type: "integer",
    terraformName: "total",
    description: "The service's total of jobs matching the filter (not only those returned).",
  },
  jobs: { type: "jobs", description: "The jobs, in the service's order." },
});

export const WAIT_FOR_TRAINING_JOBS_OUTPUTS = outputTable({
  ready: {
    type: "boolean",
    description:
      "Every selected job is in a target state. Always true once the gate has passed (otherwise the call fails); may be false in a preview, which never waits.",
  },
  jobs: { type: "jobs", pulumiOnly: true, description: "The selected jobs as last seen." },
  jobIds: { type: "stringList", description: "Ids of the selected jobs." },
  assetIds: { type: "stringList", description: "Model asset ids of the selected jobs that have one, for the deployment that follows." },
  waitedSeconds: {
    type: "number",
    description: "How long the gate waited, in seconds, e.g. `42.5`; 0 when it checked once.",
  },
});

/**
 * A page of a listing as a function returns it: the jobs the listing accepted from it, and, when
 * the front end encoded them as the page arrived (CallContext.encodeJobs), one entry per job. A
 * function whose answer is nothing but the jobs (getTrainingJobs) keeps only the entries: each
 * page's parsed jobs are dropped once encoded, so a large listing is held once, as bytes.
 */
export type JobPage<Job> = { jobs: Job[]; entries?: Uint8Array[] } | { jobs?: undefined; entries: Uint8Array[] };

/** Every job of a listing's pages, in order; for pages that kept their jobs. */
export function jobsOf<Job>(pages: ReadonlyArray<JobPage<Job>>): Job[] {
  return pages.flatMap((page) => {
    if (!page.jobs) throw new Error("jobsOf: this listing kept its jobs only as encoded entries");
    return page.jobs;
  });
}

/** How many jobs a page holds, whichever form it keeps them in. */
export function pageJobCount(page: JobPage<unknown>): number {
  return page.jobs ? page.jobs.length : page.entries.length;
}

/** A page's entries: those made as it arrived, or made now by `encode` from its jobs. */
export function pageEntries<Job>(page: JobPage<Job>, encode: (jobs: readonly Job[]) => Uint8Array[]): Uint8Array[] {
  return page.jobs ? (page.entries ?? encode(page.jobs)) : page.entries;
}

interface OutputValues<Job> {
  integer: number;
  number: number;
  boolean: boolean;
  stringList: string[];
  /** The pages the listing accepted, in order: together the jobs. */
  jobs: JobPage<Job>[];
}

/** A function's result type, from its output table: every output is always there. */
export type OutputsOf<T extends Readonly<Record<string, OutputSpec>>, Job> = {
  [K in keyof Declared<T>]: OutputValues<Job>[T[K]["type"]];
};

/** An API job's value type, from the job table: required fields as they are, others nullable. */
export type JobOf<T extends Readonly<Record<string, JobFieldSpec>>> = JobOfDeclared<Declared<T>>;

type JobOfDeclared<T extends Readonly<Record<string, JobFieldSpec>>> = {
  [K in keyof T as T[K]["required"] extends true ? T[K]["api"] : never]: ValueOf<T[K]["spec"]["type"]>;
} & {
  [K in keyof T as T[K]["required"] extends true ? never : T[K]["api"]]?: ValueOf<T[K]["spec"]["type"]> | null;
};
