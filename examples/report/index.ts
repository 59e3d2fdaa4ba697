/**
 * A read-only report of MetaStudio training jobs: how many there are in each state, which ones
 * need a person, and which model assets are ready to deploy. It creates no resources, so
 * `pulumi up` only refreshes the stack outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as metastudio from "@pulumi-metastudio/metastudio";

const config = new pulumi.Config();
const batchName = config.get("batchName");
// `pulumi config set --path 'states[0]' TRAINING` or `pulumi config set states '["TRAINING"]'`.
const states = config.getObject<string[]>("states");

const listing = metastudio.getTrainingJobsOutput({
  ...(batchName !== undefined ? { batchName } : {}),
  ...(states !== undefined ? { states } : {}),
});

/** States from which a job cannot finish without someone acting (the service spells one "MANUL_"). */
function needsAttention(state: string): boolean {
  return state.endsWith("_FAILED") || state.startsWith("MANUAL_STOP_") || state.startsWith("MANUL_STOP_") || state === "JOB_REJECT";
}

// The service's total for the filter; the provider pages through all of them (no `limit` is set).
export const totalJobs = listing.count;

export const jobsPerState = listing.jobs.apply((jobs) => {
  const counts = new Map<string, number>();
  for (const job of jobs) {
    counts.set(job.state, (counts.get(job.state) ?? 0) + 1);
  }
  // Sorted so the output does not show a diff only because the service reordered jobs.
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
});

export const failedJobs = listing.jobs.apply((jobs) =>
  jobs.filter((job) => needsAttention(job.state)).map((job) => ({ jobId: job.jobId, name: job.name, state: job.state })),
);

export const assetsReadyToDeploy = listing.jobs.apply((jobs) =>
  jobs
    .filter((job) => job.state === "JOB_FINISH" && job.assetId)
    .map((job) => ({ jobId: job.jobId, name: job.name, assetId: job.assetId as string })),
);
