import * as pulumi from "@pulumi/pulumi";
import * as metastudio from "@pulumi-metastudio/metastudio";

const config = new pulumi.Config();
const provider = new metastudio.Provider("emulator", {
  endpoint: config.require("endpoint"),
  projectId: config.require("projectId"),
  authToken: config.requireSecret("token"),
});

const listing = metastudio.getTrainingJobsOutput({ pageSize: 100 }, { provider });
export const total = listing.count;
