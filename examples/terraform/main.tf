# Lists the MetaStudio training jobs, reports where they stand, and gates a deployment on a batch.
# Runs against the emulator (`npm run emulator`) or the cloud alike: where requests go and the
# credentials come from the provider block or the environment (HW_METASTUDIO_ENDPOINT,
# HW_PROJECT_ID, HW_AUTH_TOKEN or HW_ACCESS_KEY / HW_SECRET_KEY, HW_REGION_NAME).
# Installing the provider: docs/terraform.md.

terraform {
  required_providers {
    metastudio = {
      source  = "pulumi-metastudio/metastudio"
      version = "0.1.0"
    }
  }
}

variable "batch" {
  description = "The batch whose models the deployment needs."
  type        = string
  default     = "release-7"
}

variable "gate_timeout" {
  description = "How long apply waits for the batch to reach JOB_FINISH."
  type        = string
  default     = "10m"
}

variable "run_id" {
  description = "Changes on every pipeline run (CI's run id), so that with state kept between runs the gate checks the jobs again."
  type        = string
  default     = "local"
}

variable "secret_key" {
  description = "SK for AK/SK signing; null takes HW_SECRET_KEY from the environment."
  type        = string
  default     = null
  sensitive   = true
}

provider "metastudio" {
  secret_key  = var.secret_key
  max_retries = 3
}

# Every job, all pages.
data "metastudio_training_jobs" "all" {
  sort_key = "create_time"
}

# A filter the service applies: the jobs whose training failed.
data "metastudio_training_jobs" "train_failed" {
  states = ["TRAIN_FAILED"]
}

locals {
  jobs           = data.metastudio_training_jobs.all.jobs
  jobs_per_state = { for s in distinct(local.jobs[*].state) : s => length([for j in local.jobs : j if j.state == s]) }
  assets_ready   = sort([for j in local.jobs : j.asset_id if j.state == "JOB_FINISH" && j.asset_id != null])
  # The jobs that will not reach JOB_FINISH without a person: failed, stopped or rejected.
  need_a_person = [
    for j in local.jobs : "${j.name} (${j.job_id}): ${j.state}"
    if endswith(j.state, "_FAILED") || startswith(j.state, "MANUAL_STOP_") || startswith(j.state, "MANUL_STOP_") || j.state == "JOB_REJECT"
  ]
}

# Apply waits here until every job of the batch is in JOB_FINISH; plan never waits.
resource "metastudio_training_jobs_gate" "batch" {
  batch_name            = var.batch
  poll_interval_seconds = 1
  # A new run id replaces the gate: without it, a re-run with the same batch says "No changes".
  triggers = {
    run = var.run_id
  }

  timeouts {
    create = var.gate_timeout
  }
}

# Stands in for the deployment of the batch's models: created only once the gate has passed.
resource "terraform_data" "deployment" {
  input = metastudio_training_jobs_gate.batch.asset_ids
}

output "total" {
  value = data.metastudio_training_jobs.all.total
}

output "jobs_per_state" {
  value = local.jobs_per_state
}

output "need_a_person" {
  value = local.need_a_person
}

output "train_failed" {
  value = data.metastudio_training_jobs.train_failed.total
}

output "assets_ready" {
  value = length(local.assets_ready)
}

output "deployed_assets" {
  value = terraform_data.deployment.output
}
