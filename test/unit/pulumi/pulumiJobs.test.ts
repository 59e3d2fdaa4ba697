/** The Pulumi job serializer: entries prepared page by page assemble into the answer of the plain values. */
import { InvokeResponse } from "@pulumi/pulumi/proto/provider_pb";
import { encodeInvokeResponse } from "../../../provider/src/pulumi/invokeResponseEncoding";
import { PulumiJobEntries, pulumiOutputs } from "../../../provider/src/pulumi/pulumiJobs";
import { ApiJob, apiJobSchema, toTrainingJob } from "../../../provider/src/schema/trainingJob";

const job = (i: number, extra: Partial<ApiJob> = {}): ApiJob =>
  apiJobSchema.parse({
    job_id: `j${i}`,
    name: `模型 ${i}`,
    state: i % 2 ? "TRAINING" : "JOB_FINISH",
    tags: [`t${i}`],
    is_flexus: i % 3 === 0,
    contact: null,
    ...extra,
  });

describe("PulumiJobEntries", () => {
  test("pages encoded as they arrive, then a subset in another order, equal the camelCased jobs", () => {
    const pageA = [job(1), job(2, { asset_id: "a2" }), job(3)];
    const pageB = [job(3), job(4), job(5, { optional_training_location: [] })];
    const entries = new PulumiJobEntries();
    entries.addPage(pageA);
    entries.addPage(pageB);
    // As the pager returns them: the overlap (job 3) taken once, from the first page.
    const jobs = [pageA[0], pageA[1], pageA[2], pageB[1], pageB[2]];
    const bytes = encodeInvokeResponse(pulumiOutputs({ count: 5, jobs }, entries));
    expect(bytes).toEqual(encodeInvokeResponse({ count: 5, jobs: jobs.map(toTrainingJob) }));
    expect(InvokeResponse.deserializeBinary(bytes).getReturn()!.toJavaScript()).toEqual({ count: 5, jobs: jobs.map(toTrainingJob) });
  });

  test("jobs no page announced are encoded when the answer is assembled", () => {
    const jobs = [job(7), job(8)];
    const entries = new PulumiJobEntries();
    entries.addPage([jobs[0]]);
    expect(encodeInvokeResponse(pulumiOutputs({ ready: true, jobs }, entries))).toEqual(
      encodeInvokeResponse({ ready: true, jobs: jobs.map(toTrainingJob) }),
    );
  });
});
