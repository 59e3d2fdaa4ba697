import { getTrainingJobs, waitForTrainingJobs } from "../../provider/src/core/functions";
import { render, TABLE_SPELLING } from "../../provider/src/schema/text";

const validateGetTrainingJobs = getTrainingJobs.validate;
const validateWaitForTrainingJobs = waitForTrainingJobs.validate;
import { toApiQuery } from "../../provider/src/functions/jobQuery";
import { nearestKnownState, needsPersonToProceed } from "../../provider/src/schema/states";

function failures(args: Record<string, unknown>) {
  const r = validateGetTrainingJobs(args);
  if (r.ok) throw new Error(`expected failures for ${JSON.stringify(args)}`);
  return r.failures.map((f) => ({ property: f.property, reason: render(f.reason, TABLE_SPELLING) }));
}

describe("getTrainingJobs input validation", () => {
  test("defaults apply and every filter is accepted", () => {
    const r = validateGetTrainingJobs({
      states: ["JOB_FINISH", "TRAINING"],
      sortKey: "update_time",
      sortDir: "desc",
      createSince: "2023-12-08T08:30:56Z",
      updateUntil: "2024-01-01T00:00:00+08:00",
      isFlexus: false,
      modelResolution: "4K",
      appUserId: "u1",
    });
    expect(r.ok && r.value).toMatchObject({ offset: 0, pageSize: 100, states: ["JOB_FINISH", "TRAINING"] });
  });

  test.each([
    [{ limit: 0 }, "limit", /limit is 0; expected an integer from 1 to 100000/],
    [{ limit: 100_001 }, "limit", /limit is 100001; expected an integer from 1 to 100000/],
    [{ limit: 2.5 }, "limit", /integer/],
    [{ pageSize: 101 }, "pageSize", /from 1 to 100/],
    [{ offset: -1 }, "offset", /from 0 to 2147483647/],
    [{ offset: "3" }, "offset", /"3"; expected an integer/],
    [{ sortKey: "created" }, "sortKey", /one of create_time, update_time, asset_order/],
    [{ sortDir: "up" }, "sortDir", /one of asc, desc/],
    [{ createSince: "yesterday" }, "createSince", /RFC 3339/],
    [{ updateUntil: "2023-12-08 08:30:56" }, "updateUntil", /RFC 3339/],
    [{ isFlexus: "true" }, "isFlexus", /true or false/],
    [{ modelResolution: "720P" }, "modelResolution", /1080P, 4K/],
    [{ states: "JOB_FINISH" }, "states", /list of known states/],
    [{ states: [] }, "states", /empty list/],
  ])("%j is refused with a failure on %s", (args, property, reason) => {
    const [f] = failures(args);
    expect(f.property).toBe(property);
    expect(f.reason).toMatch(reason);
  });

  test.each([
    [{ createSince: "0000-01-01T00:00:00+01:00" }, "createSince", /outside the years 0000 to 9999/],
    [{ createUntil: "9999-12-31T23:59:59-01:00" }, "createUntil", /outside the years 0000 to 9999/],
    [{ appUserId: "user\r\nX-Injected: 1" }, "appUserId", /appUserId is ".*"; it holds a line break .* sent as an HTTP header/],
    [{ appUserId: "user\u0000" }, "appUserId", /control character/],
    [{ appUserId: "用户" }, "appUserId", /outside ASCII/],
    [{ appUserId: " user" }, "appUserId", /starts or ends with a space/],
    [{ name: "n".repeat(257) }, "name", /expected a string, at most 256 characters/],
    [{ queryProjectId: "../x" }, "queryProjectId", /32 hexadecimal digits/],
    [{ states: Array.from({ length: 101 }, () => "TRAINING") }, "states", /at most 100 of them/],
  ])("%j is refused, naming the field and what is accepted", (args, property, reason) => {
    const [f] = failures(args);
    expect(f.property).toBe(property);
    expect(f.reason).toMatch(reason);
  });

  test("times at the edges that stay in range are sent as they are; fractions beyond ms are dropped", () => {
    const r = validateGetTrainingJobs({
      createSince: "0000-01-01T00:00:00Z",
      createUntil: "9999-12-31T23:59:59Z",
      updateSince: "2023-12-08T08:30:56.123456Z",
    });
    expect(r.ok).toBe(true);
    expect(Object.fromEntries(toApiQuery(r.ok ? r.value : {}).query)).toMatchObject({
      create_since: "0000-01-01T00:00:00Z",
      create_until: "9999-12-31T23:59:59Z",
      update_since: "2023-12-08T08:30:56.123Z",
    });
  });

  test("a 1 MB input is refused in a short failure", () => {
    const [f] = failures({ name: "n".repeat(1_000_000), batch_name: "b".repeat(1_000_000) });
    const all = failures({ name: "n".repeat(1_000_000), ["k".repeat(1_000_000)]: 1 });
    expect(f.reason.length).toBeLessThan(400);
    for (const x of all) expect(x.reason.length + x.property.length).toBeLessThan(1000);
  });

  test("a flood of unknown keys is reported in at most 20 failures", () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const list = failures(many);
    expect(list).toHaveLength(20);
    expect(list[19].reason).toMatch(/and 480 more problems/);
  });

  test('"__proto__" as an input name is refused like any unknown input', () => {
    const [f] = failures(JSON.parse('{"__proto__": {"limit": 5}}'));
    expect(f.reason).toMatch(/__proto__ is not an input of this function/);
  });

  test("a mistyped state names the nearest known one and the accepted list", () => {
    const [f] = failures({ states: ["TRAINING", "JOB_FINSH"] });
    expect(f).toMatchObject({ property: "states" });
    expect(f.reason).toContain('"JOB_FINSH"');
    expect(f.reason).toContain("did you mean JOB_FINISH?");
    expect(f.reason).toContain("WAIT_FILE_UPLOAD");
  });

  test("an unknown input is refused, with a suggestion", () => {
    const [f] = failures({ batch_name: "b" });
    expect(f.property).toBe("batch_name");
    expect(f.reason).toMatch(/not an input of this function \(did you mean batchName\?\)/);
  });

  test("several problems are all reported", () => {
    expect(
      failures({ limit: 0, sortDir: "x", foo: 1 })
        .map((f) => f.property)
        .sort(),
    ).toEqual(["foo", "limit", "sortDir"]);
  });

  test("the gate has its own defaults and limits", () => {
    const r = validateWaitForTrainingJobs({ batchName: "b" });
    expect(r.ok && r.value).toMatchObject({ targetStates: ["JOB_FINISH"], timeoutSeconds: 0, pollIntervalSeconds: 30 });
    const bad = validateWaitForTrainingJobs({ pollIntervalSeconds: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(render(bad.failures[0].reason, TABLE_SPELLING)).toMatch(/pollIntervalSeconds is 0; expected an integer from 1/);
  });
});

describe("API query", () => {
  test("maps filters to the API's names, states comma-joined, app user id as a header", () => {
    const { query, headers } = toApiQuery({
      states: ["JOB_FINISH", "TRAINING"],
      batchName: "b 1",
      isFlexus: false,
      sortKey: "create_time",
      appUserId: "u",
    });
    expect(query).toEqual([
      ["sort_key", "create_time"],
      ["state", "JOB_FINISH,TRAINING"],
      ["batch_name", "b 1"],
      ["is_flexus", "false"],
    ]);
    expect(headers).toEqual({ "X-App-UserId": "u" });
  });
});

describe("states", () => {
  test("which states need a person", () => {
    for (const s of ["TRAIN_FAILED", "MANUAL_STOP_TRAIN", "MANUL_STOP_ACTION_MARK", "JOB_REJECT", "COMPILE_FAILED"]) {
      expect(needsPersonToProceed(s)).toBe(true);
    }
    for (const s of ["TRAINING", "JOB_FINISH", "JOB_PENDING", "WAIT_FILE_UPLOAD", "SOMETHING_NEW"]) {
      expect(needsPersonToProceed(s)).toBe(false);
    }
  });
  test("nearest known state", () => {
    expect(nearestKnownState("job_finsh")).toBe("JOB_FINISH");
    expect(nearestKnownState("TRAINNG")).toBe("TRAINING");
  });
});
