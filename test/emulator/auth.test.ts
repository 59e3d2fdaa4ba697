/** The emulator authenticates like Huawei Cloud's API gateway. */
import { startEmulator, Emulator } from "../../emulator/src";
import { formatSdkDate } from "../../provider/src/api/signer";
import { get, jobsPath, listSigned, officiallySigned, queryString } from "./support";

const AK = "AKEMULATORTEST000001";
const SK = "SK/emulator+test=secret0000000000000000";
const creds = { ak: AK, sk: SK };
const REQUEST_ID = /^[0-9a-f]{32}$/;

describe("AK/SK signatures", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK });
  });
  afterAll(() => emulator.stop());

  test("a request signed by the official Huawei signer is accepted, with awkward query values", async () => {
    const query = { name: "模型 a,b&c=d/e~f*g", state: "JOB_FINISH,TRAINING", limit: "5", sort_key: "create_time" };
    const a = await listSigned(emulator, query, creds);
    expect(a.status).toBe(200);
    expect(a.headers["x-request-id"]).toMatch(REQUEST_ID);
    expect(a.json()).toEqual({ count: 0, jobs: [] });
    const plain = await listSigned(emulator, { limit: "3" }, creds);
    expect(plain.status).toBe(200);
    expect(plain.json().jobs).toHaveLength(3);
  });

  test("temporary credentials: X-Security-Token is signed and accepted", async () => {
    const query = { limit: "1" };
    const headers = officiallySigned(emulator, query, { ...creds, securityToken: "TEMP-TOKEN/+=" });
    expect(headers.Authorization).toContain("x-security-token");
    expect((await get(emulator, jobsPath(emulator) + queryString(query), headers)).status).toBe(200);
  });

  test("a tampered signature, query, header or key is refused with 401 APIG.0301", async () => {
    const query = { limit: "2" };
    const good = officiallySigned(emulator, query, creds);
    const cases: Array<[string, string, Record<string, string>]> = [
      [
        "signature",
        queryString(query),
        { ...good, Authorization: good.Authorization.replace(/Signature=(.)/, (_, c) => `Signature=${c === "a" ? "b" : "a"}`) },
      ],
      ["query", queryString({ limit: "3" }), good],
      ["signed header", queryString(query), { ...good, "X-Project-Id": emulator.projectId.replace("0", "1") }],
      ["secret key", queryString(query), officiallySigned(emulator, query, { ak: AK, sk: SK + "x" })],
      ["access key", queryString(query), officiallySigned(emulator, query, { ak: "AKOTHER", sk: SK })],
    ];
    for (const [what, qs, headers] of cases) {
      const a = await get(emulator, jobsPath(emulator) + qs, headers);
      expect({ what, status: a.status, code: a.json().error_code }).toEqual({ what, status: 401, code: "APIG.0301" });
      expect(a.headers["x-request-id"]).toMatch(REQUEST_ID);
    }
  });

  test("host and x-sdk-date must be signed", async () => {
    const signed = officiallySigned(emulator, {}, creds);
    const withoutHost = { ...signed, Authorization: signed.Authorization.replace("host;", "") };
    const a = await get(emulator, jobsPath(emulator), withoutHost);
    expect(a.status).toBe(401);
    expect(a.json().error_msg).toMatch(/host and x-sdk-date must be signed/);
  });

  test("X-Project-Id and X-Security-Token count only when signed", async () => {
    const signed = officiallySigned(emulator, {}, creds);
    const a = await get(emulator, jobsPath(emulator), { ...signed, "X-Security-Token": "added-after-signing" });
    expect(a.status).toBe(401);
    expect(a.json().error_msg).toMatch(/x-security-token is sent but not signed/);
    const unsignedProject = { ...officiallySigned(emulator, {}, creds, {}, { projectHeader: false }), "X-Project-Id": emulator.projectId };
    const b = await get(emulator, jobsPath(emulator), unsignedProject);
    expect(b.status).toBe(401);
    expect(b.json().error_msg).toMatch(/x-project-id is sent but not signed/);
  });

  test("an X-Sdk-Date more than 15 minutes off is refused with APIGW.0303", async () => {
    const stale = formatSdkDate(new Date(Date.now() - 16 * 60 * 1000));
    const a = await get(emulator, jobsPath(emulator), officiallySigned(emulator, {}, creds, { "X-Sdk-Date": stale }));
    expect(a.status).toBe(401);
    expect(a.json().error_code).toBe("APIGW.0303");
    const recent = formatSdkDate(new Date(Date.now() - 10 * 60 * 1000));
    expect((await get(emulator, jobsPath(emulator), officiallySigned(emulator, {}, creds, { "X-Sdk-Date": recent }))).status).toBe(200);
  });

  test("no credentials, or a token where AK/SK is required, is refused", async () => {
    expect((await get(emulator, jobsPath(emulator))).status).toBe(401);
    expect((await get(emulator, jobsPath(emulator), { "X-Auth-Token": "anything" })).json().error_code).toBe("APIG.0301");
  });

  test("another project is refused; other paths are 404 with an APIG body; every answer has a request id", async () => {
    const other = "f".repeat(32);
    const headers = officiallySigned(emulator, {}, creds);
    // Correctly signed for the other project, so only the project check can refuse it.
    const refused = await get(emulator, jobsPath(emulator, other), officiallySigned({ ...emulator, projectId: other }, {}, creds));
    expect(refused.status).toBe(403);
    const missing = await get(emulator, `/v1/${emulator.projectId}/digital-human-training-manage/user/assets`, headers);
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error_code: "APIG.0101" });
    for (const a of [refused, missing]) expect(a.headers["x-request-id"]).toMatch(REQUEST_ID);
  });
});

describe("token and open modes", () => {
  test("--token requires exactly that X-Auth-Token", async () => {
    const emulator = await startEmulator({ port: 0, token: "the-token" });
    try {
      expect((await get(emulator, jobsPath(emulator), { "X-Auth-Token": "the-token" })).status).toBe(200);
      const wrong = await get(emulator, jobsPath(emulator), { "X-Auth-Token": "the-tokem" });
      expect(wrong.status).toBe(401);
      expect(wrong.json().error_code).toBe("APIG.0301");
      expect((await get(emulator, jobsPath(emulator), officiallySigned(emulator, {}, creds))).status).toBe(401);
    } finally {
      await emulator.stop();
    }
  });

  test("with neither, any signature or token is accepted, but one of them is required", async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      expect(emulator.authDescription).toMatch(/accepts any access key or token/);
      expect((await get(emulator, jobsPath(emulator), { "X-Auth-Token": "whatever" })).status).toBe(200);
      expect((await get(emulator, jobsPath(emulator), officiallySigned(emulator, {}, { ak: "any", sk: "thing" }))).status).toBe(200);
      expect((await get(emulator, jobsPath(emulator))).status).toBe(401);
    } finally {
      await emulator.stop();
    }
  });
});
