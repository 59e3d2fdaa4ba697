/**
 * One table per function and for the provider config: each field's type, limits, doc text and
 * where it goes in the API request. The zod validators, the package schema (schema.json) and the
 * request builder are all derived from these tables, so they cannot drift apart.
 */
import type { StringFormat } from "./formats";
import { KNOWN_STATES } from "./states";
import { configKey, SECRET_SENTENCE, text, Text } from "./text";

export type FieldType = "integer" | "string" | "boolean" | "stringList";

export interface FieldSpec {
  type: FieldType;
  /** Field names in it are references, so that each protocol's schema spells them its own way. */
  description: Text;
  /** Accepted values for strings (or list items). */
  enum?: readonly string[];
  min?: number;
  max?: number;
  /** Strings that must be RFC 3339 date-times. */
  rfc3339?: boolean;
  /** What else a string must be (formats.ts). */
  format?: StringFormat;
  /** Longest string (or list item) accepted; MAX_STRING_LENGTH when not given. */
  maxLength?: number;
  default?: unknown;
  /** Query parameter name in the API request. */
  query?: string;
  /** Request header name in the API request. */
  header?: string;
  secret?: boolean;
  /** Environment variables consulted, in order, when a config field is not set. */
  env?: readonly string[];
}

export const SORT_KEYS = ["create_time", "update_time", "asset_order"] as const;
export const SORT_DIRS = ["asc", "desc"] as const;
export const MODEL_RESOLUTIONS = ["1080P", "4K"] as const;
export const MAX_INT32 = 2147483647;

export type FieldTable = Readonly<Record<string, FieldSpec>>;

/**
 * A table whose own type is kept (its names and each field's type), so that the functions' input
 * types derive from it (fieldTypes.ts), and which can still be read as any table.
 */
function fieldTable<const T extends Record<string, FieldSpec>>(table: T): T & FieldTable {
  return table;
}

/**
 * Bounds on what one invoke may ask for. Ids, names, tags and batch names are short; 256
 * characters is far beyond any, and keeps the longest request line (every filter at its longest,
 * percent-encoded) and any error quoting it small.
 */
export const MAX_STRING_LENGTH = 256;
/** A list filter (states) names at most this many values. */
export const MAX_LIST_ITEMS = 100;
/**
 * The most jobs one listing returns: the largest listing benchmarked (docs/benchmarks.md: about
 * 300 MB peak in the plugin, an answer far below the engine's 400 MB message limit). A filter that
 * matches more fails with a message saying to narrow it or page with offset and limit.
 */
export const MAX_LISTING_JOBS = 100_000;
/**
 * The most bytes of answers one listing takes in: 100,000 ordinary jobs are about 100 MB. Without
 * it, pages of 8 MiB each (a job of 80 kB) would make a listing of 8 GB before gRPC's limit on
 * the answer (400 MB) could refuse it.
 */
export const MAX_LISTING_BYTES = 256 * 1024 * 1024;

/** The filters of GET /v1/{project_id}/digital-human-training-manage/user/jobs, camelCased. */
export const JOB_FILTER_FIELDS = fieldTable({
  sortKey: {
    type: "string",
    enum: SORT_KEYS,
    query: "sort_key",
    description: "Sort field: `create_time`, `update_time` or `asset_order`, e.g. `create_time`. Default: the service's order.",
  },
  sortDir: {
    type: "string",
    enum: SORT_DIRS,
    query: "sort_dir",
    description: "Sort direction: `asc` or `desc`. Default `asc` (the service's).",
  },
  createSince: {
    type: "string",
    rfc3339: true,
    query: "create_since",
    description:
      "Only jobs created at or after this time: RFC 3339, any offset (sent in UTC), e.g. `2023-12-08T08:30:56Z`. Default: no lower bound.",
  },
  createUntil: {
    type: "string",
    rfc3339: true,
    query: "create_until",
    description: "Only jobs created at or before this time: RFC 3339, e.g. `2024-01-31T23:59:59+08:00`. Default: no upper bound.",
  },
  updateSince: {
    type: "string",
    rfc3339: true,
    query: "update_since",
    description: "Only jobs last updated at or after this time: RFC 3339, e.g. `2024-01-01T00:00:00Z`. Default: no lower bound.",
  },
  updateUntil: {
    type: "string",
    rfc3339: true,
    query: "update_until",
    description: "Only jobs last updated at or before this time: RFC 3339, e.g. `2024-01-31T00:00:00Z`. Default: no upper bound.",
  },
  states: {
    type: "stringList",
    enum: KNOWN_STATES,
    query: "state",
    description:
      'Only jobs in one of these states (at most 100; a mistyped state is refused with a suggestion), e.g. `["JOB_FINISH", "TRAINING"]`. Default: every state.',
  },
  queryProjectId: {
    type: "string",
    format: "projectId",
    query: "query_project_id",
    description: "Tenant (project) id to query: 32 hex digits, e.g. `0123456789abcdef0123456789abcdef`. Default: the configured project.",
  },
  batchName: { type: "string", query: "batch_name", description: "Only jobs of this batch, e.g. `release-7`. Default: every batch." },
  tag: { type: "string", query: "tag", description: "Only jobs carrying this tag, e.g. `customer-a`. Default: any tag." },
  jobId: { type: "string", query: "job_id", description: "Only the job with this id, e.g. `cf69dc4f5b891cd70622e169c2ca5d09`." },
  name: { type: "string", query: "name", description: "Only jobs whose model has this name, e.g. `anchor-news-4k`." },
  modelResolution: {
    type: "string",
    enum: MODEL_RESOLUTIONS,
    query: "model_resolution",
    description: "Only models of this resolution: `1080P` or `4K`. Default: both.",
  },
  isFlexus: {
    type: "boolean",
    query: "is_flexus",
    description: "Only basic-edition (Flexus) jobs when true, only other jobs when false. Default: both.",
  },
  isLiveCopy: {
    type: "boolean",
    query: "is_live_copy",
    description: "Only live-copy jobs when true, only other jobs when false. Default: both.",
  },
  trainLocation: {
    type: "string",
    query: "train_location",
    description: "Only jobs trained in this region, e.g. `cn-north-4`. Default: every region.",
  },
  isOndemandResource: {
    type: "boolean",
    query: "is_ondemand_resource",
    description: "Only jobs on on-demand resources when true, only others when false. Default: both.",
  },
  appUserId: {
    type: "string",
    format: "headerValue",
    header: "X-App-UserId",
    description: "Third-party user id, sent as the `X-App-UserId` header (no Chinese characters), e.g. `app-user-47`. Default: none.",
  },
});

/** Paging inputs of getTrainingJobs: handled by the provider, not passed through as is. */
export const PAGING_FIELDS = fieldTable({
  offset: {
    type: "integer",
    min: 0,
    max: MAX_INT32,
    default: 0,
    description: "Where the listing starts: a 0-based position in the service's order, e.g. `200`. Default 0.",
  },
  limit: {
    type: "integer",
    min: 1,
    max: MAX_LISTING_JOBS,
    description:
      "The most jobs to return in all, at most 100,000; without it, every matching job is returned (paging is automatic), and a filter matching more than 100,000 is an error asking to narrow it.",
  },
  pageSize: {
    type: "integer",
    min: 1,
    max: 100,
    default: 100,
    description: "Jobs per API request, 1 to 100, e.g. `50`. Default 100 (fewest requests).",
  },
});

export const GET_TRAINING_JOBS_INPUTS = fieldTable({ ...PAGING_FIELDS, ...JOB_FILTER_FIELDS });

export const WAIT_FIELDS = fieldTable({
  targetStates: {
    type: "stringList",
    enum: KNOWN_STATES,
    default: ["JOB_FINISH"],
    description: 'The states that let the gate pass, e.g. `["JOB_FINISH", "JOB_SUCCESS"]`. Default `["JOB_FINISH"]`.',
  },
  timeoutSeconds: {
    type: "integer",
    min: 0,
    max: 7 * 24 * 3600,
    default: 0,
    description:
      "How long to wait, in seconds (0 to 604800), for every selected job to reach a target state, e.g. `3600`. Default 0: check once without waiting.",
  },
  pollIntervalSeconds: {
    type: "integer",
    min: 1,
    max: 3600,
    default: 30,
    description: "Seconds between checks while waiting, 1 to 3600, e.g. `60`. Default 30.",
  },
});

export const WAIT_FOR_TRAINING_JOBS_INPUTS = fieldTable({ ...JOB_FILTER_FIELDS, ...WAIT_FIELDS });

/** Provider configuration: `pulumi config set metastudio:<key>` or explicit Provider inputs. */
export const CONFIG_FIELDS: Readonly<Record<string, FieldSpec>> = {
  region: {
    type: "string",
    format: "region",
    maxLength: 64,
    env: ["HW_REGION_NAME"],
    description: text`Huawei Cloud region, e.g. \`cn-north-4\` or \`cn-east-3\`; with \`${configKey("cloud")}\` it makes the endpoint. Env: \`HW_REGION_NAME\`. No default: set it or \`${configKey("endpoint")}\`.`,
  },
  projectId: {
    type: "string",
    format: "projectId",
    env: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"],
    description:
      "Project id of the region: 32 hex digits, e.g. `0123456789abcdef0123456789abcdef`. Env: `HW_PROJECT_ID`, `HUAWEICLOUD_SDK_PROJECT_ID`. Required.",
  },
  accessKey: {
    type: "string",
    format: "accessKey",
    maxLength: 128,
    secret: true,
    env: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
    description: text`Access key (AK) for AK/SK signing, with \`${configKey("secretKey")}\`. ${SECRET_SENTENCE}. Read by the plugin from \`HW_ACCESS_KEY\` or \`HUAWEICLOUD_SDK_AK\` when not set and no token is configured.`,
  },
  secretKey: {
    type: "string",
    format: "credential",
    maxLength: 256,
    secret: true,
    env: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
    description: text`Secret key (SK) for AK/SK signing, with \`${configKey("accessKey")}\`. ${SECRET_SENTENCE}. Read by the plugin from \`HW_SECRET_KEY\` or \`HUAWEICLOUD_SDK_SK\` when not set and no token is configured.`,
  },
  securityToken: {
    type: "string",
    format: "credential",
    maxLength: 32_768,
    secret: true,
    env: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
    description: text`Security token of temporary AK/SK credentials (sent and signed as \`X-Security-Token\`). ${SECRET_SENTENCE}. Read by the plugin from \`HW_SECURITY_TOKEN\` or \`HUAWEICLOUD_SDK_SECURITY_TOKEN\` when the AK/SK also come from the environment.`,
  },
  authToken: {
    type: "string",
    format: "credential",
    maxLength: 32_768,
    secret: true,
    env: ["HW_AUTH_TOKEN"],
    description: text`IAM user token, sent as \`X-Auth-Token\`, instead of AK/SK. ${SECRET_SENTENCE}. Read by the plugin from \`HW_AUTH_TOKEN\` when no key is configured.`,
  },
  cloud: {
    type: "string",
    format: "domainSuffix",
    maxLength: 253,
    env: ["HW_CLOUD"],
    default: "myhuaweicloud.com",
    description: "Domain suffix of the cloud, e.g. `myhuaweicloud.eu`. Env: `HW_CLOUD`. Default `myhuaweicloud.com`.",
  },
  endpoint: {
    type: "string",
    format: "endpoint",
    maxLength: 2048,
    env: ["HW_METASTUDIO_ENDPOINT"],
    description:
      "Full MetaStudio endpoint URL, e.g. `http://127.0.0.1:8090` for the emulator; overrides `https://metastudio.{region}.{cloud}`. Plain http only for loopback hosts. Env: `HW_METASTUDIO_ENDPOINT`. Default: from `region` and `cloud`.",
  },
  maxRetries: {
    type: "integer",
    min: 0,
    max: 20,
    default: 5,
    env: ["HW_MAX_RETRIES"],
    description:
      "Retries of one request on 429, 5xx, resets and time-outs (never on 401/403), 0 to 20, e.g. `3`. Env: `HW_MAX_RETRIES`. Default 5.",
  },
  maxConcurrency: {
    type: "integer",
    min: 1,
    max: 64,
    default: 10,
    description: text`Pages of one listing fetched at once after the first, 1 to 64, e.g. \`4\`. Default 10. All listings of the provider process together are bounded by \`${configKey("maxRequestsInFlight")}\`.`,
  },
  maxRequestsInFlight: {
    type: "integer",
    min: 1,
    max: 256,
    default: 32,
    description: text`Requests in flight at once across every listing and gate of the provider process (Terraform's \`-parallelism\` times \`${configKey("maxConcurrency")}\` otherwise), 1 to 256, e.g. \`16\`; listings take free slots in turn. Default 32.`,
  },
  proxy: {
    type: "string",
    format: "proxyUrl",
    maxLength: 2048,
    secret: true,
    description: text`HTTP proxy for the API, e.g. \`http://proxy.example.com:3128\` or \`http://user:password@10.0.0.1:8080\` (user and password sent as \`Proxy-Authorization\`); https endpoints are reached through a CONNECT tunnel. Overrides \`HTTPS_PROXY\` / \`HTTP_PROXY\`; \`NO_PROXY\` still applies and loopback is never proxied. ${SECRET_SENTENCE} (it may hold a password). Default: from the environment.`,
  },
  caCertFile: {
    type: "string",
    format: "filePath",
    maxLength: 4096,
    description:
      "PEM file of certificate authorities to trust besides the bundled roots (and `SSL_CERT_FILE`, `NODE_EXTRA_CA_CERTS`), e.g. `/etc/ssl/certs/corp-ca.pem`. Certificates are always checked. Default: none.",
  },
  requestTimeoutSeconds: {
    type: "integer",
    min: 1,
    max: 600,
    default: 30,
    description: "Time-out of one HTTP request in seconds, 1 to 600, e.g. `60`. Default 30.",
  },
};
