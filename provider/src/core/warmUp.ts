/**
 * The shared half of each front end's warm-up (pulumi/warmUp.ts, terraform/warmUp.ts): validates
 * sample inputs and reads one sample page through the list API's schema, so V8 has compiled the
 * validators and zod's parsers before the first real call. The front end then encodes the pages.
 */
import { parsePage } from "../api/pageAnswer";
import type { ApiJob } from "../schema/trainingJob";
import { FUNCTIONS } from "./functions";

const SAMPLE_PAGE = JSON.stringify({
  count: 1,
  jobs: [{ job_id: "0", name: "warm-up", state: "JOB_FINISH", tags: ["t"], is_flexus: false, create_time: "2024-01-01T00:00:00Z" }],
});

/** The sample's accepted pages and count, as a listing returns them. */
export function warmUpSample(): { count: number; pages: ApiJob[][] } {
  FUNCTIONS.get("getTrainingJobs")?.prepare({ states: ["JOB_FINISH"], limit: 1, batchName: "b", isFlexus: true });
  const page = parsePage(SAMPLE_PAGE, undefined);
  return typeof page === "string" ? { count: 0, pages: [] } : { count: page.count, pages: [page.jobs] };
}
