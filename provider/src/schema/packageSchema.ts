/**
 * The Pulumi package schema, built from the field tables. `npm run gen-schema` writes it to
 * provider/schema.json (checked in, served by GetSchema); a test fails when the two differ.
 */
import { CONFIG_FIELDS, FieldSpec, GET_TRAINING_JOBS_INPUTS, JOB_OUTPUT_FIELDS, WAIT_FOR_TRAINING_JOBS_INPUTS } from "./fields";

export const PACKAGE_NAME = "metastudio";
export const GET_TRAINING_JOBS_TOKEN = "metastudio:index:getTrainingJobs";
export const WAIT_FOR_TRAINING_JOBS_TOKEN = "metastudio:index:waitForTrainingJobs";
export const TRAINING_JOB_TYPE = "metastudio:index:TrainingJob";
export const SDK_PACKAGE_NAME = "@pulumi-metastudio/metastudio";
export const PYTHON_PACKAGE_NAME = "pulumi_metastudio";
export const JAVA_BASE_PACKAGE = "com.pulumimetastudio";
/** The project's home, named by its Go module path; the SDKs, the registry pages and the plugin download use it. */
export const REPOSITORY = "https://github.com/pulumi-metastudio/pulumi-metastudio";
/**
 * Where the Pulumi CLI downloads the plugin from when a program needs it and the plugin cache
 * lacks it: the GitHub releases of the pulumi-metastudio/pulumi-metastudio repository, whose assets are
 * the `npm run release` tarballs (docs/installation-configuration.md).
 */
export const PLUGIN_DOWNLOAD_URL = "github://api.github.com/pulumi-metastudio";
/** This repository's Go module is rooted at sdk/ (as pulumi-aws's is), the package below it. */
export const GO_IMPORT_BASE_PATH = "github.com/pulumi-metastudio/pulumi-metastudio/sdk/go/metastudio";

type JsonSchemaProperty = Record<string, unknown>;

function property(spec: FieldSpec): JsonSchemaProperty {
  const p: JsonSchemaProperty = spec.type === "stringList" ? { type: "array", items: { type: "string" } } : { type: spec.type };
  p.description = spec.description;
  if (spec.default !== undefined && spec.type !== "stringList") p.default = spec.default;
  if (spec.secret) p.secret = true;
  // gen-sdk turns this into the env fallbacks of every language's SDK, as in pulumi-aws. Not for
  // credentials (pulumi-aws has none there either): the plugin reads those from its environment
  // itself, so that the configured credentials choose the way of logging in and the environment
  // only completes it (a token setup stays one on a machine with HW_ACCESS_KEY), which per-field
  // SDK defaults cannot express; and a credential from the environment never enters the state.
  if (spec.env && !spec.secret) p.defaultInfo = { environment: [...spec.env] };
  return p;
}

function properties(fields: Readonly<Record<string, FieldSpec>>): Record<string, JsonSchemaProperty> {
  return Object.fromEntries(Object.entries(fields).map(([k, spec]) => [k, property(spec)]));
}

const jobList = {
  type: "array",
  items: { $ref: `#/types/${TRAINING_JOB_TYPE}` },
};

export function buildPackageSchema(version: string): Record<string, unknown> {
  const configProps = properties(CONFIG_FIELDS);
  return {
    name: PACKAGE_NAME,
    displayName: "Huawei Cloud MetaStudio",
    version,
    description: "Lists and gates Huawei Cloud MetaStudio virtual-avatar model training jobs.",
    keywords: ["pulumi", "huaweicloud", "metastudio", "category/cloud", "kind/native"],
    license: "Apache-2.0",
    publisher: "pulumi-metastudio contributors",
    homepage: REPOSITORY,
    repository: REPOSITORY,
    pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
    config: { variables: configProps },
    provider: {
      description: "The MetaStudio provider. Every input falls back to the environment variables named in its description.",
      inputProperties: configProps,
    },
    types: {
      [TRAINING_JOB_TYPE]: {
        type: "object",
        description: "A virtual-avatar model training job, as the list API returns it. Absent fields are omitted.",
        properties: Object.fromEntries(Object.entries(JOB_OUTPUT_FIELDS).map(([k, f]) => [k, property(f.spec)])),
        required: Object.entries(JOB_OUTPUT_FIELDS)
          .filter(([, f]) => f.required)
          .map(([k]) => k),
      },
    },
    functions: {
      [GET_TRAINING_JOBS_TOKEN]: {
        description: "Lists MetaStudio training jobs with every filter of the API, paging through all matches " + "(or up to `limit`).",
        inputs: { properties: properties(GET_TRAINING_JOBS_INPUTS) },
        outputs: {
          properties: {
            count: { type: "integer", description: "The service's total of jobs matching the filter (not only those returned)." },
            jobs: { ...jobList, description: "The jobs, in the service's order." },
          },
          required: ["count", "jobs"],
        },
      },
      [WAIT_FOR_TRAINING_JOBS_TOKEN]: {
        description:
          "A gate: passes when every selected job is in a target state (default `JOB_FINISH`), " +
          "waiting up to `timeoutSeconds`; fails at once when a job is in a state that needs a " +
          "person (failed, stopped, rejected), when the time runs out, or when nothing is selected.",
        inputs: { properties: properties(WAIT_FOR_TRAINING_JOBS_INPUTS) },
        outputs: {
          properties: {
            ready: {
              type: "boolean",
              description:
                "Every selected job is in a target state. Always true after `pulumi up` (otherwise the call fails); may be false in a preview, which never waits.",
            },
            jobs: { ...jobList, description: "The selected jobs as last seen." },
            jobIds: { type: "array", items: { type: "string" }, description: "Ids of the selected jobs." },
            assetIds: {
              type: "array",
              items: { type: "string" },
              description: "Model asset ids of the selected jobs that have one, for the deployment that follows.",
            },
            waitedSeconds: { type: "number", description: "How long the gate waited, in seconds, e.g. `42.5`; 0 when it checked once." },
          },
          required: ["ready", "jobs", "jobIds", "assetIds", "waitedSeconds"],
        },
      },
    },
    // What `pulumi package gen-sdk` needs to name each SDK the way users import it.
    // respectSchemaVersion: the SDKs carry this schema's version instead of a placeholder, so
    // their invokes pin the plugin version that `npm run package` builds.
    language: {
      nodejs: {
        packageName: SDK_PACKAGE_NAME,
        packageDescription: "Pulumi SDK for Huawei Cloud MetaStudio training jobs.",
        dependencies: { "@pulumi/pulumi": "^3.142.0" },
        respectSchemaVersion: true,
      },
      python: {
        packageName: PYTHON_PACKAGE_NAME,
        requires: { pulumi: ">=3.142.0,<4.0.0" },
        pyproject: { enabled: true },
        respectSchemaVersion: true,
      },
      go: {
        importBasePath: GO_IMPORT_BASE_PATH,
        respectSchemaVersion: true,
      },
      // pulumi-java's codegen knows two build settings, "gradle" (its default) and "none"; this
      // repository builds Java with Maven, so the SDK is sources only (package
      // com.pulumimetastudio.metastudio) and the Maven project using it compiles them (docs/examples.md).
      java: {
        basePackage: JAVA_BASE_PACKAGE,
        buildFiles: "none",
      },
    },
  };
}
