/** Terraform's wire values and names: msgpack as cty writes it, durations as Go parses them, the shared words renamed. */
import { decode } from "@msgpack/msgpack";
import { parseDurationSeconds } from "../../../provider/src/terraform/duration";
import {
  encodeKnown,
  encodeObjectOfParts,
  encodeValue,
  fromDynamicValue,
  toDynamicValue,
  UNKNOWN,
} from "../../../provider/src/terraform/dynamicValue";
import { attributePathOf, snakeCase, terraformWording } from "../../../provider/src/terraform/names";
import { jobObject, TerraformJobEntries } from "../../../provider/src/terraform/terraformJobs";
import { JOB_FILTER_FIELDS } from "../../../provider/src/schema/fields";
import { apiJobSchema } from "../../../provider/src/schema/trainingJob";

describe("msgpack values", () => {
  test("an unknown is cty's fixext1 of type 0, and reads back as unknown (refined ones too)", () => {
    expect([...encodeValue(UNKNOWN)]).toEqual([0xd4, 0, 0]);
    expect(fromDynamicValue(toDynamicValue({ a: [UNKNOWN, "x"], b: null }))).toEqual({ a: [UNKNOWN, "x"], b: null });
    // cty's refined unknown: extension 12 with a map of refinements.
    expect(fromDynamicValue({ msgpack: Buffer.from([0xc7, 3, 12, 0x81, 1, 0xc2]), json: Buffer.alloc(0) })).toBe(UNKNOWN);
  });

  test("JSON DynamicValues (older clients) and empty ones read too", () => {
    expect(fromDynamicValue({ msgpack: Buffer.alloc(0), json: Buffer.from('{"a":1}') })).toEqual({ a: 1 });
    expect(fromDynamicValue({ msgpack: Buffer.alloc(0), json: Buffer.alloc(0) })).toBeNull();
  });

  test("an object assembled from parts encoded earlier decodes like the whole object", () => {
    for (const n of [0, 3, 15, 16, 70000]) {
      const jobs = Array.from({ length: n }, (_, i) =>
        apiJobSchema.parse({ job_id: `j${i}`, name: "模型", state: "TRAINING", tags: ["a"] }),
      );
      const entries = new TerraformJobEntries();
      entries.addPage(jobs.slice(0, n >> 1));
      const assembled = encodeObjectOfParts([
        ["total", encodeKnown(n)],
        ["batch_name", encodeKnown(null)],
        ["jobs", entries.list(jobs)],
      ]);
      expect(decode(assembled)).toEqual({ total: n, batch_name: null, jobs: jobs.map(jobObject) });
    }
  });

  test("a job carries every attribute, absent or null ones as null", () => {
    const job = jobObject(apiJobSchema.parse({ job_id: "j", name: "n", state: "JOB_FINISH", contact: null, extra: 1 }));
    expect(job).toMatchObject({ job_id: "j", contact: null, asset_id: null, tags: null, is_flexus: null });
    expect(Object.keys(job)).toHaveLength(22);
  });
});

describe("durations", () => {
  test.each([
    ["30s", 30],
    ["10m", 600],
    ["1h30m", 5400],
    ["1.5h", 5400],
    ["500ms", 0.5],
    ["0", 0],
    ["2h0m0s", 7200],
  ])("%s is %d s", (text, seconds) => expect(parseDurationSeconds(text)).toBe(seconds));
  test.each(["", "10", "ten minutes", "1d", "m", "-5m", "1h 30m"])("%j is not a duration", (text) =>
    expect(parseDurationSeconds(text)).toBeUndefined(),
  );
});

describe("names", () => {
  test("each filter's Terraform name is its API query name (states excepted: a list, sent as state)", () => {
    for (const [name, spec] of Object.entries(JOB_FILTER_FIELDS)) {
      if (spec.query && name !== "states") expect(snakeCase(name)).toBe(spec.query);
    }
    expect(attributePathOf("timeoutSeconds")).toEqual(["timeouts", "create"]);
  });

  test("the shared messages in Terraform's words", () => {
    expect(terraformWording("metastudio:accessKey is set but metastudio:secretKey is not")).toBe("access_key is set but secret_key is not");
    expect(terraformWording('pageSize is 0; filters: {"batchName":"x"}; check jobId / batchName / states')).toBe(
      'page_size is 0; filters: {"batch_name":"x"}; check job_id / batch_name / states',
    );
    expect(terraformWording("timed out (timeoutSeconds 60)")).toBe("timed out (timeouts.create 60)");
    expect(terraformWording("metastudio:region is wrong")).toBe("region is wrong");
  });
});
