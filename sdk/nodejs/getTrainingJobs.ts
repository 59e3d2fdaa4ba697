// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * Lists MetaStudio training jobs with every filter of the API, paging through all matches (or up to `limit`).
 */
export function getTrainingJobs(args?: GetTrainingJobsArgs, opts?: pulumi.InvokeOptions): Promise<GetTrainingJobsResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("metastudio:index:getTrainingJobs", {
        "appUserId": args.appUserId,
        "batchName": args.batchName,
        "createSince": args.createSince,
        "createUntil": args.createUntil,
        "isFlexus": args.isFlexus,
        "isLiveCopy": args.isLiveCopy,
        "isOndemandResource": args.isOndemandResource,
        "jobId": args.jobId,
        "limit": args.limit,
        "modelResolution": args.modelResolution,
        "name": args.name,
        "offset": args.offset,
        "pageSize": args.pageSize,
        "queryProjectId": args.queryProjectId,
        "sortDir": args.sortDir,
        "sortKey": args.sortKey,
        "states": args.states,
        "tag": args.tag,
        "trainLocation": args.trainLocation,
        "updateSince": args.updateSince,
        "updateUntil": args.updateUntil,
    }, opts);
}

/**
 * A collection of arguments for invoking getTrainingJobs.
 */
export interface GetTrainingJobsArgs {
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
     * The most jobs to return in all, at most 100,000; without it, every matching job is returned (paging is automatic), and a filter matching more than 100,000 is an error asking to narrow it.
     */
    limit?: number;
    /**
     * Only models of this resolution: `1080P` or `4K`.
     */
    modelResolution?: string;
    /**
     * Only jobs whose model has this name.
     */
    name?: string;
    /**
     * Where the listing starts (0-based, in the service's order).
     */
    offset?: number;
    /**
     * Jobs per API request (1 to 100).
     */
    pageSize?: number;
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
 * A collection of values returned by getTrainingJobs.
 */
export interface GetTrainingJobsResult {
    /**
     * The service's total of jobs matching the filter (not only those returned).
     */
    readonly count: number;
    /**
     * The jobs, in the service's order.
     */
    readonly jobs: outputs.TrainingJob[];
}

/**
 * Lists MetaStudio training jobs with every filter of the API, paging through all matches (or up to `limit`).
 */
export function getTrainingJobsOutput(args?: GetTrainingJobsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetTrainingJobsResult> {
    args = args || {};
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("metastudio:index:getTrainingJobs", {
        "appUserId": args.appUserId,
        "batchName": args.batchName,
        "createSince": args.createSince,
        "createUntil": args.createUntil,
        "isFlexus": args.isFlexus,
        "isLiveCopy": args.isLiveCopy,
        "isOndemandResource": args.isOndemandResource,
        "jobId": args.jobId,
        "limit": args.limit,
        "modelResolution": args.modelResolution,
        "name": args.name,
        "offset": args.offset,
        "pageSize": args.pageSize,
        "queryProjectId": args.queryProjectId,
        "sortDir": args.sortDir,
        "sortKey": args.sortKey,
        "states": args.states,
        "tag": args.tag,
        "trainLocation": args.trainLocation,
        "updateSince": args.updateSince,
        "updateUntil": args.updateUntil,
    }, opts);
}

/**
 * A collection of arguments for invoking getTrainingJobs.
 */
export interface GetTrainingJobsOutputArgs {
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
     * The most jobs to return in all, at most 100,000; without it, every matching job is returned (paging is automatic), and a filter matching more than 100,000 is an error asking to narrow it.
     */
    limit?: pulumi.Input<number>;
    /**
     * Only models of this resolution: `1080P` or `4K`.
     */
    modelResolution?: pulumi.Input<string>;
    /**
     * Only jobs whose model has this name.
     */
    name?: pulumi.Input<string>;
    /**
     * Where the listing starts (0-based, in the service's order).
     */
    offset?: pulumi.Input<number>;
    /**
     * Jobs per API request (1 to 100).
     */
    pageSize?: pulumi.Input<number>;
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
