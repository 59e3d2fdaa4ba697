/** Filter inputs become the API's query parameters and headers. */
import { toApiQuery, utcTime } from "../../provider/src/functions/jobQuery";

test("each filter goes to its query parameter or header, lists comma-joined, times in UTC", () => {
  const q = toApiQuery({
    states: ["JOB_FINISH", "TRAINING"],
    batchName: "b 1,2",
    isFlexus: false,
    createSince: "2023-12-08T16:30:56+08:00",
    updateUntil: "2023-12-08T08:30:56.250Z",
    appUserId: "user-7",
  });
  expect(Object.fromEntries(q.query)).toEqual({
    state: "JOB_FINISH,TRAINING",
    batch_name: "b 1,2",
    is_flexus: "false",
    create_since: "2023-12-08T08:30:56Z",
    update_until: "2023-12-08T08:30:56.250Z",
  });
  expect(q.headers).toEqual({ "X-App-UserId": "user-7" });
});

test("utcTime keeps the instant", () => {
  expect(utcTime("2024-01-01T00:00:00-05:30")).toBe("2024-01-01T05:30:00Z");
  expect(utcTime("2024-01-01T00:00:00Z")).toBe("2024-01-01T00:00:00Z");
});
