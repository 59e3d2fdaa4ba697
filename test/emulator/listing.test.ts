/**
 * Filters, sorting, paging and validation of the emulator's list API, each checked against a
 * brute-force expectation computed from its data.
 */
import { Emulator, startEmulator } from "../../emulator/src";
import { SEED_JOBS } from "../../emulator/src/seedJobs";
import { get, jobsPath, listAll, queryString } from "./support";

const TOKEN = "listing-test-token";
type Job = Record<string, any>;

const ms = (t: unknown) => Date.parse(String(t));
const ids = (jobs: Job[]) => jobs.map((j) => j.job_id);

describe("default data", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, token: TOKEN });
  });
  afterAll(() => emulator.stop());

  test("the first default page is the published answer: count 101, the same ten jobs in the same order", async () => {
    const a = await get(emulator, jobsPath(emulator), { "X-Auth-Token": TOKEN });
    expect(a.status).toBe(200);
    expect(a.json()).toEqual({ count: 101, jobs: SEED_JOBS });
  });

  test("the data covers many states, batches, tags, both resolutions, Flexus and not", () => {
    const all = emulator.store.all();
    expect(all).toHaveLength(101);
    expect(new Set(all.map((j) => j.state)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((j) => j.batch_name).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(all.flatMap((j) => (j.tags as string[] | undefined) ?? [])).size).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((j) => j.model_resolution).filter(Boolean))).toEqual(new Set(["1080P", "4K"]));
    expect(new Set(all.map((j) => j.is_flexus))).toEqual(new Set([true, false, undefined]));
  });
});

describe("filters and sorting on 1,500 synthetic jobs", () => {
  let emulator: Emulator;
  let all: Job[];
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, token: TOKEN, jobs: 1500, seed: 77 });
    all = emulator.store.all();
  });
  afterAll(() => emulator.stop());

  const byUpdateDesc = (a: Job, b: Job) => ms(b.last_update_time) - ms(a.last_update_time) || (a.job_id < b.job_id ? -1 : 1);

  test("each filter returns exactly the brute-force selection, in the default order", async () => {
    const sample = all[700];
    const someTag = all.find((j) => j.tags?.length)!.tags[0];
    const someLocation = all.find((j) => j.optional_training_location)!.optional_training_location[0];
    const someApp = all.find((j) => j.app_user_id);
    const mid = [...all].sort((a, b) => ms(a.create_time) - ms(b.create_time))[750].create_time;
    const midUpdate = [...all].sort((a, b) => ms(a.last_update_time) - ms(b.last_update_time))[300].last_update_time;
    const cases: Array<[Record<string, string>, (j: Job) => boolean]> = [
      [{ state: "JOB_FINISH" }, (j) => j.state === "JOB_FINISH"],
      [{ state: "TRAINING,TRAIN_FAILED,JOB_REJECT" }, (j) => ["TRAINING", "TRAIN_FAILED", "JOB_REJECT"].includes(j.state)],
      [{ batch_name: sample.batch_name ?? "batch-001" }, (j) => j.batch_name === (sample.batch_name ?? "batch-001")],
      [{ tag: someTag }, (j) => (j.tags ?? []).includes(someTag)],
      [{ job_id: sample.job_id }, (j) => j.job_id === sample.job_id],
      [{ name: sample.name }, (j) => j.name === sample.name],
      [{ model_resolution: "4K" }, (j) => j.model_resolution === "4K"],
      [{ is_flexus: "true" }, (j) => j.is_flexus === true],
      [{ is_flexus: "false" }, (j) => !j.is_flexus],
      [{ is_live_copy: "true" }, (j) => j.is_live_copy === true],
      [{ is_ondemand_resource: "false" }, (j) => !j.is_ondemand_resource],
      [{ train_location: someLocation }, (j) => (j.optional_training_location ?? []).includes(someLocation)],
      [{ query_project_id: emulator.projectId }, () => true],
      [{ query_project_id: "another-project" }, () => false],
      [{ create_since: mid }, (j) => ms(j.create_time) >= ms(mid)],
      [{ create_until: mid }, (j) => ms(j.create_time) <= ms(mid)],
      [{ create_since: mid, create_until: mid }, (j) => j.create_time === mid],
      [{ update_since: midUpdate }, (j) => ms(j.last_update_time) >= ms(midUpdate)],
      [{ update_until: midUpdate.replace("Z", "+00:00") }, (j) => ms(j.last_update_time) <= ms(midUpdate)],
      [
        { state: "JOB_FINISH", is_flexus: "false", model_resolution: "1080P" },
        (j) => j.state === "JOB_FINISH" && !j.is_flexus && j.model_resolution === "1080P",
      ],
    ];
    expect(someApp).toBeDefined();
    for (const [query, keep] of cases) {
      const expected = all.filter(keep).sort(byUpdateDesc);
      const got = await listAll(emulator, query, TOKEN);
      expect({ query, count: got.count, ids: ids(got.jobs) }).toEqual({ query, count: expected.length, ids: ids(expected) });
    }
    // The data makes the cases meaningful: most select some jobs but not all.
    const sizes = cases.map(([, keep]) => all.filter(keep).length);
    expect(sizes.filter((n) => n > 0 && n < all.length).length).toBeGreaterThanOrEqual(15);
  });

  test("sorting by create time, update time and asset order, both ways, ties broken by job id", async () => {
    const tiebreak = (a: Job, b: Job) => (a.job_id < b.job_id ? -1 : a.job_id > b.job_id ? 1 : 0);
    const order = new Map(all.map((j, i) => [j.job_id, i]));
    const keys: Record<string, (j: Job) => number> = {
      create_time: (j) => ms(j.create_time),
      update_time: (j) => ms(j.last_update_time),
      asset_order: (j) => order.get(j.job_id)!,
    };
    for (const [key, value] of Object.entries(keys)) {
      for (const dir of ["asc", "desc"]) {
        const sign = dir === "asc" ? 1 : -1;
        const expected = [...all].sort((a, b) => sign * (value(a) - value(b)) || tiebreak(a, b));
        const got = await listAll(emulator, { sort_key: key, sort_dir: dir }, TOKEN);
        expect({ key, dir, ids: ids(got.jobs) }).toEqual({ key, dir, ids: ids(expected) });
      }
    }
    const ascByDefault = await listAll(emulator, { sort_key: "create_time" }, TOKEN);
    expect(ids(ascByDefault.jobs)).toEqual(ids([...all].sort((a, b) => ms(a.create_time) - ms(b.create_time) || tiebreak(a, b))));
  });

  test("count is the total matching; offset and limit cut the page; default limit is 10", async () => {
    const expected = [...all].sort(byUpdateDesc);
    const page = await get(emulator, jobsPath(emulator) + queryString({ offset: "1495", limit: "100" }), { "X-Auth-Token": TOKEN });
    expect(page.json().count).toBe(1500);
    expect(ids(page.json().jobs)).toEqual(ids(expected.slice(1495)));
    const beyond = await get(emulator, jobsPath(emulator) + queryString({ offset: "2147483647" }), { "X-Auth-Token": TOKEN });
    expect(beyond.json()).toEqual({ count: 1500, jobs: [] });
    const dflt = await get(emulator, jobsPath(emulator), { "X-Auth-Token": TOKEN });
    expect(dflt.json().jobs).toHaveLength(10);
    const odd = await listAll(emulator, {}, TOKEN, 7);
    expect(odd.pages).toBe(Math.ceil(1500 / 7));
    expect(ids(odd.jobs)).toEqual(ids(expected));
  });

  test("jobs changed through the programmatic API show up in the next answer", async () => {
    const victim = all[3].job_id;
    emulator.store.setState(victim, "JOB_FINISH");
    const moved = await listAll(emulator, { job_id: victim }, TOKEN);
    expect(moved.jobs[0].state).toBe("JOB_FINISH");
    expect(ms(moved.jobs[0].last_update_time)).toBeGreaterThan(ms(all[3].last_update_time));
    emulator.store.add({ job_id: "a".repeat(32), name: "new one", state: "WAIT_FILE_UPLOAD" });
    expect((await listAll(emulator, {}, TOKEN)).count).toBe(1501);
    emulator.store.remove("a".repeat(32));
    expect((await listAll(emulator, { job_id: "a".repeat(32) }, TOKEN)).count).toBe(0);
  });
});

describe("validation like the service: 400 MSS.00000003 naming the parameter", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, token: TOKEN, jobs: 5 });
  });
  afterAll(() => emulator.stop());

  test.each([
    ["offset", "-1"],
    ["offset", "2147483648"],
    ["offset", "1.5"],
    ["limit", "0"],
    ["limit", "101"],
    ["limit", "ten"],
    ["sort_key", "name"],
    ["sort_dir", "up"],
    ["is_flexus", "yes"],
    ["is_live_copy", "1"],
    ["is_ondemand_resource", "TRUE"],
    ["create_since", "2023-12-08"],
    ["create_until", "yesterday"],
    ["update_since", "2023-12-08 08:30:56"],
    ["update_until", "2023-13-45T99:00:00Z"],
    ["model_resolution", "8K"],
    ["state", "JOB_FINISH,,TRAINING"],
  ])("%s=%s", async (name, value) => {
    const a = await get(emulator, jobsPath(emulator) + queryString({ [name]: value }), { "X-Auth-Token": TOKEN });
    expect(a.status).toBe(400);
    expect(a.json().error_code).toBe("MSS.00000003");
    expect(a.json().error_msg).toContain(name);
    expect(a.json().error_msg).toContain(value);
  });

  test("the edges of each range are accepted", async () => {
    for (const q of <Array<Record<string, string>>>[
      { offset: "0" },
      { offset: "2147483647" },
      { limit: "1" },
      { limit: "100" },
      { create_since: "2023-12-08T08:30:56.123+08:00" },
    ]) {
      expect((await get(emulator, jobsPath(emulator) + queryString(q), { "X-Auth-Token": TOKEN })).status).toBe(200);
    }
  });
});
