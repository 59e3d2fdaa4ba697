// *** WARNING: this file was written by hand in the shape `pulumi package gen-sdk` generates. ***
// *** Keep it in step with provider/schema.json; test/sdk/schemaDrift.test.ts checks that.   ***

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * The MetaStudio provider. Every input falls back to the environment variables named in its description.
 */
export class Provider extends pulumi.ProviderResource {
    /** @internal */
    public static readonly __pulumiType = 'metastudio';

    /**
     * Returns true if the given object is an instance of Provider.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is Provider {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj['__pulumiType'] === "pulumi:providers:" + Provider.__pulumiType;
    }

    /**
     * Access key (AK) for AK/SK signing. Env: `HW_ACCESS_KEY`, `HUAWEICLOUD_SDK_AK`.
     */
    public readonly accessKey!: pulumi.Output<string | undefined>;
    /**
     * IAM user token, sent as `X-Auth-Token` (instead of AK/SK). Env: `HW_AUTH_TOKEN`.
     */
    public readonly authToken!: pulumi.Output<string | undefined>;
    /**
     * Domain suffix of the cloud. Env: `HW_CLOUD`. Default `myhuaweicloud.com`.
     */
    public readonly cloud!: pulumi.Output<string | undefined>;
    /**
     * Full MetaStudio endpoint URL; overrides `https://metastudio.{region}.{cloud}`. Plain http is accepted only for loopback hosts (an emulator). Env: `HW_METASTUDIO_ENDPOINT`.
     */
    public readonly endpoint!: pulumi.Output<string | undefined>;
    /**
     * Project id of the region. Env: `HW_PROJECT_ID`, `HUAWEICLOUD_SDK_PROJECT_ID`.
     */
    public readonly projectId!: pulumi.Output<string | undefined>;
    /**
     * Huawei Cloud region, e.g. `cn-north-4`. Env: `HW_REGION_NAME`.
     */
    public readonly region!: pulumi.Output<string | undefined>;
    /**
     * Secret key (SK) for AK/SK signing. Env: `HW_SECRET_KEY`, `HUAWEICLOUD_SDK_SK`.
     */
    public readonly secretKey!: pulumi.Output<string | undefined>;
    /**
     * Security token of temporary AK/SK credentials. Env: `HW_SECURITY_TOKEN`, `HUAWEICLOUD_SDK_SECURITY_TOKEN`.
     */
    public readonly securityToken!: pulumi.Output<string | undefined>;

    /**
     * Create a Provider resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        {
            // As in the plugin: the credentials given choose the way of logging in, and the
            // environment only completes it (a token given takes no HW_ACCESS_KEY from the
            // environment; keys given take no token, and no temporary token of another pair).
            const tokenGiven = args?.authToken !== undefined;
            const keysGiven = args?.accessKey !== undefined || args?.secretKey !== undefined;
            resourceInputs["accessKey"] = secretOrUndefined(args?.accessKey ?? (tokenGiven ? undefined : utilities.getEnv("HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK")));
            resourceInputs["authToken"] = secretOrUndefined(args?.authToken ?? (keysGiven ? undefined : utilities.getEnv("HW_AUTH_TOKEN")));
            resourceInputs["cloud"] = args?.cloud ?? utilities.getEnv("HW_CLOUD") ?? "myhuaweicloud.com";
            resourceInputs["endpoint"] = args?.endpoint ?? utilities.getEnv("HW_METASTUDIO_ENDPOINT");
            resourceInputs["maxConcurrency"] = pulumi.output(args?.maxConcurrency ?? 10).apply(JSON.stringify);
            resourceInputs["maxRetries"] = pulumi.output(args?.maxRetries ?? utilities.getEnvNumber("HW_MAX_RETRIES") ?? 5).apply(JSON.stringify);
            resourceInputs["projectId"] = args?.projectId ?? utilities.getEnv("HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID");
            resourceInputs["region"] = args?.region ?? utilities.getEnv("HW_REGION_NAME");
            resourceInputs["requestTimeoutSeconds"] = pulumi.output(args?.requestTimeoutSeconds ?? 30).apply(JSON.stringify);
            resourceInputs["secretKey"] = secretOrUndefined(args?.secretKey ?? (tokenGiven ? undefined : utilities.getEnv("HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK")));
            resourceInputs["securityToken"] = secretOrUndefined(args?.securityToken ?? (tokenGiven || keysGiven ? undefined : utilities.getEnv("HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN")));
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const secretOpts = { additionalSecretOutputs: ["accessKey", "authToken", "secretKey", "securityToken"] };
        opts = pulumi.mergeOptions(opts, secretOpts);
        super(Provider.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a Provider resource.
 */
export interface ProviderArgs {
    /**
     * Access key (AK) for AK/SK signing. Env: `HW_ACCESS_KEY`, `HUAWEICLOUD_SDK_AK`.
     */
    accessKey?: pulumi.Input<string>;
    /**
     * IAM user token, sent as `X-Auth-Token` (instead of AK/SK). Env: `HW_AUTH_TOKEN`.
     */
    authToken?: pulumi.Input<string>;
    /**
     * Domain suffix of the cloud. Env: `HW_CLOUD`. Default `myhuaweicloud.com`.
     */
    cloud?: pulumi.Input<string>;
    /**
     * Full MetaStudio endpoint URL; overrides `https://metastudio.{region}.{cloud}`. Plain http is accepted only for loopback hosts (an emulator). Env: `HW_METASTUDIO_ENDPOINT`.
     */
    endpoint?: pulumi.Input<string>;
    /**
     * Pages fetched at once after the first. Default 10.
     */
    maxConcurrency?: pulumi.Input<number>;
    /**
     * Retries of a request on 429, 5xx, resets and time-outs (never on 401/403). Env: `HW_MAX_RETRIES`. Default 5.
     */
    maxRetries?: pulumi.Input<number>;
    /**
     * Project id of the region. Env: `HW_PROJECT_ID`, `HUAWEICLOUD_SDK_PROJECT_ID`.
     */
    projectId?: pulumi.Input<string>;
    /**
     * Huawei Cloud region, e.g. `cn-north-4`. Env: `HW_REGION_NAME`.
     */
    region?: pulumi.Input<string>;
    /**
     * Time-out of one HTTP request, in seconds. Default 30.
     */
    requestTimeoutSeconds?: pulumi.Input<number>;
    /**
     * Secret key (SK) for AK/SK signing. Env: `HW_SECRET_KEY`, `HUAWEICLOUD_SDK_SK`.
     */
    secretKey?: pulumi.Input<string>;
    /**
     * Security token of temporary AK/SK credentials. Env: `HW_SECURITY_TOKEN`, `HUAWEICLOUD_SDK_SECURITY_TOKEN`.
     */
    securityToken?: pulumi.Input<string>;
}

/**
 * Wraps the resolved value, not only an explicit argument as gen-sdk does, so a credential taken
 * from the environment is as secret in the state as one passed in code.
 */
function secretOrUndefined(value: pulumi.Input<string> | undefined): pulumi.Output<string> | undefined {
    return value ? pulumi.secret(value) : undefined;
}
