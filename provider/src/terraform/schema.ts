/**
 * The provider's Terraform schema (GetProviderSchema), built from the same declarations and field
 * tables as the Pulumi schema and the validators, under Terraform's snake_case names.
 */
import { GET_TRAINING_JOBS, WAIT_FOR_TRAINING_JOBS } from "../core/declarations";
import { CONFIG_FIELDS, FieldSpec, FieldTable, JOB_FILTER_FIELDS, WAIT_FIELDS } from "../schema/fields";
import { JOB_OUTPUT_FIELDS, JobFieldSpec, OutputSpec } from "../schema/outputs";
import { render, Text } from "../schema/text";
import {
  Schema,
  Schema_Attribute,
  Schema_Block,
  Schema_NestedBlock_NestingMode,
  Schema_Object_NestingMode,
  StringKind,
} from "./generated/tfplugin6";
import { snakeCase, TERRAFORM_SPELLING } from "./names";

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
  description: Text,
  flags: Flags,
  nestedType?: Schema_Attribute["nestedType"],
): Schema_Attribute {
  return {
    name,
    type: type === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(type)),
    nestedType,
    description: render(description, TERRAFORM_SPELLING),
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

function fieldAttributes(fields: FieldTable, flags: Flags): Schema_Attribute[] {
  return Object.entries(fields).map(([name, spec]) =>
    attribute(snakeCase(name), ctyTypeOf(spec), spec.description, { ...flags, sensitive: spec.secret }),
  );
}

function block(attributes: Schema_Attribute[], description: Text, blockTypes: Schema_Block["blockTypes"] = []): Schema_Block {
  return {
    version: 0,
    attributes,
    blockTypes,
    description: render(description, TERRAFORM_SPELLING),
    descriptionKind: StringKind.MARKDOWN,
    deprecated: false,
    deprecationMessage: "",
  };
}

/** A job as the list API returns it, under the API's own (snake_case) names; absent fields are null. */
export const JOB_ATTRIBUTES: ReadonlyArray<readonly [name: string, spec: FieldSpec]> = Object.values<JobFieldSpec>(JOB_OUTPUT_FIELDS).map(
  (f) => [f.api, f.spec] as const,
);

/** A function's output as a computed attribute: its Terraform name and cty type. */
function outputAttribute(name: string, spec: OutputSpec): Schema_Attribute {
  const attr = spec.terraformName ?? snakeCase(name);
  switch (spec.type) {
    case "jobs":
      return attribute(
        attr,
        undefined,
        spec.description,
        { computed: true },
        {
          attributes: JOB_ATTRIBUTES.map(([job, field]) => attribute(job, ctyTypeOf(field), field.description, { computed: true })),
          nesting: Schema_Object_NestingMode.LIST,
          minItems: 0,
          maxItems: 0,
        },
      );
    case "stringList":
      return attribute(attr, ["list", "string"], spec.description, { computed: true });
    case "boolean":
      return attribute(attr, "bool", spec.description, { computed: true });
    default:
      return attribute(attr, "number", spec.description, { computed: true });
  }
}

function outputAttributes(outputs: Readonly<Record<string, OutputSpec>>): Schema_Attribute[] {
  return Object.entries(outputs)
    .filter(([, spec]) => !spec.pulumiOnly)
    .map(([name, spec]) => outputAttribute(name, spec));
}

/** The Terraform attribute of each output of a function (`count` is `total`, Terraform's meta-argument). */
export function outputAttributeName(outputs: Readonly<Record<string, OutputSpec>>, name: string): string {
  return outputs[name].terraformName ?? snakeCase(name);
}

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
    [...fieldAttributes(GET_TRAINING_JOBS.inputs, { optional: true }), ...outputAttributes(GET_TRAINING_JOBS.outputs)],
    GET_TRAINING_JOBS.description,
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
      ...outputAttributes(WAIT_FOR_TRAINING_JOBS.outputs),
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
