"""Gate, then deploy: `pulumi up` waits until every training job of a batch has finished, and only
then creates the deployment of their model assets. The Python twin of examples/gate-deploy: a
failed, stopped or rejected job (or a batch that does not finish in time) fails the invoke, so
nothing is deployed from a broken batch. The RandomId stands in for the real deployment."""
import pulumi
import pulumi_metastudio as metastudio
import pulumi_random as random

config = pulumi.Config()
# One stack per training batch is the natural layout, so the stack name is the default batch.
batch_name = config.get("batchName") or pulumi.get_stack()

gate = metastudio.wait_for_training_jobs_output(
    batch_name=batch_name,
    target_states=["JOB_FINISH"],
    timeout_seconds=config.get_int("timeoutSeconds") or 600,
    poll_interval_seconds=config.get_int("pollIntervalSeconds") or 30,
)

# Its input comes from the gate's output: that is what orders it after the gate.
deployment = random.RandomId(
    "asset-deployment",
    byte_length=8,
    keepers={"assetIds": gate.asset_ids.apply(lambda ids: ",".join(ids))},
)

pulumi.export("gateReady", gate.ready)
pulumi.export("jobsGated", gate.job_ids.apply(len))
pulumi.export("deployedAssetIds", gate.asset_ids)
pulumi.export("deploymentId", deployment.hex)
