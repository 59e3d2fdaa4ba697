/** The modules reads, applies and validation need, loaded together on first use (see providerService.ts). */
export { readTrainingJobs, validateTrainingJobsConfig } from "./trainingJobsDataSource";
export { applyGate, planGate, upgradeGateState, validateGateConfig } from "./trainingJobsGate";
export { encodeTerraformJobs } from "./terraformJobs";
