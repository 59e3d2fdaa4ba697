import { InvokeResponse } from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import {
  EncodedList,
  encodeInvokeResponse,
  encodeRenamedEntries,
  renamedFields,
} from "../../../provider/src/pulumi/invokeResponseEncoding";
import { ApiJob, apiJobSchema, JOB_FIELD_MAPPING } from "../../../provider/src/schema/trainingJob";
import { toTrainingJob } from "../../support/trainingJobOracle";

function decode(bytes: Buffer) {
  const res = InvokeResponse.deserializeBinary(new Uint8Array(bytes));
  return {
    ret: res.getReturn()?.toJavaScript(),
    failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
  };
}

describe("InvokeResponse encoding", () => {
  const sample = {
    count: 3,
    big: 2 ** 40 + 0.5,
    negative: -7,
    empty: "",
    unicode: "模型 é 😀",
    flag: false,
    yes: true,
    nothing: null,
    list: ["a", 1, true, null, { nested: ["x"] }, []],
    jobs: Array.from({ length: 300 }, (_, i) => ({
      jobId: `job-${i}`,
      name: "n".repeat(i),
      tags: i % 2 ? [] : ["t"],
      isFlexus: i % 3 === 0,
    })),
    obj: {},
  };

  test("decodes, with the generated classes, to what went in", () => {
    expect(decode(encodeInvokeResponse(sample))).toEqual({ ret: sample, failures: [] });
  });

  test("matches google-protobuf's Struct.fromJavaScript in size and content", () => {
    const reference = Buffer.from(
      (() => {
        const r = new InvokeResponse();
        r.setReturn(Struct.fromJavaScript(sample));
        return r.serializeBinary();
      })(),
    );
    const ours = encodeInvokeResponse(sample);
    // google-protobuf writes map entries sorted by key, we write them in insertion order: the
    // same entries, so the same length and the same decoded value.
    expect(ours.length).toBe(reference.length);
    expect(decode(ours)).toEqual(decode(reference));
  });

  test("omits undefined fields instead of failing", () => {
    expect(decode(encodeInvokeResponse({ a: 1, b: undefined, c: { d: undefined, e: "x" } })).ret).toEqual({ a: 1, c: { e: "x" } });
  });

  test("encodes failures, with and without a return", () => {
    const failures = [
      { property: "limit", reason: "limit is 0; expected an integer from 1 to 2147483647" },
      { property: "", reason: "whole call" },
    ];
    expect(decode(encodeInvokeResponse(undefined, failures))).toEqual({ ret: undefined, failures });
    expect(decode(encodeInvokeResponse({ x: "y" }, failures.slice(0, 1)))).toEqual({ ret: { x: "y" }, failures: failures.slice(0, 1) });
  });

  test("long strings need multi-byte length prefixes", () => {
    const long = "x".repeat(300_000);
    expect(decode(encodeInvokeResponse({ long })).ret).toEqual({ long });
  });

  test("refuses values a Struct cannot hold", () => {
    expect(() => encodeInvokeResponse({ f: () => 1 })).toThrow(/cannot encode a function/);
  });
});

describe("pre-encoded list entries", () => {
  test("an EncodedList of encodeRenamedEntries gives the same bytes as the values themselves", () => {
    const values: Array<Record<string, unknown>> = [
      { jobId: "a", name: "模型 é", tags: ["x", "y"], isFlexus: true },
      { jobId: "b", name: "n".repeat(300), optionalTrainingLocation: [] },
      { jobId: "c", score: 42.5, nested: [1, [2, { deep: "yes" }]] },
    ];
    const keys = [...new Set(values.flatMap((v) => Object.keys(v)))];
    const entries = encodeRenamedEntries(values, renamedFields(keys.map((k) => [k, k] as const)));
    expect(entries).toHaveLength(values.length);
    expect(encodeInvokeResponse({ count: 3, jobs: new EncodedList(entries) })).toEqual(encodeInvokeResponse({ count: 3, jobs: values }));
    // Entries assembled in another order and subset, as the pager does after dropping overlaps.
    const subset = encodeInvokeResponse({ jobs: new EncodedList([entries[2], entries[0]]) });
    expect(subset).toEqual(encodeInvokeResponse({ jobs: [values[2], values[0]] }));
    expect(encodeInvokeResponse({ jobs: new EncodedList([]) })).toEqual(encodeInvokeResponse({ jobs: [] }));
  });
});

describe("renamed entries", () => {
  test("encoding API jobs under their output names equals encoding the camelCased copies", () => {
    const jobs: ApiJob[] = [
      {
        job_id: "j1",
        name: "模型",
        state: "JOB_FINISH",
        asset_id: "a",
        tags: ["x"],
        is_flexus: false,
        contact: null,
        extra_field: "dropped",
      } as ApiJob,
      { job_id: "j2", name: "n", state: "QUANTUM", optional_training_location: [], cover_download_url: "https://x/" + "u".repeat(2000) },
      { job_id: "j3", name: "", state: "TRAINING", model_version: undefined },
    ];
    // As getTrainingJobs does: zod's output has the schema's key order, whatever the answer's was.
    const validated = jobs.map((j) => apiJobSchema.parse(j)) as Array<Record<string, unknown>>;
    const renamed = encodeRenamedEntries(validated, renamedFields(JOB_FIELD_MAPPING));
    expect(encodeInvokeResponse({ jobs: new EncodedList(renamed) })).toEqual(encodeInvokeResponse({ jobs: jobs.map(toTrainingJob) }));
    const decoded = InvokeResponse.deserializeBinary(encodeInvokeResponse({ jobs: new EncodedList(renamed) }))
      .getReturn()!
      .toJavaScript();
    expect(decoded.jobs).toEqual(jobs.map(toTrainingJob));
  });
});
