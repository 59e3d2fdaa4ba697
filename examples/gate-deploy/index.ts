/**
 * Gate, then deploy: `pulumi up` waits until every training job of a batch has finished, and only
 * then creates the deployment of their model assets. A failed, stopped or rejected job (or a batch
 * that does not finish in time) makes the invoke fail, so nothing is deployed from a broken batch.
 *
 * The RandomId stands in for the real deployment resource; what matters is that its inputs come
 * from the gate's outputs, which is what orders it after the gate.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as metastudio from "@pulumi-metastudio/metastudio";

const config = new pulumi.Config();
// One stack per training batch is the natural layout, so the stack name is the default batch.
const batchName = config.get("batchName") ?? pulumi.getStack();
const timeoutSeconds = config.getNumber("timeoutSeconds") ?? 600;
const pollIntervalSeconds = config.getNumber("pollIntervalSeconds") ?? 30;

const gate = metastudio.waitForTrainingJobsOutput({
  batchName,
  targetStates: ["JOB_FINISH"],
  timeoutSeconds,
  pollIntervalSeconds,
});

const deployment = new random.RandomId("asset-deployment", {
  byteLength: 8,
  // A changed set of assets replaces the deployment; the dependency on the gate's output is
  // also what keeps it from being created before the gate passes.
  keepers: {
    assetIds: gate.assetIds.apply((ids) => ids.join(",")),
  },
});

export const gateReady = gate.ready;
export const jobsGated = gate.jobIds.apply((ids) => ids.length);
export const deployedAssetIds = gate.assetIds;
export const deploymentId = deployment.hex;
