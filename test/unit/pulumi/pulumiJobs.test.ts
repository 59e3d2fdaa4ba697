/** The Pulumi job serializer: the listing's pages, encoded page by page, equal the answer of the plain values. */
import { InvokeResponse } from "@pulumi/pulumi/proto/provider_pb";
import { GET_TRAINING_JOBS, WAIT_FOR_TRAINING_JOBS } from "../../../provider/src/core/declarations";
import { encodeInvokeResponse } from "../../../provider/src/pulumi/invokeResponseEncoding";
import { encodePulumiJobs, pulumiOutputs } from "../../../provider/src/pulumi/pulumiJobs";
import { ApiJob, apiJobSchema } from "../../../provider/src/schema/trainingJob";
import { toTrainingJob } from "../../support/trainingJobOracle";

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

describe("pulumiOutputs", () => {
  test("the accepted pages of a listing, encoded page by page, equal the camelCased jobs", () => {
    // As the pager returns them: the overlap (job 3) kept on the first page only.
    const pages = [[job(1), job(2, { asset_id: "a2" }), job(3)], [job(4), job(5, { optional_training_location: [] })], []];
    const jobs = pages.flat();
    // Pages encoded as they arrived (encodeJobs) and pages without entries give the same answer.
    const encoded = pages.map((p, i) => (i === 1 ? { jobs: p } : { jobs: p, entries: encodePulumiJobs(p) }));
    const bytes = encodeInvokeResponse(pulumiOutputs(GET_TRAINING_JOBS, { count: 5, jobs: encoded }));
    expect(bytes).toEqual(encodeInvokeResponse({ count: 5, jobs: jobs.map(toTrainingJob) }));
    expect(InvokeResponse.deserializeBinary(bytes).getReturn()!.toJavaScript()).toEqual({ count: 5, jobs: jobs.map(toTrainingJob) });
  });

  test("every output of the table is in the answer, in the table's order", () => {
    const jobs = [job(7), job(8)];
    const outputs = pulumiOutputs(WAIT_FOR_TRAINING_JOBS, {
      ready: true,
      jobs: [{ jobs }],
      jobIds: ["j7", "j8"],
      assetIds: [],
      waitedSeconds: 1.5,
    });
    expect(Object.keys(outputs)).toEqual(Object.keys(WAIT_FOR_TRAINING_JOBS.outputs));
    expect(InvokeResponse.deserializeBinary(encodeInvokeResponse(outputs)).getReturn()!.toJavaScript()).toEqual({
      ready: true,
      jobs: jobs.map(toTrainingJob),
      jobIds: ["j7", "j8"],
      assetIds: [],
      waitedSeconds: 1.5,
    });
  });
});
