/**
 * Usage and configuration errors exit 4 before any request, naming the flag (and the nearest one
 * for a typo); API failures exit 5; --help, --version.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONFIG_FIELDS, FieldSpec, JOB_FILTER_FIELDS, PAGING_FIELDS, WAIT_FIELDS } from "../../provider/src/schema/fields";
import { PROVIDER_VERSION } from "../../provider/src/version";
import { cliEnv, runCli, runInProcess, SK, TOKEN, withEmulator } from "./support";

describe("usage errors exit 4 and send nothing", () => {
  test.each([
    [["jobs", "list", "--bach-name", "x"], /error: unknown option '--bach-name'\n\(Did you mean --batch-name\?\)/],
    [["jobs", "wait", "--timout", "1h"], /unknown option '--timout'\n\(Did you mean --timeout\?\)/],
    [["jobs", "wait", "--target-states", "JOB_FINISH"], /Did you mean --target-state\?/],
    [
      ["jobs", "list", "--state", "JOB_FINSH"],
      /^metastudio: --state contains "JOB_FINSH", which is not a known value; did you mean JOB_FINISH\?/m,
    ],
    [["jobs", "list", "--limit", "0"], /^metastudio: --limit is 0; expected an integer from 1 to 100000$/m],
    [["jobs", "list", "--page-size", "many"], /^metastudio: --page-size is "many"; expected an integer from 1 to 100/m],
    [["jobs", "wait", "--timeout", "soon"], /^metastudio: --timeout is "soon"; expected a duration such as 90s, 10m or 1h30m/m],
    [["jobs", "wait", "--timeout", "8d"], /--timeout is "8d"; expected a duration/],
    [["jobs", "wait", "--timeout", "200h"], /^metastudio: --timeout is 720000; expected an integer from 0 to 604800$/m],
    [["jobs", "list", "--is-flexus", "maybe"], /^metastudio: --is-flexus is "maybe"; expected true or false$/m],
    [["jobs", "list", "--create-since", "yesterday"], /^metastudio: --create-since is "yesterday"; expected an RFC 3339 date-time/m],
    [["jobs", "list", "--output", "xml"], /argument 'xml' is invalid. Allowed choices are table, json, ndjson, csv/],
    [["jobs", "lst"], /unknown command 'lst'\n\(Did you mean list\?\)/],
    [["jobs", "list", "--endpoint", "http://metastudio.example.com"], /^metastudio: --endpoint is "http:\/\/metastudio.example.com"; /m],
    [["jobs", "list", "--project-id", "not-hex"], /^metastudio: --project-id is "not-hex"; /m],
  ])("%j", async (args, message) => {
    await withEmulator({ jobs: 3 }, async (emulator) => {
      const r = await runInProcess(args, cliEnv(emulator));
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(4);
      expect(r.stdout).toBe("");
      expect(emulator.stats.requests).toBe(0);
    });
  });

  test("a missing project id names --project-id and its variables", async () => {
    await withEmulator({ jobs: 3 }, async (emulator) => {
      const r = await runCli(["jobs", "wait", "--batch-name", "b"], cliEnv(emulator, { HW_PROJECT_ID: undefined }));
      expect(r.code).toBe(4);
      expect(r.stderr).toBe("metastudio: no project id: set --project-id (or HW_PROJECT_ID / HUAWEICLOUD_SDK_PROJECT_ID)\n");
      expect(emulator.stats.requests).toBe(0);
    });
  });

  test("no credentials: where they are read from, never a flag", async () => {
    const r = await runCli(
      ["jobs", "list"],
      cliEnv(undefined, { HW_METASTUDIO_ENDPOINT: "http://127.0.0.1:9", HW_PROJECT_ID: "0".repeat(32) }),
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      "metastudio: no credentials: set HW_ACCESS_KEY and HW_SECRET_KEY, or HW_AUTH_TOKEN (credentials are read from the environment or --credentials-file, never from flags)\n",
    );
  });

  test.each([
    ["--secret-key", SK],
    ["--auth-token", TOKEN],
    ["--sk", SK],
    ["--token", TOKEN],
  ])("a credential as a flag (%s) is refused without repeating it", async (flag, value) => {
    await withEmulator({ jobs: 3 }, async (emulator) => {
      for (const args of [[flag, value], [`${flag}=${value}`]]) {
        const r = await runCli(["jobs", "list", ...args], cliEnv(emulator));
        expect(r.code).toBe(4);
        expect(r.stderr).toContain(
          `metastudio: ${flag} is not accepted: a credential on the command line is visible to every user of this machine`,
        );
        expect(r.stderr + r.stdout).not.toContain(value);
      }
      expect(emulator.stats.requests).toBe(0);
    });
  });

  test("a mistyped flag carrying a value is named without the value", async () => {
    const r = await runCli(["jobs", "list", `--auth-tokn=${TOKEN}`], cliEnv(undefined));
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("unknown option '--auth-tokn'");
    expect(r.stderr).not.toContain(TOKEN);
  });

  test("a credentials file with a misspelt name is refused with the nearest one, its values unquoted", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "cli-creds-")), "creds.env");
    writeFileSync(file, `HW_ACCESS_KEY=AKFILE000000000000001\nHW_SECERT_KEY=${SK}\n`);
    const r = await runInProcess(["jobs", "list", "--credentials-file", file], cliEnv(undefined));
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/line 2: HW_SECERT_KEY is not a setting of this tool \(did you mean HW_SECRET_KEY\?\)/);
    expect(r.stderr).not.toContain(SK);
    const missing = await runInProcess(
      ["jobs", "list", "--credentials-file", join(tmpdir(), "no-such-credentials-file")],
      cliEnv(undefined),
    );
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/--credentials-file ".*no-such-credentials-file" cannot be read: ENOENT/);
  });
});

describe("API failures exit 5", () => {
  test("a wrong token: HTTP 401 with its code and request id, not retried", async () => {
    await withEmulator({ jobs: 3, accessKey: undefined, secretKey: undefined, token: TOKEN }, async (emulator) => {
      const env = cliEnv(emulator, { HW_ACCESS_KEY: undefined, HW_SECRET_KEY: undefined, HW_AUTH_TOKEN: "TOKEN-wrong-000000000000" });
      for (const command of ["list", "wait"]) {
        const r = await runCli(["jobs", command], env);
        expect(r.code).toBe(5);
        expect(r.stderr).toMatch(/^metastudio: MetaStudio API GET \/v1\/.* failed: HTTP 401 APIG\.0301: .*\(X-Request-Id: [0-9a-f]{32}\)/);
        expect(r.stderr).toContain("Check HW_ACCESS_KEY/HW_SECRET_KEY (or HW_AUTH_TOKEN)");
        expect(r.stderr).not.toContain("TOKEN-wrong-000000000000");
      }
      expect(emulator.stats.requests).toBe(2);
    });
  });

  test("nothing listening: the network error, after the retries asked for", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const env = cliEnv(undefined, {
      HW_METASTUDIO_ENDPOINT: `http://127.0.0.1:${port}`,
      HW_PROJECT_ID: "0".repeat(32),
      HW_AUTH_TOKEN: TOKEN,
    });
    const r = await runInProcess(["jobs", "list", "--max-retries", "1"], env);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/failed after 2 attempt\(s\): .*ECONNREFUSED/);
  });
});

describe("help and version", () => {
  test("--version prints the version", async () => {
    const r = await runCli(["--version"], cliEnv(undefined));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${PROVIDER_VERSION}\n`);
  });

  test("--help lists the commands, examples and exit codes; each command's help its flags and examples", async () => {
    const top = await runCli(["--help"], cliEnv(undefined));
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("Usage: metastudio [options] [command]");
    expect(top.stdout).toContain("metastudio jobs wait --batch-name release-7 --timeout 1h --output json");
    expect(top.stdout).toContain("130  interrupted");
    const wait = await runInProcess(["jobs", "wait", "--help"], cliEnv(undefined));
    expect(wait.code).toBe(0);
    for (const flag of [
      "--batch-name",
      "--state",
      "--target-state",
      "--timeout <duration>",
      "--poll-interval",
      "--is-flexus [true|false]",
      "--app-user-id",
      "--summary-file",
      "--credentials-file",
    ])
      expect(wait.stdout).toContain(flag);
    expect(wait.stdout).toContain("ASSETS=$(metastudio jobs wait");
    expect(wait.stdout).not.toMatch(/--(auth-token|secret-key|access-key|security-token)/);
  });

  test("every input of the functions and every setting but the credentials is a flag, in kebab-case", async () => {
    // Written out here, not taken from the code under test: lists singular, seconds as durations.
    const flag = (name: string, spec: FieldSpec) =>
      "--" +
      name
        .replace(spec.type === "integer" ? /Seconds$/ : /$^/, "")
        .replace(spec.type === "stringList" ? /s$/ : /$^/, "")
        .replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const settings = Object.entries(CONFIG_FIELDS);
    for (const [command, fields] of [
      ["list", { ...JOB_FILTER_FIELDS, ...PAGING_FIELDS }],
      ["wait", { ...JOB_FILTER_FIELDS, ...WAIT_FIELDS }],
    ] as const) {
      const help = (await runInProcess(["jobs", command, "--help"], cliEnv(undefined))).stdout;
      for (const [name, spec] of Object.entries<FieldSpec>(fields)) expect(help).toMatch(new RegExp(`^  ${flag(name, spec)} `, "m"));
      for (const [name, spec] of settings) {
        if (spec.secret) expect(help).not.toMatch(new RegExp(`^  ${flag(name, spec)} `, "m"));
        else expect(help).toMatch(new RegExp(`^  ${flag(name, spec)} `, "m"));
      }
    }
  });

  test("no arguments: the help on stderr, exit 4", async () => {
    const r = await runCli([], cliEnv(undefined));
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage: metastudio");
  });
});
