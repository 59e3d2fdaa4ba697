/**
 * The provider's Terraform schema (GetProviderSchema), built from the same field tables as the
 * Pulumi schema and the validators, under Terraform's snake_case names.
 */
import { CONFIG_FIELDS, FieldSpec, GET_TRAINING_JOBS_INPUTS, JOB_FILTER_FIELDS, JOB_OUTPUT_FIELDS, WAIT_FIELDS } from "../schema/fields";
import {
  Schema,
  Schema_Attribute,
  Schema_Block,
  Schema_NestedBlock_NestingMode,
  Schema_Object_NestingMode,
  StringKind,
} from "./generated/tfplugin6";
import { snakeCase, terraformWording } from "./names";

export const PROVIDER_NAME = "metastudio";
export const TRAINING_JOBS_DATA_SOURCE = "metastudio_training_jobs";
export const GATE_RESOURCE = "metastudio_training_jobs_gate";

/** cty type constraints, as Terraform reads them from the schema (JSON). */
export type CtyType = "string" | "number" | "bool" | ["list", CtyType] | ["object", Record<string, CtyType>];

export function ctyTypeOf(spec: FieldSpec): CtyType {
  switch (spec.type) {
    case "integer":
      return "number";
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "stringList":
      return ["list", "string"];
  }
}

type Flags = Partial<Pick<Schema_Attribute, "required" | "optional" | "computed" | "sensitive">>;

function attribute(
  name: string,
  type: CtyType | undefined,
  description: string,
  flags: Flags,
  nestedType?: Schema_Attribute["nestedType"],
): Schema_Attribute {
  return {
    name,
    type: type === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(type)),
    nestedType,
    description: terraformWording(description),
    required: flags.required ?? false,
    optional: flags.optional ?? false,
    computed: flags.computed ?? false,
    sensitive: flags.sensitive ?? false,
    descriptionKind: StringKind.MARKDOWN,
    deprecated: false,
    writeOnly: false,
    deprecationMessage: "",
  };
}

function fieldAttributes(fields: Readonly<Record<string, FieldSpec>>, flags: Flags): Schema_Attribute[] {
  return Object.entries(fields).map(([name, spec]) =>
    attribute(snakeCase(name), ctyTypeOf(spec), spec.description, { ...flags, sensitive: spec.secret }),
  );
}

function block(attributes: Schema_Attribute[], description: string, blockTypes: Schema_Block["blockTypes"] = []): Schema_Block {
  return {
    version: 0,
    attributes,
    blockTypes,
    description,
    descriptionKind: StringKind.MARKDOWN,
    deprecated: false,
    deprecationMessage: "",
  };
}

/** A job as the list API returns it, under the API's own (snake_case) names; absent fields are null. */
export const JOB_ATTRIBUTES: ReadonlyArray<readonly [name: string, spec: FieldSpec]> = Object.values(JOB_OUTPUT_FIELDS).map(
  (f) => [f.api, f.spec] as const,
);

export const JOB_OBJECT_TYPE: CtyType = ["object", Object.fromEntries(JOB_ATTRIBUTES.map(([name, spec]) => [name, ctyTypeOf(spec)]))];

const jobsAttribute = attribute(
  "jobs",
  undefined,
  "The jobs, in the service's order.",
  { computed: true },
  {
    attributes: JOB_ATTRIBUTES.map(([name, spec]) => attribute(name, ctyTypeOf(spec), spec.description, { computed: true })),
    nesting: Schema_Object_NestingMode.LIST,
    minItems: 0,
    maxItems: 0,
  },
);

export const providerSchema: Schema = {
  version: 0,
  block: block(
    fieldAttributes(CONFIG_FIELDS, { optional: true }),
    "Huawei Cloud MetaStudio training jobs. Every setting falls back to the environment variables named in its description; credentials are sensitive.",
  ),
};

export const trainingJobsDataSourceSchema: Schema = {
  version: 0,
  block: block(
    [
      ...fieldAttributes(GET_TRAINING_JOBS_INPUTS, { optional: true }),
      attribute("total", "number", "The service's total of jobs matching the filter (not only those returned).", { computed: true }),
      jobsAttribute,
    ],
    "Lists MetaStudio training jobs with every filter of the API, paging through all matches (or up to `limit`).",
  ),
};

/** The gate's attributes that select jobs: a change to any of them replaces the gate. */
export const GATE_SELECTION_FIELDS: Readonly<Record<string, FieldSpec>> = { ...JOB_FILTER_FIELDS, targetStates: WAIT_FIELDS.targetStates };

export const gateResourceSchema: Schema = {
  version: 0,
  block: block(
    [
      attribute("id", "string", "Identifies this pass of the gate.", { computed: true }),
      ...fieldAttributes(JOB_FILTER_FIELDS, { optional: true }),
      attribute("target_states", ["list", "string"], WAIT_FIELDS.targetStates.description, { optional: true, computed: true }),
      attribute("poll_interval_seconds", "number", WAIT_FIELDS.pollIntervalSeconds.description, { optional: true, computed: true }),
      attribute("ready", "bool", "Every selected job was in a target state when the gate passed.", { computed: true }),
      attribute("job_ids", ["list", "string"], "Ids of the selected jobs.", { computed: true }),
      attribute("asset_ids", ["list", "string"], "Model asset ids of the selected jobs that have one, for the deployment that follows.", {
        computed: true,
      }),
      attribute("waited_seconds", "number", "How long the gate waited.", { computed: true }),
    ],
    "A deployment gate: created once every selected job is in a target state (default `JOB_FINISH`). " +
      "`tofu plan` never waits; `apply` waits up to `timeouts.create` (without it, checks once), and fails at once, naming the jobs, " +
      "when one failed, was stopped or rejected, or when nothing is selected. A change of the selection replaces the gate.",
    [
      {
        typeName: "timeouts",
        nesting: Schema_NestedBlock_NestingMode.SINGLE,
        minItems: 0,
        maxItems: 0,
        block: block(
          [
            attribute(
              "create",
              "string",
              "How long apply waits for the jobs, as a duration such as `30m` or `1h30m`; without it the gate checks once.",
              { optional: true },
            ),
          ],
          "Terraform's time limits for this resource.",
        ),
      },
    ],
  ),
};
