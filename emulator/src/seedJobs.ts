/**
 * The ten jobs of a real answer of the list API (count 101, first page of 10, default order), as
 * Huawei published it; the emulator serves them first so its default data starts like the real one.
 */
import published from "../seed-example-response.json";
import type { ApiJob } from "./jobStore";

export const SEED_JOBS: readonly ApiJob[] = published.jobs;

/** The total of the real answer the seed jobs come from. */
export const SEED_TOTAL: number = published.count;
