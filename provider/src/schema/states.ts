import { editDistance } from "./editDistance";

/**
 * The training-job states the service is known to use (the newest Go SDK's enum, spelled as the
 * service spells it, typos included). Responses may carry states outside this list and must pass
 * them through; filters are checked against it because a mistyped filter silently matches nothing.
 */
export const KNOWN_STATES = [
  "WAIT_FILE_UPLOAD",
  "AUTO_VERIFYING",
  "AUTO_VERIFY_FAILED",
  "MANUAL_VERIFYING",
  "WAIT_TRAINING_DATA_PREPROCESS",
  "MANUAL_VERIFY_FAILED",
  "MANUAL_VERIFY_SUCCESS",
  "TRAINING_DATA_PREPROCESSING",
  "TRAINING_DATA_PREPROCESS_FAILED",
  "TRAINING_DATA_PREPROCESS_SUCCESS",
  "TRAINING",
  "TRAIN_FAILED",
  "TRAIN_SUCCESS",
  "INFERENCE_DATA_PREPROCESSING",
  "INFERENCE_DATA_PREPROCESS_FAILED",
  "WAIT_MASK_UPLOAD",
  "WAIT_MAIN_FILE_UPLOAD",
  "JOB_SUCCESS",
  "MANUAL_STOP_INFERENCE_DATA_PREPROCESS",
  "MANUAL_STOP_TRAIN",
  "MANUAL_STOP_TRAINING_DATA_PREPROCESS",
  "MANUAL_STOP_BEAUTY_PREPROCESS",
  "WAIT_USER_CONFIRM",
  "JOB_REJECT",
  "JOB_PENDING",
  "WAIT_ASSET_SYNC",
  "WAIT_ADMIN_CONFIRM",
  "JOB_FINISH",
  "COMPILING",
  "WAIT_COMPILE",
  "COMPILE_FAILED",
  "WAIT_BEAUTY",
  "WAIT_GENERATE_ACTION",
  "WAIT_ARRANGE",
  "ACTION_GENERATE_DATA_PROCESSING",
  "MANUAL_STOP_ACTION_GENERATE_DATA_PROCESSING",
  "MANUAL_STOP_ACTION_GENERATE_ORI_PROCESSING",
  "ACTION_GENERATE_ORI_PROCESSING",
  "ACTION_GENERATE_DATA_FAILED",
  "ACTION_GENERATE_ORI_FAILED",
  "ACTION_GENERATE_ORI_SUCCESS",
  "GENERATE_ACTION_PREPROCESS_FAILED",
  "WAIT_ADMIN_CALIBRATION",
  "BEAUTY_VIDEO_FILE_UPLOADED",
  "BEAUTYFACE_SUCCESS",
  "BEAUTYFACE_FAILED",
  "WAIT_BEAUTY_VIDEO_FILE_UPLOAD",
  "BEAUTYFACE_ROCESSING",
  "WAIT_TEST_VIDEO_CHECK",
  "TEST_VIDEO_CHECK_PROCESSING",
  "TEST_VIDEO_CHECK_SUCCESS",
  "TEST_VIDEO_CHECK_FAILED",
  "VIDEO_ANALYZE_PROCESSING",
  "VIDEO_ANALYZE_SUCCESS",
  "VIDEO_ANALYZE_FAILED",
  "ACTION_MARKING",
  "ACTION_MARK_SUCCESS",
  "ACTION_MARK_FAILED",
  "ACTION_MARK_UPLOADED",
  "WAIT_GENERATE_ACTION_MARK",
  "MANUL_STOP_ACTION_MARK",
] as const;

export type KnownState = (typeof KNOWN_STATES)[number];

/**
 * A state from which the job cannot reach JOB_FINISH without a person acting: failures, manual
 * stops (including the service's own "MANUL_" misspelling) and rejection. A gate fails fast on these.
 */
export function needsPersonToProceed(state: string): boolean {
  return state.endsWith("_FAILED") || state.startsWith("MANUAL_STOP_") || state.startsWith("MANUL_STOP_") || state === "JOB_REJECT";
}

/** The known state closest to a mistyped one, compared case-insensitively. */
export function nearestKnownState(input: string): KnownState {
  const wanted = input.toUpperCase().replace(/[\s-]+/g, "_");
  let best: KnownState = KNOWN_STATES[0];
  let bestDistance = Infinity;
  for (const s of KNOWN_STATES) {
    const d = editDistance(wanted, s);
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
}
