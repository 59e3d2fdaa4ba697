/**
 * The Terraform provider driven over tfplugin6 as Terraform drives it (mTLS, msgpack values with
 * every attribute present), started in-process, against the emulator over HTTP.
 */
import { describeDiagnostics, TerraformPlugin } from "../../harness/terraform/terraformClient";
import type { TfObject } from "../../provider/src/terraform/dynamicValue";
import { UNKNOWN } from "../../provider/src/terraform/dynamicValue";
import { AK, Emulator, GATE, JOBS, providerBlock, SK, startEmulator } from "./support";

const hex = (c: string) => c.repeat(32);

describe("Terraform provider over tfplugin6", () => {
  let emulator: Emulator;
  let plugin: TerraformPlugin;
  let requests = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, jobs: 230, seed: 5 });
    emulator.onRequest(() => requests++);
    emulator.store.add({ job_id: hex("a"), name: "done-1", state: "JOB_FINISH", batch_name: "tf-ok", asset_id: "asset-a" });
    emulator.store.add({ job_id: hex("b"), name: "done-2", state: "JOB_FINISH", batch_name: "tf-ok", asset_id: "asset-b" });
    emulator.store.add({ job_id: hex("c"), name: "broken", state: "TRAIN_FAILED", batch_name: "tf-bad" });
    emulator.store.add({ job_id: hex("d"), name: "fine", state: "JOB_FINISH", batch_name: "tf-bad" });
    emulator.store.add({ job_id: hex("e"), name: "slow", state: "TRAINING", batch_name: "tf-slow" });
    plugin = await TerraformPlugin.inProcess({ env: {} });
    expect((await plugin.configure(providerBlock(emulator))).diagnostics).toEqual([]);
  });
  afterAll(async () => {
    await plugin.stop();
    await emulator.stop();
  });

  describe("schema", () => {
    test("provider block in snake_case, credentials sensitive, nothing required", async () => {
      const attrs = (await plugin.schema()).provider!.block!.attributes;
      expect(attrs.map((a) => a.name).sort()).toEqual(
        [
          "access_key",
          "auth_token",
          "ca_cert_file",
          "cloud",
          "endpoint",
          "max_concurrency",
          "max_requests_in_flight",
          "max_retries",
          "project_id",
          "proxy",
          "region",
          "request_timeout_seconds",
          "secret_key",
          "security_token",
        ].sort(),
      );
      expect(
        attrs
          .filter((a) => a.sensitive)
          .map((a) => a.name)
          .sort(),
      ).toEqual(["access_key", "auth_token", "proxy", "secret_key", "security_token"]);
      expect(attrs.every((a) => a.optional && !a.required)).toBe(true);
      expect(attrs.find((a) => a.name === "max_retries")!.type.toString()).toBe('"number"');
    });

    test("data source: every filter, total (not count) and jobs as a list of typed objects", async () => {
      const block = (await plugin.schema()).dataSourceSchemas[JOBS].block!;
      const names = block.attributes.map((a) => a.name);
      for (const f of [
        "batch_name",
        "states",
        "job_id",
        "create_since",
        "update_until",
        "is_flexus",
        "is_ondemand_resource",
        "app_user_id",
        "sort_key",
        "limit",
        "page_size",
        "offset",
      ]) {
        expect(names).toContain(f);
      }
      expect(names).toContain("total");
      expect(names).not.toContain("count");
      const jobs = block.attributes.find((a) => a.name === "jobs")!;
      expect(jobs.computed).toBe(true);
      const inner = Object.fromEntries(jobs.nestedType!.attributes.map((a) => [a.name, JSON.parse(a.type.toString())]));
      expect(inner).toMatchObject({ job_id: "string", state: "string", tags: ["list", "string"], is_flexus: "bool", asset_id: "string" });
    });

    test("gate resource: selection, defaults computed, outputs computed, a timeouts block", async () => {
      const block = (await plugin.schema()).resourceSchemas[GATE].block!;
      const a = Object.fromEntries(block.attributes.map((x) => [x.name, x]));
      expect(a.batch_name.optional).toBe(true);
      expect(a.target_states).toMatchObject({ optional: true, computed: true });
      expect(a.asset_ids).toMatchObject({ computed: true, optional: false });
      expect(a.triggers).toMatchObject({ optional: true, computed: false });
      expect(JSON.parse(a.triggers.type.toString())).toEqual(["map", "string"]);
      expect(block.blockTypes.map((b) => b.typeName)).toEqual(["timeouts"]);
    });
  });

  describe("provider configuration", () => {
    test("contradictions are errors on the attribute, in Terraform's names, without the secret", async () => {
      const res = await plugin.validateProviderConfig({
        access_key: AK,
        region: "north",
        endpoint: "http://example.com",
        max_retries: 2.5,
      });
      const diags = describeDiagnostics(res.diagnostics);
      // Every contradiction at once, each on its attribute (the shared rules report them all).
      expect(diags.map((d) => d.path).sort()).toEqual(["endpoint", "max_retries", "region", "secret_key"]);
      expect(diags.find((d) => d.path === "max_retries")).toEqual(
        expect.objectContaining({
          severity: "ERROR",
          detail: expect.stringMatching(/^max_retries is 2.5; expected an integer from 0 to 20$/),
        }),
      );
      const second = describeDiagnostics(
        (await plugin.validateProviderConfig({ access_key: AK, region: "north", endpoint: "http://example.com" })).diagnostics,
      );
      expect(second.map((d) => d.path).sort()).toEqual(["endpoint", "region", "secret_key"]);
      expect(second.find((d) => d.path === "secret_key")!.detail).toBe(
        "access_key is set but secret_key is not (nor HW_SECRET_KEY / HUAWEICLOUD_SDK_SK); AK/SK signing needs both",
      );
      expect(JSON.stringify(second)).not.toContain(AK);
    });

    test("values not known yet are not judged", async () => {
      expect((await plugin.validateProviderConfig({ access_key: UNKNOWN, secret_key: SK, region: UNKNOWN })).diagnostics).toEqual([]);
      // An unknown secret key may be null (a token from HW_AUTH_TOKEN) or set: no pairing error either way.
      expect((await plugin.validateProviderConfig({ secret_key: UNKNOWN })).diagnostics).toEqual([]);
      // A written access key needs a secret key: unknown, it may be one; a token beside the pair is wrong either way.
      const paired = describeDiagnostics(
        (await plugin.validateProviderConfig({ access_key: AK, secret_key: UNKNOWN, auth_token: "tok", region: "north" })).diagnostics,
      );
      expect(paired.map((d) => d.path).sort()).toEqual(["auth_token", "region"]);
    });

    test("configure completes from the environment like the huaweicloud provider, and says what is missing", async () => {
      const bare = await TerraformPlugin.inProcess({ env: { HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: AK, HW_SECRET_KEY: SK } });
      try {
        // A secret key in the block pairs with HW_ACCESS_KEY, as in Pulumi's CheckConfig.
        expect((await bare.validateProviderConfig({ secret_key: SK })).diagnostics).toEqual([]);
        const diags = describeDiagnostics((await bare.configure({})).diagnostics);
        expect(diags).toEqual([
          expect.objectContaining({
            path: "project_id",
            detail: expect.stringMatching(/no project id: set project_id \(or HW_PROJECT_ID/),
          }),
        ]);
        expect((await bare.configure({ project_id: "0123456789abcdef0123456789abcdef" })).diagnostics).toEqual([]);
        const token = describeDiagnostics(
          (
            await bare.configure({
              project_id: "0123456789abcdef0123456789abcdef",
              auth_token: "t0ken-value",
              access_key: AK,
              secret_key: SK,
            })
          ).diagnostics,
        );
        expect(token.map((d) => d.path)).toEqual(["auth_token"]);
        expect(JSON.stringify(token)).not.toMatch(/t0ken-value|SK-terraform/);
      } finally {
        await bare.stop();
      }
    });
  });

  describe("data source metastudio_training_jobs", () => {
    test("pages through every job; total is the service's; jobs carry every attribute, absent ones null", async () => {
      const { state, diagnostics } = await plugin.readData(JOBS, { page_size: 17 });
      expect(diagnostics).toEqual([]);
      const s = state as TfObject;
      const all = emulator.store.all();
      expect(s.total).toBe(all.length);
      const jobs = s.jobs as TfObject[];
      expect(new Set(jobs.map((j) => j.job_id))).toEqual(new Set(all.map((j) => j.job_id)));
      expect(jobs).toHaveLength(all.length);
      const failed = jobs.find((j) => j.job_id === hex("c"))!;
      expect(failed).toMatchObject({ name: "broken", state: "TRAIN_FAILED", batch_name: "tf-bad", asset_id: null, tags: null });
      expect(Object.keys(failed)).toHaveLength(Object.keys(jobs[0]).length);
      // The block's own attributes come back as written.
      expect(s.page_size).toBe(17);
      expect(s.batch_name).toBeNull();
    });

    test("filters in snake_case match a brute-force count; limit caps the list, not the total", async () => {
      const all = emulator.store.all();
      const expected = all.filter((j) => j.state === "JOB_FINISH" || j.state === "TRAINING");
      const { state } = await plugin.readData(JOBS, { states: ["JOB_FINISH", "TRAINING"], limit: 7 });
      expect((state as TfObject).total).toBe(expected.length);
      expect((state as TfObject).jobs as TfObject[]).toHaveLength(Math.min(7, expected.length));
      const batch = await plugin.readData(JOBS, { batch_name: "tf-ok", sort_key: "create_time", sort_dir: "desc" });
      expect(((batch.state as TfObject).jobs as TfObject[]).map((j) => j.name).sort()).toEqual(["done-1", "done-2"]);
    });

    test("bad input is an error on the attribute before any request", async () => {
      const before = requests;
      const validated = describeDiagnostics((await plugin.validateData(JOBS, { states: ["JOB_FINISHED"], page_size: 500 })).diagnostics);
      expect(validated.map((d) => d.path).sort()).toEqual(["page_size", "states"]);
      expect(validated.find((d) => d.path === "states")!.detail).toMatch(/did you mean JOB_FINISH\?/);
      const read = describeDiagnostics((await plugin.readData(JOBS, { create_since: "yesterday" })).diagnostics);
      expect(read).toEqual([
        expect.objectContaining({
          path: "create_since",
          detail: expect.stringMatching(/^create_since is "yesterday"; expected an RFC 3339/),
        }),
      ]);
      expect(requests).toBe(before);
    });

    test("an API failure is an error diagnostic naming status, code and request id", async () => {
      emulator.queueFaults([
        { kind: "status", status: 500 },
        { kind: "status", status: 500 },
        { kind: "status", status: 500 },
      ]);
      const { diagnostics } = await plugin.readData(JOBS, {});
      expect(describeDiagnostics(diagnostics)).toEqual([
        expect.objectContaining({
          severity: "ERROR",
          summary: "Cannot list MetaStudio training jobs",
          detail: expect.stringMatching(/HTTP 500 .*X-Request-Id: \S+/),
        }),
      ]);
    });
  });

  describe("resource metastudio_training_jobs_gate", () => {
    test("plan makes no request: defaults filled, what apply learns unknown", async () => {
      const before = requests;
      const { planned, diagnostics, requiresReplace } = await plugin.plan(GATE, null, {
        batch_name: "tf-slow",
        timeouts: { create: "10m" },
      });
      expect(diagnostics).toEqual([]);
      expect(requiresReplace).toEqual([]);
      expect(planned).toMatchObject({
        batch_name: "tf-slow",
        target_states: ["JOB_FINISH"],
        poll_interval_seconds: 30,
        timeouts: { create: "10m" },
      });
      for (const a of ["id", "ready", "job_ids", "asset_ids", "waited_seconds"]) expect((planned as TfObject)[a]).toBe(UNKNOWN);
      expect(requests).toBe(before);
    });

    test("plan reports bad input on the attribute", async () => {
      const bad = describeDiagnostics(
        (await plugin.plan(GATE, null, { target_states: ["DONE"], timeouts: { create: "ten minutes" } })).diagnostics,
      );
      expect(bad).toEqual([
        expect.objectContaining({ path: "timeouts.create", detail: expect.stringMatching(/expected a duration such as 30s/) }),
      ]);
      const states = describeDiagnostics((await plugin.validateResource(GATE, { target_states: ["DONE"] })).diagnostics);
      expect(states).toEqual([expect.objectContaining({ path: "target_states" })]);
    });

    test("apply passes when every selected job is finished, with the asset ids for what follows", async () => {
      const config = { batch_name: "tf-ok" };
      const { planned } = await plugin.plan(GATE, null, config);
      const { newState, diagnostics } = await plugin.apply(GATE, null, planned, config);
      expect(diagnostics).toEqual([]);
      const s = newState as TfObject;
      expect(s.ready).toBe(true);
      expect([...(s.asset_ids as string[])].sort()).toEqual(["asset-a", "asset-b"]);
      expect([...(s.job_ids as string[])].sort()).toEqual([hex("a"), hex("b")]);
      expect(typeof s.id).toBe("string");

      // The same selection again: no change. Another selection: replaced.
      const again = await plugin.plan(GATE, s, config);
      expect(again.requiresReplace).toEqual([]);
      expect(again.planned).toEqual(s);
      const moved = await plugin.plan(GATE, s, { batch_name: "tf-other" });
      expect(moved.requiresReplace.map((p) => p.steps.map((x) => x.attributeName).join("."))).toEqual(["batch_name"]);
      expect((moved.planned as TfObject).asset_ids).toBe(UNKNOWN);
      // Only the time limit changed: updated in place, the record kept.
      const longer = await plugin.plan(GATE, s, { batch_name: "tf-ok", timeouts: { create: "1h" } });
      expect(longer.requiresReplace).toEqual([]);
      const updated = await plugin.apply(GATE, s, longer.planned, { batch_name: "tf-ok", timeouts: { create: "1h" } });
      expect(updated.newState).toMatchObject({ id: s.id, asset_ids: s.asset_ids, timeouts: { create: "1h" } });
      // Destroy forgets it.
      expect((await plugin.apply(GATE, s, null, null)).newState).toBeNull();
    });

    test("triggers: a changed or not yet known value replaces the gate, the same value keeps it", async () => {
      const config = { batch_name: "tf-ok", triggers: { run: "41", branch: "main" } };
      const { planned } = await plugin.plan(GATE, null, config);
      const passed = (await plugin.apply(GATE, null, planned, config)).newState as TfObject;
      expect(passed.triggers).toEqual({ run: "41", branch: "main" });
      const before = requests;
      const same = await plugin.plan(GATE, passed, { batch_name: "tf-ok", triggers: { branch: "main", run: "41" } });
      expect(same.requiresReplace).toEqual([]);
      expect((same.planned as TfObject).asset_ids).toEqual(passed.asset_ids);
      const next = await plugin.plan(GATE, passed, { batch_name: "tf-ok", triggers: { run: "42", branch: "main" } });
      expect(next.requiresReplace.map((p) => p.steps.map((x) => x.attributeName).join("."))).toEqual(["triggers"]);
      expect((next.planned as TfObject).asset_ids).toBe(UNKNOWN);
      const unknown = await plugin.plan(GATE, passed, { batch_name: "tf-ok", triggers: { run: UNKNOWN, branch: "main" } });
      expect(unknown.requiresReplace.map((p) => p.steps.map((x) => x.attributeName).join("."))).toEqual(["triggers"]);
      const dropped = await plugin.plan(GATE, passed, { batch_name: "tf-ok" });
      expect(dropped.requiresReplace.map((p) => p.steps.map((x) => x.attributeName).join("."))).toEqual(["triggers"]);
      expect(requests).toBe(before);
      // The replacement checks the jobs again.
      const again = await plugin.apply(GATE, null, next.planned, { batch_name: "tf-ok", triggers: { run: "42", branch: "main" } });
      expect((again.newState as TfObject).id).not.toBe(passed.id);
      expect(requests).toBeGreaterThan(before);
    });

    test("apply fails at once naming a TRAIN_FAILED job, whatever the time limit", async () => {
      const config = { batch_name: "tf-bad", poll_interval_seconds: 1, timeouts: { create: "10m" } };
      const { planned } = await plugin.plan(GATE, null, config);
      const before = requests;
      const { newState, diagnostics } = await plugin.apply(GATE, null, planned, config);
      // One listing, no second check: it failed at once.
      expect(requests - before).toBe(1);
      expect(plugin.stderr).not.toMatch(/waiting for .* tf-bad/);
      expect(newState).toBeNull();
      expect(describeDiagnostics(diagnostics)).toEqual([
        expect.objectContaining({
          severity: "ERROR",
          path: "",
          detail: expect.stringMatching(
            /1 of 2 selected jobs cannot reach JOB_FINISH without a person acting: broken \(c{32}\): TRAIN_FAILED/,
          ),
        }),
      ]);
    });

    test("apply waits, logs progress, and times out on timeouts.create; nothing selected fails", async () => {
      const config = { batch_name: "tf-slow", poll_interval_seconds: 1, timeouts: { create: "2s" } };
      const { planned } = await plugin.plan(GATE, null, config);
      const { diagnostics } = await plugin.apply(GATE, null, planned, config);
      expect(describeDiagnostics(diagnostics)).toEqual([
        expect.objectContaining({
          path: "timeouts.create",
          detail: expect.stringMatching(/timed out after 2 s .*slow \(e{32}\): TRAINING/),
        }),
      ]);
      expect(plugin.stderr).toMatch(/waiting for 1 of 1 jobs to reach JOB_FINISH \(TRAINING: 1\); waited \d+ s of 2 s/);
      const none = await plugin.apply(GATE, null, (await plugin.plan(GATE, null, { batch_name: "nothing" })).planned, {
        batch_name: "nothing",
      });
      expect(describeDiagnostics(none.diagnostics)[0].detail).toMatch(
        /selected no training jobs \(filters set: batch_name\); .*check job_id \/ batch_name \/ states/,
      );
    });

    test("StopProvider ends a wait", async () => {
      const config = { batch_name: "tf-slow", poll_interval_seconds: 1, timeouts: { create: "10m" } };
      const { planned } = await plugin.plan(GATE, null, config);
      const applying = plugin.apply(GATE, null, planned, config);
      await new Promise((r) => setTimeout(r, 300));
      await plugin.stopProvider();
      const { diagnostics } = await applying;
      expect(describeDiagnostics(diagnostics)[0].detail).toMatch(/stopped/);
    });

    test("a state written as JSON is upgraded to the schema's value", async () => {
      const { state, diagnostics } = await plugin.upgrade(
        GATE,
        JSON.stringify({ id: "x", batch_name: "tf-ok", asset_ids: ["a"], ready: true }),
      );
      expect(diagnostics).toEqual([]);
      expect(state).toMatchObject({ id: "x", batch_name: "tf-ok", asset_ids: ["a"], ready: true, job_id: null, timeouts: null });
    });
  });

  test("no credential appears in anything the provider said", () => {
    expect(plugin.stderr).not.toContain(SK);
    expect(plugin.stderr).not.toContain(AK);
  });
});
