"""A read-only report of MetaStudio training jobs: how many there are in each state, which ones
need a person, and which model assets are ready to deploy. The Python twin of examples/report."""
import pulumi
import pulumi_metastudio as metastudio

config = pulumi.Config()
batch_name = config.get("batchName")
states = config.get_object("states")

listing = metastudio.get_training_jobs_output(batch_name=batch_name, states=states)


def needs_attention(state: str) -> bool:
    """States from which a job cannot finish without someone acting (the service spells one "MANUL_")."""
    return (
        state.endswith("_FAILED")
        or state.startswith("MANUAL_STOP_")
        or state.startswith("MANUL_STOP_")
        or state == "JOB_REJECT"
    )


def per_state(jobs):
    counts = {}
    for job in jobs:
        counts[job.state] = counts.get(job.state, 0) + 1
    # Sorted so the output does not show a diff only because the service reordered jobs.
    return dict(sorted(counts.items()))


# The service's total for the filter; the provider pages through all of them (no `limit` is set).
pulumi.export("totalJobs", listing.count)
pulumi.export("jobsPerState", listing.jobs.apply(per_state))
pulumi.export(
    "failedJobs",
    listing.jobs.apply(
        lambda jobs: [{"jobId": j.job_id, "name": j.name, "state": j.state} for j in jobs if needs_attention(j.state)]
    ),
)
pulumi.export(
    "assetsReadyToDeploy",
    listing.jobs.apply(
        lambda jobs: [
            {"jobId": j.job_id, "name": j.name, "assetId": j.asset_id}
            for j in jobs
            if j.state == "JOB_FINISH" and j.asset_id
        ]
    ),
)
