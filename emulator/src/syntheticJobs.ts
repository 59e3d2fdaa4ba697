/**
 * Plausible, reproducible training jobs: many states (weighted the way a busy account looks),
 * batches, tags, resolutions, Flexus and not, times that move backwards from an anchor so the
 * default order (last update, newest first) is the order of generation.
 */
import { apiTime, ApiJob } from "./jobStore";
import { Random } from "./seededRandom";

/** States with weights: most jobs are finished or moving; some failed or stopped. */
const STATE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ["JOB_FINISH", 30],
  ["JOB_SUCCESS", 8],
  ["TRAINING", 10],
  ["WAIT_FILE_UPLOAD", 5],
  ["AUTO_VERIFYING", 3],
  ["MANUAL_VERIFYING", 4],
  ["WAIT_TRAINING_DATA_PREPROCESS", 3],
  ["TRAINING_DATA_PREPROCESSING", 4],
  ["TRAINING_DATA_PREPROCESS_SUCCESS", 3],
  ["INFERENCE_DATA_PREPROCESSING", 3],
  ["COMPILING", 3],
  ["WAIT_COMPILE", 2],
  ["WAIT_ASSET_SYNC", 2],
  ["WAIT_USER_CONFIRM", 2],
  ["JOB_PENDING", 2],
  ["TRAIN_FAILED", 3],
  ["AUTO_VERIFY_FAILED", 2],
  ["INFERENCE_DATA_PREPROCESS_FAILED", 3],
  ["COMPILE_FAILED", 1],
  ["MANUAL_STOP_TRAIN", 1],
  ["JOB_REJECT", 1],
];
const TOTAL_WEIGHT = STATE_WEIGHTS.reduce((s, [, w]) => s + w, 0);

/** States in which the model asset already exists. */
export const HAS_ASSET: ReadonlySet<string> = new Set([
  "JOB_FINISH",
  "JOB_SUCCESS",
  "WAIT_ASSET_SYNC",
  "COMPILING",
  "WAIT_COMPILE",
  "COMPILE_FAILED",
  "INFERENCE_DATA_PREPROCESS_FAILED",
]);

const TAGS = ["demo", "prod", "retrain", "customer-a", "customer-b", "livestream", "news-anchor"];
const LOCATIONS = ["cn-north-4", "cn-east-3", "ap-southeast-1"];
const VERSIONS = ["V2", "V3", "V3.2", "V3.3"];

function pickState(random: Random): string {
  let r = random.int(TOTAL_WEIGHT);
  for (const [state, weight] of STATE_WEIGHTS) {
    if (r < weight) return state;
    r -= weight;
  }
  return "JOB_FINISH";
}

export interface SyntheticOptions {
  count: number;
  random: Random;
  projectId: string;
  /** The newest last_update_time; each following job is older. */
  newestUpdateMs: number;
  /** Name numbering starts here (the seed jobs are "Name 1".."Name 10"). */
  firstNumber?: number;
}

export function syntheticJobs(opts: SyntheticOptions): ApiJob[] {
  const { random } = opts;
  const batches = Math.max(1, Math.ceil(opts.count / 12));
  const jobs: ApiJob[] = [];
  let updateMs = opts.newestUpdateMs;
  for (let i = 0; i < opts.count; i++) {
    updateMs -= 60_000 + random.int(6 * 3600_000);
    const createMs = updateMs - (3600_000 + random.int(5 * 24 * 3600_000));
    const jobId = random.hex(32);
    const state = pickState(random);
    const job: ApiJob = {
      job_id: jobId,
      name: `Avatar ${(opts.firstNumber ?? 1) + i}`,
      state,
      project_id: opts.projectId,
      cover_download_url: `https://metastudio-cover.example.com/${jobId}_cover.jpg?X-Expires=86400&X-Signature=${random.hex(16)}`,
      last_update_time: apiTime(updateMs),
      create_time: apiTime(createMs),
      contact: `1${"*".repeat(10)}`,
    };
    if (HAS_ASSET.has(state)) job.asset_id = random.hex(32);
    if (random.next() < 0.75) job.batch_name = `batch-${String(1 + random.int(batches)).padStart(3, "0")}`;
    const tagCount = random.int(3);
    job.tags = [...new Set(Array.from({ length: tagCount }, () => random.pick(TAGS)))];
    job.model_version = random.pick(VERSIONS);
    job.matting_type = random.next() < 0.85 ? "AI" : "MANUAL";
    job.model_resolution = random.next() < 0.7 ? "1080P" : "4K";
    const flexus = random.next();
    // Older jobs predate the field: absent, which the service's filter treats as false.
    if (flexus < 0.8) job.is_flexus = flexus < 0.35;
    if (random.next() < 0.5) job.is_live_copy = random.next() < 0.2;
    if (random.next() < 0.5) job.is_ondemand_resource = random.next() < 0.3;
    if (random.next() < 0.3) job.app_user_id = `app-user-${random.int(50)}`;
    if (random.next() < 0.6) job.optional_training_location = [random.pick(LOCATIONS)];
    jobs.push(job);
  }
  return jobs;
}
