import * as pulumi from "@pulumi/pulumi";
import * as metastudio from "@pulumi-metastudio/metastudio";

const config = new pulumi.Config();
const listing = metastudio.getTrainingJobsOutput({ batchName: config.requireSecret("batchName") });
export const total = listing.count;
