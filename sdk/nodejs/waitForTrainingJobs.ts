// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * A gate: passes when every selected job is in a target state (default `JOB_FINISH`), waiting up to `timeoutSeconds`; fails at once when a job is in a state that needs a person (failed, stopped, rejected), when the time runs out, or when nothing is selected.
 */
export function waitForTrainingJobs(args?: WaitForTrainingJobsArgs, opts?: pulumi.InvokeOptions): Promise<WaitForTrainingJobsResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("metastudio:index:waitForTrainingJobs", {
        "appUserId": args.appUserId,
        "batchName": args.batchName,
        "createSince": args.createSince,
        "createUntil": args.createUntil,
        "isFlexus": args.isFlexus,
        "isLiveCopy": args.isLiveCopy,
        "isOndemandResource": args.isOndemandResource,
        "jobId": args.jobId,
        "modelResolution": args.modelResolution,
        "name": args.name,
        "pollIntervalSeconds": args.pollIntervalSeconds,
        "queryProjectId": args.queryProjectId,
        "sortDir": args.sortDir,
        "sortKey": args.sortKey,
        "states": args.states,
        "tag": args.tag,
        "targetStates": args.targetStates,
        "timeoutSeconds": args.timeoutSeconds,
        "trainLocation": args.trainLocation,
        "updateSince": args.updateSince,
        "updateUntil": args.updateUntil,
    }, opts);
}

/**
 * A collection of arguments for invoking waitForTrainingJobs.
 */
export interface WaitForTrainingJobsArgs {
    /**
     * Third-party user id, sent as the `X-App-UserId` header.
     */
    appUserId?: string;
    /**
     * Only jobs of this batch.
     */
    batchName?: string;
    /**
     * Only jobs created at or after this RFC 3339 time, e.g. `2023-12-08T08:30:56Z`.
     */
    createSince?: string;
    /**
     * Only jobs created at or before this RFC 3339 time.
     */
    createUntil?: string;
    /**
     * Only basic-edition (Flexus) jobs when true, only other jobs when false.
     */
    isFlexus?: boolean;
    /**
     * Only live-copy jobs when true, only other jobs when false.
     */
    isLiveCopy?: boolean;
    /**
     * Only jobs on on-demand resources when true, only others when false.
     */
    isOndemandResource?: boolean;
    /**
     * Only the job with this id.
     */
    jobId?: string;
    /**
     * Only models of this resolution: `1080P` or `4K`.
     */
    modelResolution?: string;
    /**
     * Only jobs whose model has this name.
     */
    name?: string;
    /**
     * Seconds between checks while waiting (at least 1).
     */
    pollIntervalSeconds?: number;
    /**
     * Tenant (project) id to query.
     */
    queryProjectId?: string;
    /**
     * Sort direction: `asc` or `desc`.
     */
    sortDir?: string;
    /**
     * Sort field: `create_time`, `update_time` or `asset_order`.
     */
    sortKey?: string;
    /**
     * Only jobs in one of these states (sent comma-joined as `state`), e.g. `["JOB_FINISH", "TRAINING"]`.
     */
    states?: string[];
    /**
     * Only jobs carrying this tag.
     */
    tag?: string;
    /**
     * The states that let the gate pass; default `["JOB_FINISH"]`.
     */
    targetStates?: string[];
    /**
     * How long to wait for every selected job to reach a target state; 0 checks once without waiting.
     */
    timeoutSeconds?: number;
    /**
     * Only jobs trained in this region.
     */
    trainLocation?: string;
    /**
     * Only jobs last updated at or after this RFC 3339 time.
     */
    updateSince?: string;
    /**
     * Only jobs last updated at or before this RFC 3339 time.
     */
    updateUntil?: string;
}

/**
 * A collection of values returned by waitForTrainingJobs.
 */
export interface WaitForTrainingJobsResult {
    /**
     * Model asset ids of the selected jobs that have one, for the deployment that follows.
     */
    readonly assetIds: string[];
    /**
     * Ids of the selected jobs.
     */
    readonly jobIds: string[];
    /**
     * The selected jobs as last seen.
     */
    readonly jobs: outputs.TrainingJob[];
    /**
     * Every selected job is in a target state. Always true after `pulumi up` (otherwise the call fails); may be false in a preview, which never waits.
     */
    readonly ready: boolean;
    /**
     * How long the gate waited.
     */
    readonly waitedSeconds: number;
}

/**
 * A gate: passes when every selected job is in a target state (default `JOB_FINISH`), waiting up to `timeoutSeconds`; fails at once when a job is in a state that needs a person (failed, stopped, rejected), when the time runs out, or when nothing is selected.
 */
export function waitForTrainingJobsOutput(args?: WaitForTrainingJobsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<WaitForTrainingJobsResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("metastudio:index:waitForTrainingJobs", {
        "appUserId": args.appUserId,
        "batchName": args.batchName,
        "createSince": args.createSince,
        "createUntil": args.createUntil,
        "isFlexus": args.isFlexus,
        "isLiveCopy": args.isLiveCopy,
        "isOndemandResource": args.isOndemandResource,
        "jobId": args.jobId,
        "modelResolution": args.modelResolution,
        "name": args.name,
        "pollIntervalSeconds": args.pollIntervalSeconds,
        "queryProjectId": args.queryProjectId,
        "sortDir": args.sortDir,
        "sortKey": args.sortKey,
        "states": args.states,
        "tag": args.tag,
        "targetStates": args.targetStates,
        "timeoutSeconds": args.timeoutSeconds,
        "trainLocation": args.trainLocation,
        "updateSince": args.updateSince,
        "updateUntil": args.updateUntil,
    }, opts);
}

/**
 * A collection of arguments for invoking waitForTrainingJobs.
 */
export interface WaitForTrainingJobsOutputArgs {
    /**
     * Third-party user id, sent as the `X-App-UserId` header.
     */
    appUserId?: pulumi.Input<string>;
    /**
     * Only jobs of this batch.
     */
    batchName?: pulumi.Input<string>;
    /**
     * Only jobs created at or after this RFC 3339 time, e.g. `2023-12-08T08:30:56Z`.
     */
    createSince?: pulumi.Input<string>;
    /**
     * Only jobs created at or before this RFC 3339 time.
     */
    createUntil?: pulumi.Input<string>;
    /**
     * Only basic-edition (Flexus) jobs when true, only other jobs when false.
     */
    isFlexus?: pulumi.Input<boolean>;
    /**
     * Only live-copy jobs when true, only other jobs when false.
     */
    isLiveCopy?: pulumi.Input<boolean>;
    /**
     * Only jobs on on-demand resources when true, only others when false.
     */
    isOndemandResource?: pulumi.Input<boolean>;
    /**
     * Only the job with this id.
     */
    jobId?: pulumi.Input<string>;
    /**
     * Only models of this resolution: `1080P` or `4K`.
     */
    modelResolution?: pulumi.Input<string>;
    /**
     * Only jobs whose model has this name.
     */
    name?: pulumi.Input<string>;
    /**
     * Seconds between checks while waiting (at least 1).
     */
    pollIntervalSeconds?: pulumi.Input<number>;
    /**
     * Tenant (project) id to query.
     */
    queryProjectId?: pulumi.Input<string>;
    /**
     * Sort direction: `asc` or `desc`.
     */
    sortDir?: pulumi.Input<string>;
    /**
     * Sort field: `create_time`, `update_time` or `asset_order`.
     */
    sortKey?: pulumi.Input<string>;
    /**
     * Only jobs in one of these states (sent comma-joined as `state`), e.g. `["JOB_FINISH", "TRAINING"]`.
     */
    states?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Only jobs carrying this tag.
     */
    tag?: pulumi.Input<string>;
    /**
     * The states that let the gate pass; default `["JOB_FINISH"]`.
     */
    targetStates?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * How long to wait for every selected job to reach a target state; 0 checks once without waiting.
     */
    timeoutSeconds?: pulumi.Input<number>;
    /**
     * Only jobs trained in this region.
     */
    trainLocation?: pulumi.Input<string>;
    /**
     * Only jobs last updated at or after this RFC 3339 time.
     */
    updateSince?: pulumi.Input<string>;
    /**
     * Only jobs last updated at or before this RFC 3339 time.
     */
    updateUntil?: pulumi.Input<string>;
}
