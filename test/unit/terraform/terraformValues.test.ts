/** Terraform's wire values and names: msgpack as cty writes it, durations as Go parses them, the shared words renamed. */
import { decode } from "@msgpack/msgpack";
import { parseDurationSeconds } from "../../../provider/src/schema/duration";
import {
  encodeKnown,
  encodeValue,
  fromDynamicValue,
  objectOfParts,
  toDynamicValue,
  UNKNOWN,
} from "../../../provider/src/terraform/dynamicValue";
import { errorAt } from "../../../provider/src/terraform/diagnostics";
import { ReadDataSource_Response } from "../../../provider/src/terraform/generated/tfplugin6";
import { encodeReadDataSourceAnswer } from "../../../provider/src/terraform/readDataSourceAnswer";
import { attributePathOf, snakeCase, TERRAFORM_SPELLING } from "../../../provider/src/terraform/names";
import { encodedJobList, encodeTerraformJobs, jobObject } from "../../../provider/src/terraform/terraformJobs";
import { configKey, inputName, render, SECRET_SENTENCE, text } from "../../../provider/src/schema/text";
import { FieldSpec, JOB_FILTER_FIELDS } from "../../../provider/src/schema/fields";
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
      // Pages encoded as they arrived (encodeJobs) beside a page without entries.
      const first = jobs.slice(0, n >> 1);
      // Pages encoded as they arrived whose jobs were dropped (getTrainingJobs), too.
      const half = jobs.slice(n >> 1);
      const pages = [{ jobs: first, entries: encodeTerraformJobs(first) }, { jobs: [] }, { entries: encodeTerraformJobs(half) }];
      const parts = objectOfParts([
        ["total", encodeKnown(n)],
        ["batch_name", encodeKnown(null)],
        ["jobs", encodedJobList(pages)],
      ]);
      const assembled = Buffer.concat(parts);
      expect(decode(assembled)).toEqual({ total: n, batch_name: null, jobs: jobs.map(jobObject) });
    }
  });

  test("ReadDataSource's answer, written from parts, is the message ts-proto decodes", () => {
    const diagnostics = [errorAt(undefined, "Cannot list", "why"), errorAt(undefined, "And", "more")];
    const small = [Uint8Array.of(0x81), Buffer.from([0xa1, 0x61]), Uint8Array.of(0x01)];
    // A state over 2^21 bytes: its lengths take four-byte varints.
    const big = [Uint8Array.of(0x91), Buffer.alloc(3_000_000, 0xc0)];
    for (const [parts, diags] of [
      [small, []],
      [small, diagnostics],
      [big, []],
      [undefined, diagnostics],
    ] as const) {
      const decoded = ReadDataSource_Response.decode(encodeReadDataSourceAnswer({ stateParts: parts, diagnostics: [...diags] }));
      expect(decoded.state?.msgpack).toEqual(parts ? Buffer.concat(parts) : undefined);
      expect(decoded.state?.json.length ?? 0).toBe(0);
      expect(decoded.diagnostics).toEqual(diags);
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
    for (const [name, spec] of Object.entries<FieldSpec>(JOB_FILTER_FIELDS)) {
      if (spec.query && name !== "states") expect(snakeCase(name)).toBe(spec.query);
    }
    expect(attributePathOf("timeoutSeconds")).toEqual(["timeouts", "create"]);
  });

  test("the shared messages' field references in Terraform's words, the text around them untouched", () => {
    const say = (t: ReturnType<typeof text>) => render(t, TERRAFORM_SPELLING);
    expect(say(text`${configKey("accessKey")} is set but ${configKey("secretKey")} is not`)).toBe(
      "access_key is set but secret_key is not",
    );
    expect(say(text`${inputName("pageSize")} is 0; check ${inputName("jobId")} / ${inputName("batchName")} / ${inputName("states")}`)).toBe(
      "page_size is 0; check job_id / batch_name / states",
    );
    expect(say(text`timed out (${inputName("timeoutSeconds")} 60)`)).toBe("timed out (timeouts.create 60)");
    // Words that merely look like field names are not rewritten.
    expect(say(text`${configKey("region")} is wrong; metastudio:region and batchName stay`)).toBe(
      "region is wrong; metastudio:region and batchName stay",
    );
    expect(say(text`${SECRET_SENTENCE}.`)).toBe("Sensitive.");
  });
});
