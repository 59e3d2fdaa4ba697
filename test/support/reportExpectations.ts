/**
 * What the `report` example must output, counted by brute force over the emulator's jobs rather
 * than by the code under test. Every layer that runs the report (Pulumi's runtime in mock mode,
 * the real CLI, each SDK language) is checked against the same answer.
 */
import type { ApiJob } from "../../emulator/src/jobStore";

export interface ExpectedReport {
  totalJobs: number;
  jobsPerState: Record<string, number>;
  failedJobIds: string[];
  readyAssetIds: string[];
}

/** States from which a job cannot finish without someone acting: the rule written out once more, independently. */
const NEEDS_A_PERSON = /_FAILED$|^MANUAL_STOP_|^MANUL_STOP_|^JOB_REJECT$/;

export function expectedReport(jobs: readonly ApiJob[]): ExpectedReport {
  const jobsPerState: Record<string, number> = {};
  for (const j of jobs) jobsPerState[j.state] = (jobsPerState[j.state] ?? 0) + 1;
  return {
    totalJobs: jobs.length,
    jobsPerState,
    failedJobIds: jobs
      .filter((j) => NEEDS_A_PERSON.test(j.state))
      .map((j) => j.job_id)
      .sort(),
    readyAssetIds: jobs
      .filter((j) => j.state === "JOB_FINISH" && j.asset_id)
      .map((j) => j.asset_id as string)
      .sort(),
  };
}

/** The report's outputs reduced to the same shape (whatever the language spelled the fields). */
export function reportOf(outputs: Record<string, unknown>): ExpectedReport {
  const list = (v: unknown) => (v ?? []) as Array<Record<string, string>>;
  const pick = (item: Record<string, string>, ...names: string[]) => names.map((n) => item[n]).find((x) => x !== undefined) as string;
  return {
    totalJobs: outputs.totalJobs as number,
    jobsPerState: outputs.jobsPerState as Record<string, number>,
    failedJobIds: list(outputs.failedJobs)
      .map((j) => pick(j, "jobId", "job_id"))
      .sort(),
    readyAssetIds: list(outputs.assetsReadyToDeploy)
      .map((j) => pick(j, "assetId", "asset_id"))
      .sort(),
  };
}
