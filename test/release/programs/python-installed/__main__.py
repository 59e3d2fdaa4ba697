"""Lists every job and gates on a batch, with the plugin that `pulumi up` acquired on its own."""
import pulumi
import pulumi_metastudio as metastudio

config = pulumi.Config()

listing = metastudio.get_training_jobs_output()
pulumi.export("total", listing.count)
pulumi.export("listed", listing.jobs.apply(len))

gate = metastudio.wait_for_training_jobs_output(
    batch_name=config.require("batchName"), timeout_seconds=60, poll_interval_seconds=1
)
pulumi.export("gateReady", gate.ready)
pulumi.export("assetIds", gate.asset_ids)
