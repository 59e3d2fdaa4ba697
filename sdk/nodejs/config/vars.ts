// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

// Unlike gen-sdk's `getEnv(...) || default`, a default here only replaces an unset variable
// (`??`), so `HW_MAX_RETRIES=0` means no retries rather than the default 5.

declare var exports: any;
const __config = new pulumi.Config("metastudio");

/**
 * Access key (AK) for AK/SK signing. Env: `HW_ACCESS_KEY`, `HUAWEICLOUD_SDK_AK`.
 */
export declare const accessKey: string | undefined;
Object.defineProperty(exports, "accessKey", {
    get() {
        return __config.get("accessKey") ?? utilities.getEnv("HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK");
    },
    enumerable: true,
});

/**
 * IAM user token, sent as `X-Auth-Token` (instead of AK/SK). Env: `HW_AUTH_TOKEN`.
 */
export declare const authToken: string | undefined;
Object.defineProperty(exports, "authToken", {
    get() {
        return __config.get("authToken") ?? utilities.getEnv("HW_AUTH_TOKEN");
    },
    enumerable: true,
});

/**
 * Domain suffix of the cloud. Env: `HW_CLOUD`. Default `myhuaweicloud.com`.
 */
export declare const cloud: string;
Object.defineProperty(exports, "cloud", {
    get() {
        return __config.get("cloud") ?? (utilities.getEnv("HW_CLOUD") ?? "myhuaweicloud.com");
    },
    enumerable: true,
});

/**
 * Full MetaStudio endpoint URL; overrides `https://metastudio.{region}.{cloud}`. Plain http is accepted only for loopback hosts (an emulator). Env: `HW_METASTUDIO_ENDPOINT`.
 */
export declare const endpoint: string | undefined;
Object.defineProperty(exports, "endpoint", {
    get() {
        return __config.get("endpoint") ?? utilities.getEnv("HW_METASTUDIO_ENDPOINT");
    },
    enumerable: true,
});

/**
 * Pages fetched at once after the first. Default 10.
 */
export declare const maxConcurrency: number;
Object.defineProperty(exports, "maxConcurrency", {
    get() {
        return __config.getObject<number>("maxConcurrency") ?? 10;
    },
    enumerable: true,
});

/**
 * Retries of a request on 429, 5xx, resets and time-outs (never on 401/403). Env: `HW_MAX_RETRIES`. Default 5.
 */
export declare const maxRetries: number;
Object.defineProperty(exports, "maxRetries", {
    get() {
        return __config.getObject<number>("maxRetries") ?? (utilities.getEnvNumber("HW_MAX_RETRIES") ?? 5);
    },
    enumerable: true,
});

/**
 * Project id of the region. Env: `HW_PROJECT_ID`, `HUAWEICLOUD_SDK_PROJECT_ID`.
 */
export declare const projectId: string | undefined;
Object.defineProperty(exports, "projectId", {
    get() {
        return __config.get("projectId") ?? utilities.getEnv("HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID");
    },
    enumerable: true,
});

/**
 * Huawei Cloud region, e.g. `cn-north-4`. Env: `HW_REGION_NAME`.
 */
export declare const region: string | undefined;
Object.defineProperty(exports, "region", {
    get() {
        return __config.get("region") ?? utilities.getEnv("HW_REGION_NAME");
    },
    enumerable: true,
});

/**
 * Time-out of one HTTP request, in seconds. Default 30.
 */
export declare const requestTimeoutSeconds: number;
Object.defineProperty(exports, "requestTimeoutSeconds", {
    get() {
        return __config.getObject<number>("requestTimeoutSeconds") ?? 30;
    },
    enumerable: true,
});

/**
 * Secret key (SK) for AK/SK signing. Env: `HW_SECRET_KEY`, `HUAWEICLOUD_SDK_SK`.
 */
export declare const secretKey: string | undefined;
Object.defineProperty(exports, "secretKey", {
    get() {
        return __config.get("secretKey") ?? utilities.getEnv("HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK");
    },
    enumerable: true,
});

/**
 * Security token of temporary AK/SK credentials. Env: `HW_SECURITY_TOKEN`, `HUAWEICLOUD_SDK_SECURITY_TOKEN`.
 */
export declare const securityToken: string | undefined;
Object.defineProperty(exports, "securityToken", {
    get() {
        return __config.get("securityToken") ?? utilities.getEnv("HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN");
    },
    enumerable: true,
});
