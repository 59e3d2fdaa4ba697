// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";

/**
 * A virtual-avatar model training job, as the list API returns it. Absent fields are omitted.
 */
export interface TrainingJob {
    /**
     * Third-party user id.
     */
    appUserId?: string;
    /**
     * Model asset id, once the asset exists.
     */
    assetId?: string;
    /**
     * Batch name.
     */
    batchName?: string;
    /**
     * Creator's phone number or e-mail (personal data, masked by the service).
     */
    contact?: string;
    /**
     * Signed thumbnail URL, valid 24 hours (it changes on every call).
     */
    coverDownloadUrl?: string;
    /**
     * Creation time, RFC 3339.
     */
    createTime?: string;
    /**
     * Background replacement.
     */
    isBackgroundReplacement?: boolean;
    /**
     * Fast Flexus job.
     */
    isFastFlexus?: boolean;
    /**
     * Basic-edition (Flexus) job.
     */
    isFlexus?: boolean;
    /**
     * Live-copy job.
     */
    isLiveCopy?: boolean;
    /**
     * Trained on on-demand resources.
     */
    isOndemandResource?: boolean;
    /**
     * Human model only.
     */
    isOnlyHumanModel?: boolean;
    /**
     * Training job id.
     */
    jobId: string;
    /**
     * Last update, RFC 3339.
     */
    lastUpdateTime?: string;
    /**
     * Matting: `AI` or `MANUAL`.
     */
    mattingType?: string;
    /**
     * `1080P` or `4K`.
     */
    modelResolution?: string;
    /**
     * Model version: `V2`, `V3`, `V3.2`, `V3.3`.
     */
    modelVersion?: string;
    /**
     * Model name, also its name in the asset library.
     */
    name: string;
    /**
     * Regions the job may train in.
     */
    optionalTrainingLocation?: string[];
    /**
     * Project id.
     */
    projectId?: string;
    /**
     * Job state; states newer than this provider come back as they are.
     */
    state: string;
    /**
     * Task tags.
     */
    tags?: string[];
}
