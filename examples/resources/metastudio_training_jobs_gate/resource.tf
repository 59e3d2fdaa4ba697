# Apply waits here, up to an hour, until every job of the batch is in JOB_FINISH, and fails at
# once, naming the job, when one failed, was stopped or rejected. Plan never waits.
resource "metastudio_training_jobs_gate" "release" {
  batch_name            = "release-7"
  poll_interval_seconds = 30

  timeouts {
    create = "1h"
  }
}

# Created only after the gate passed, from the models it let through.
resource "terraform_data" "deployment" {
  input = metastudio_training_jobs_gate.release.asset_ids
}
