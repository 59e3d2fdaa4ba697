/**
 * The response of the list API, validated with zod (extra fields are tolerated and dropped). The
 * job's schema is built from JOB_OUTPUT_FIELDS, so a field added to that table is read from the
 * answer, typed and returned by both protocols, or by neither.
 */
import { z } from "zod";
import { MAX_INT32, FieldType } from "./fields";
import { JOB_OUTPUT_FIELDS, JobFieldSpec, JobOf } from "./outputs";

/** A job as the list API returns it, once validated: its fields under the API's names. */
export type ApiJob = JobOf<typeof JOB_OUTPUT_FIELDS>;

const VALUE_RULES: Readonly<Record<FieldType, () => z.ZodType>> = {
  string: () => z.string(),
  boolean: () => z.boolean(),
  stringList: () => z.array(z.string()),
  integer: () => z.number().int(),
};

const jobShape = Object.fromEntries(
  Object.values<JobFieldSpec>(JOB_OUTPUT_FIELDS).map((f) => {
    const rule = VALUE_RULES[f.spec.type]();
    return [f.api, f.required ? rule : rule.nullish()] as const;
  }),
);

// The shape is the table's, field for field; zod cannot see that through Object.fromEntries, so
// the parsed type is named here once (trainingJob.test checks every field of the table parses).
export const apiJobSchema = z.object(jobShape) as unknown as z.ZodType<ApiJob>;

export const listJobsResponseSchema = z.object({
  // An int32 in the API's definition: a count beyond it is not an answer of this API.
  count: z.number().int().min(0).max(MAX_INT32),
  jobs: z.array(apiJobSchema),
});

export type ListJobsResponse = z.infer<typeof listJobsResponseSchema>;

/** API field name -> output field name, in the schema's order. */
export const JOB_FIELD_MAPPING: ReadonlyArray<readonly [string, string]> = Object.entries<JobFieldSpec>(JOB_OUTPUT_FIELDS).map(
  ([out, f]) => [f.api, out] as const,
);

/** Explains a zod failure of a response in one line, naming where the answer was wrong. */
export function describeResponseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(body)"}: ${i.message}`)
    .join("; ");
}
