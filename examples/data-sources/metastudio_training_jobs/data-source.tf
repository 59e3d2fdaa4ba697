# Every job of a batch that has finished or is still compiling, all pages.
data "metastudio_training_jobs" "batch" {
  batch_name = "release-7"
  states     = ["JOB_FINISH", "COMPILING"]
  sort_key   = "create_time"
}

output "assets" {
  value = [for j in data.metastudio_training_jobs.batch.jobs : j.asset_id if j.asset_id != null]
}
