import * as metastudio from "@pulumi-metastudio/metastudio";

export const total = metastudio.getTrainingJobsOutput({ pageSize: 100 }).count;
