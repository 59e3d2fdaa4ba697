/**
 * The Pulumi package schema, built from the field tables. `npm run gen-schema` writes it to
 * provider/schema.json (checked in, served by GetSchema); a test fails when the two differ.
 */
import { DECLARATIONS } from "../core/declarations";
import { CONFIG_FIELDS, FieldSpec, FieldTable } from "../schema/fields";
import { JOB_OUTPUT_FIELDS, JobFieldSpec, OutputSpec } from "../schema/outputs";
import { render, Text } from "../schema/text";
import { functionToken, PACKAGE_NAME, TRAINING_JOB_TYPE } from "./names";
import { PULUMI_SCHEMA_SPELLING } from "./spelling";

export const SDK_PACKAGE_NAME = "@pulumi-metastudio/metastudio";
export const PYTHON_PACKAGE_NAME = "pulumi_metastudio";
export const JAVA_BASE_PACKAGE = "com.pulumimetastudio";
/** This repository's Go module is rooted at sdk/ (as pulumi-aws's is), the package below it. */
export const GO_IMPORT_BASE_PATH = "github.com/pulumi-metastudio/pulumi-metastudio/sdk/go/metastudio";

type JsonSchemaProperty = Record<string, unknown>;

const described = (t: Text) => render(t, PULUMI_SCHEMA_SPELLING);

function property(spec: FieldSpec): JsonSchemaProperty {
  const p: JsonSchemaProperty = spec.type === "stringList" ? { type: "array", items: { type: "string" } } : { type: spec.type };
  p.description = described(spec.description);
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

function properties(fields: FieldTable): Record<string, JsonSchemaProperty> {
  return Object.fromEntries(Object.entries(fields).map(([k, spec]) => [k, property(spec)]));
}

function outputProperty(spec: OutputSpec): JsonSchemaProperty {
  const description = described(spec.description);
  switch (spec.type) {
    case "jobs":
      return { type: "array", items: { $ref: `#/types/${TRAINING_JOB_TYPE}` }, description };
    case "stringList":
      return { type: "array", items: { type: "string" }, description };
    default:
      return { type: spec.type, description };
  }
}

/** Every output of a function is always there. */
function outputs(table: Readonly<Record<string, OutputSpec>>): Record<string, unknown> {
  return {
    properties: Object.fromEntries(Object.entries(table).map(([k, spec]) => [k, outputProperty(spec)])),
    required: Object.keys(table),
  };
}

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
    config: { variables: configProps },
    provider: {
      description: "The MetaStudio provider. Every input falls back to the environment variables named in its description.",
      inputProperties: configProps,
    },
    types: {
      [TRAINING_JOB_TYPE]: {
        type: "object",
        description: "A virtual-avatar model training job, as the list API returns it. Absent fields are omitted.",
        properties: Object.fromEntries(Object.entries<JobFieldSpec>(JOB_OUTPUT_FIELDS).map(([k, f]) => [k, property(f.spec)])),
        required: Object.entries<JobFieldSpec>(JOB_OUTPUT_FIELDS)
          .filter(([, f]) => f.required)
          .map(([k]) => k),
      },
    },
    functions: Object.fromEntries(
      DECLARATIONS.map((d) => [
        functionToken(d.name),
        { description: described(d.description), inputs: { properties: properties(d.inputs) }, outputs: outputs(d.outputs) },
      ]),
    ),
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
