/**
 * Moves the emulator's jobs on, as the service does while they train (`--advance`): every step
 * each job on the training pipeline moves one state further, and a seeded share of them fails at a
 * seeded stage, so a gate (the command line's `wait`, the Pulumi function, the Terraform resource)
 * can be tried against the emulator as against an account where things happen.
 *
 * The pipeline is the order in which the API's states follow each other (docs/emulator.md): upload,
 * automatic then manual review, data preprocessing, training, inference-data preprocessing,
 * compiling, asset sync, JOB_FINISH. A failure leaves the stage for its `_FAILED` state, from
 * which no job moves on without a person. Jobs in states off the pipeline (JOB_PENDING, suspended;
 * JOB_SUCCESS; the action and beauty states; stops and rejections) stay where they are.
 */
import type { JobStore } from "./jobStore";
import type { Random } from "./seededRandom";
import { HAS_ASSET } from "./syntheticJobs";

export const PIPELINE = [
  "WAIT_FILE_UPLOAD",
  "AUTO_VERIFYING",
  "MANUAL_VERIFYING",
  "MANUAL_VERIFY_SUCCESS",
  "WAIT_TRAINING_DATA_PREPROCESS",
  "TRAINING_DATA_PREPROCESSING",
  "TRAINING_DATA_PREPROCESS_SUCCESS",
  "TRAINING",
  "TRAIN_SUCCESS",
  "INFERENCE_DATA_PREPROCESSING",
  "WAIT_COMPILE",
  "COMPILING",
  "WAIT_ASSET_SYNC",
  "JOB_FINISH",
] as const;

/** The stages that can fail, and the state a failure there leaves the job in. */
export const FAILURES: Readonly<Record<string, string>> = {
  AUTO_VERIFYING: "AUTO_VERIFY_FAILED",
  MANUAL_VERIFYING: "MANUAL_VERIFY_FAILED",
  TRAINING_DATA_PREPROCESSING: "TRAINING_DATA_PREPROCESS_FAILED",
  TRAINING: "TRAIN_FAILED",
  INFERENCE_DATA_PREPROCESSING: "INFERENCE_DATA_PREPROCESS_FAILED",
  COMPILING: "COMPILE_FAILED",
};

export interface AdvanceOptions {
  /** Milliseconds between steps. */
  stepMs: number;
  /** Share (0..1) of the jobs that fail, each at one of the stages still ahead of it. */
  failRate?: number;
  /** Only the jobs of this batch move (the demo's batch, while the rest of the account stands still). */
  batch?: string;
}

export interface Advancer {
  /** One step now (tests drive it without waiting for the timer). */
  step(): number;
  stop(): void;
}

const position = new Map<string, number>(PIPELINE.map((s, i) => [s, i]));

/**
 * Starts moving the jobs. A job's fate (whether it fails, and where) is drawn the first time the
 * advancer sees it, in the store's order, so the same seed and the same jobs give the same run.
 */
export function startAdvancing(store: JobStore, random: Random, opts: AdvanceOptions, log?: (line: string) => void): Advancer {
  const failAt = new Map<string, string | null>();
  const fateOf = (jobId: string, state: string): string | null => {
    let fate = failAt.get(jobId);
    if (fate === undefined) {
      const ahead = PIPELINE.slice(position.get(state)).filter((s) => Object.hasOwn(FAILURES, s));
      fate = ahead.length && random.next() < (opts.failRate ?? 0) ? random.pick(ahead) : null;
      failAt.set(jobId, fate);
    }
    return fate;
  };
  const step = (): number => {
    let moved = 0;
    for (const job of store.all()) {
      const at = position.get(job.state);
      if (at === undefined || at === PIPELINE.length - 1) continue;
      if (opts.batch !== undefined && job.batch_name !== opts.batch) continue;
      const next = fateOf(job.job_id, job.state) === job.state ? FAILURES[job.state] : PIPELINE[at + 1];
      // The asset exists from compilation on, as the service's answers show it.
      const assetId = HAS_ASSET.has(next) && typeof job.asset_id !== "string" ? random.hex(32) : undefined;
      store.setState(job.job_id, next, assetId === undefined ? {} : { asset_id: assetId });
      log?.(`advance ${job.job_id} ${job.state} -> ${next}`);
      moved++;
    }
    return moved;
  };
  const timer = setInterval(step, opts.stepMs);
  timer.unref();
  return { step, stop: () => clearInterval(timer) };
}
