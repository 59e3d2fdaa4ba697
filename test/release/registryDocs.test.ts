/**
 * The registry pages are generated from the one schema and must not go stale: the generator
 * (scripts/gen-registry-docs.sh: tfplugindocs on `tofu providers schema -json` of the built
 * provider, and scripts/gen-pulumi-docs.ts on the package schema) runs into a temporary folder and
 * every page must equal the committed one. The Terraform examples the pages show are planned by
 * OpenTofu against the emulator, so an example that no longer works fails here too.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmulator } from "../../emulator/src";
import { runTofu } from "../../harness/terraform/tofuCli";
import { describeWithTools, REPO_ROOT, toolsDir } from "../support/realTools";

const run = promisify(execFile);
jest.setTimeout(240_000);

const PAGES = [
  "index.md",
  "data-sources/training_jobs.md",
  "resources/training_jobs_gate.md",
  "_index.md",
  "installation-configuration.md",
];
const EXAMPLES = [
  "provider/provider.tf",
  "data-sources/metastudio_training_jobs/data-source.tf",
  "resources/metastudio_training_jobs_gate/resource.tf",
];

describeWithTools(["tofu", "tfplugindocs"], "the registry pages", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "metastudio-docs-"));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("regenerated from the schema, every page equals docs/ (`npm run gen-docs` rewrites them)", async () => {
    await run("bash", [join(REPO_ROOT, "scripts", "gen-registry-docs.sh"), out], {
      env: { ...process.env, METASTUDIO_TOOLS_DIR: toolsDir() },
    });
    for (const page of PAGES) {
      const fresh = readFileSync(join(out, "docs", page), "utf8");
      expect({ page, same: fresh === readFileSync(join(REPO_ROOT, "docs", page), "utf8") }).toEqual({ page, same: true });
    }
    // Each Terraform page shows its example.
    expect(readFileSync(join(REPO_ROOT, "docs", "resources", "training_jobs_gate.md"), "utf8")).toContain(
      readFileSync(join(REPO_ROOT, "examples", EXAMPLES[2]), "utf8").trim(),
    );
  });

  test("the pages' examples, together, plan against the emulator: the data source is read, the gate planned without waiting", async () => {
    const emulator = await startEmulator({ port: 0, token: "docs-token", jobs: 40, seed: 2 });
    try {
      const dir = join(out, "plan");
      mkdirSync(dir);
      for (const e of EXAMPLES) writeFileSync(join(dir, e.replace(/\//g, "_")), readFileSync(join(REPO_ROOT, "examples", e)));
      writeFileSync(
        join(out, "tofurc"),
        `provider_installation {\n  dev_overrides {\n    "registry.opentofu.org/pulumi-metastudio/metastudio" = "${join(REPO_ROOT, "provider", "bin")}"\n  }\n  direct {}\n}\n`,
      );
      const run = await runTofu(["plan", "-input=false"], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: out,
          TF_CLI_CONFIG_FILE: join(out, "tofurc"),
          CHECKPOINT_DISABLE: "1",
          HW_METASTUDIO_ENDPOINT: emulator.url,
          HW_AUTH_TOKEN: "docs-token",
        },
      });
      const r = { code: run.code, stdout: run.stdout + run.stderr };
      expect(r.stdout).toMatch(/metastudio_training_jobs_gate\.release will be created/);
      expect(r.stdout).toMatch(/terraform_data\.deployment will be created/);
      expect(r.stdout).toMatch(/assets\s+= \[/);
      expect(r.code).toBe(0);
    } finally {
      await emulator.stop();
    }
  });
});
