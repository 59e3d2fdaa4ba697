// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

// Export members:
export { GetTrainingJobsArgs, GetTrainingJobsResult, GetTrainingJobsOutputArgs } from "./getTrainingJobs";
export const getTrainingJobs: typeof import("./getTrainingJobs").getTrainingJobs = null as any;
export const getTrainingJobsOutput: typeof import("./getTrainingJobs").getTrainingJobsOutput = null as any;
utilities.lazyLoad(exports, ["getTrainingJobs","getTrainingJobsOutput"], () => require("./getTrainingJobs"));

export { ProviderArgs } from "./provider";
export type Provider = import("./provider").Provider;
export const Provider: typeof import("./provider").Provider = null as any;
utilities.lazyLoad(exports, ["Provider"], () => require("./provider"));

export { WaitForTrainingJobsArgs, WaitForTrainingJobsResult, WaitForTrainingJobsOutputArgs } from "./waitForTrainingJobs";
export const waitForTrainingJobs: typeof import("./waitForTrainingJobs").waitForTrainingJobs = null as any;
export const waitForTrainingJobsOutput: typeof import("./waitForTrainingJobs").waitForTrainingJobsOutput = null as any;
utilities.lazyLoad(exports, ["waitForTrainingJobs","waitForTrainingJobsOutput"], () => require("./waitForTrainingJobs"));


// Export sub-modules:
import * as config from "./config";
import * as types from "./types";

export {
    config,
    types,
};

// Lets the engine rebuild this package's provider from its URN, e.g. when a program runs a
// component or transform that was given `pulumi:providers:metastudio` by reference.
pulumi.runtime.registerResourcePackage("metastudio", {
    version: utilities.getVersion(),
    constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {
        if (type !== "pulumi:providers:metastudio") {
            throw new Error(`unknown provider type ${type}`);
        }
        return new Provider(name, <any>undefined, { urn });
    },
});
