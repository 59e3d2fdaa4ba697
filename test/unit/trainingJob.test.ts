/** The list API's job schema is built from JOB_OUTPUT_FIELDS: every field of the table is read, typed, and nothing else. */
import { JOB_OUTPUT_FIELDS, JobFieldSpec } from "../../provider/src/schema/outputs";
import { apiJobSchema } from "../../provider/src/schema/trainingJob";

const sample = { string: "v", boolean: true, stringList: ["a", "b"], integer: 3 };

describe("the job schema", () => {
  const fields = Object.values<JobFieldSpec>(JOB_OUTPUT_FIELDS);
  const full = Object.fromEntries(fields.map((f) => [f.api, sample[f.spec.type]]));

  test("a job with every field of the table parses to itself; fields outside the table are dropped", () => {
    expect(apiJobSchema.parse({ ...full, not_in_the_table: 1 })).toEqual(full);
  });

  test("each field is checked with its table's type; the required ones must be there, the others may be null", () => {
    for (const f of fields) {
      const wrong = { ...full, [f.api]: f.spec.type === "string" ? 5 : "x" };
      expect(apiJobSchema.safeParse(wrong).success).toBe(false);
      const without: Record<string, unknown> = { ...full };
      delete without[f.api];
      expect(apiJobSchema.safeParse(without).success).toBe(!f.required);
      if (!f.required) expect(apiJobSchema.safeParse({ ...full, [f.api]: null }).success).toBe(true);
    }
    expect(fields.filter((f) => f.required).map((f) => f.api)).toEqual(["job_id", "name", "state"]);
  });
});
