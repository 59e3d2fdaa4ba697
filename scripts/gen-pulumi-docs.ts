/**
 * The Pulumi registry pages of the package, docs/_index.md and docs/installation-configuration.md,
 * as the registry lays them out (front matter with `layout: package`), from the package schema:
 * the names, the download server, the configuration keys with their types, secrecy and
 * descriptions (scripts/gen-registry-docs.sh runs it; a test compares its output with docs/).
 *
 *   node dist/scripts/gen-pulumi-docs.js <docs dir>
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildPackageSchema,
  PLUGIN_DOWNLOAD_URL,
  PYTHON_PACKAGE_NAME,
  REPOSITORY,
  SDK_PACKAGE_NAME,
} from "../provider/src/pulumi/packageSchema";
import { PROVIDER_VERSION } from "../provider/src/version";

interface SchemaProperty {
  type: string;
  description: string;
  secret?: boolean;
  default?: unknown;
}

const schema = buildPackageSchema(PROVIDER_VERSION) as {
  name: string;
  displayName: string;
  description: string;
  config: { variables: Record<string, SchemaProperty> };
  language: { go: { importBasePath: string }; java: { basePackage: string } };
};

const frontMatter = (title: string, description: string) => [
  "---",
  `title: ${title}`,
  `meta_desc: ${description}`,
  "layout: package",
  "---",
  "",
];

const cell = (text: string) => text.replace(/\|/g, "\\|");

function index(): string {
  return [
    ...frontMatter(`${schema.displayName} Provider`, schema.description),
    `The ${schema.displayName} provider lists Huawei Cloud MetaStudio virtual-avatar model training jobs`,
    "with every filter of the API, and gates a deployment until the jobs of a batch have finished. It",
    "offers two functions, `getTrainingJobs` and `waitForTrainingJobs`; the provider must be configured",
    "with credentials before it can be used: [Installation & Configuration](installation-configuration.md).",
    "",
    "## Example",
    "",
    "```typescript",
    'import * as metastudio from "@pulumi-metastudio/metastudio";',
    "",
    'const batch = metastudio.getTrainingJobsOutput({ batchName: "release-7" });',
    "export const jobsInBatch = batch.count;",
    "",
    "// `pulumi up` waits here until every job of the batch is in JOB_FINISH (up to an hour).",
    'const gate = metastudio.waitForTrainingJobsOutput({ batchName: "release-7", timeoutSeconds: 3600 });',
    "export const assetsToDeploy = gate.assetIds;",
    "```",
    "",
    "```python",
    "import pulumi",
    `import ${PYTHON_PACKAGE_NAME} as metastudio`,
    "",
    'batch = metastudio.get_training_jobs_output(batch_name="release-7")',
    'pulumi.export("jobsInBatch", batch.count)',
    "",
    'gate = metastudio.wait_for_training_jobs_output(batch_name="release-7", timeout_seconds=3600)',
    'pulumi.export("assetsToDeploy", gate.asset_ids)',
    "```",
    "",
    "```go",
    "import (",
    '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
    `\t"${schema.language.go.importBasePath}"`,
    ")",
    "",
    "func main() {",
    "\tpulumi.Run(func(ctx *pulumi.Context) error {",
    '\t\tgate := metastudio.WaitForTrainingJobsOutput(ctx, metastudio.WaitForTrainingJobsOutputArgs{BatchName: pulumi.String("release-7"), TimeoutSeconds: pulumi.Int(3600)})',
    '\t\tctx.Export("assetsToDeploy", gate.AssetIds())',
    "\t\treturn nil",
    "\t})",
    "}",
    "```",
    "",
  ].join("\n");
}

function installationConfiguration(): string {
  const rows = Object.entries(schema.config.variables).map(
    ([key, p]) =>
      `| \`${schema.name}:${key}\` | ${p.type}${p.secret ? ", secret" : ""} | ${p.default === undefined ? "" : `\`${JSON.stringify(p.default)}\``} | ${cell(p.description)} |`,
  );
  return [
    ...frontMatter(
      `${schema.displayName} Installation & Configuration`,
      `How to install and configure the ${schema.displayName} provider for Pulumi.`,
    ),
    "## Installation",
    "",
    "**At run time a program needs its language's SDK and nothing else**: the provider plugin,",
    `\`pulumi-resource-${schema.name}\`, is a self-contained executable with its Node.js runtime inside, for`,
    "linux-amd64, linux-arm64, darwin-amd64, darwin-arm64 (x86_64, under Rosetta 2) and windows-amd64.",
    `The SDKs name its download server, \`${PLUGIN_DOWNLOAD_URL}\` (the releases of`,
    `[${REPOSITORY.replace("https://", "")}](${REPOSITORY})), so \`pulumi up\` or \`pulumi install\` downloads`,
    "and installs it on first use. To install it by hand, or on a machine without access to GitHub:",
    "",
    "```bash",
    `pulumi plugin install resource ${schema.name} ${PROVIDER_VERSION} -f pulumi-resource-${schema.name}-v${PROVIDER_VERSION}-linux-amd64.tar.gz`,
    "```",
    "",
    "The SDKs:",
    "",
    `- Node.js (JavaScript or TypeScript): \`${SDK_PACKAGE_NAME}\`, from \`sdk/nodejs\` of the repository`,
    `- Python: \`${PYTHON_PACKAGE_NAME}\`, from \`sdk/python\``,
    `- Go: \`${schema.language.go.importBasePath}\``,
    `- Java: package \`${schema.language.java.basePackage}.${schema.name}\`, sources in \`sdk/java\``,
    "",
    "## Configuration",
    "",
    "Set the keys with `pulumi config set` (secrets with `--secret`), or give them to an explicit",
    "`Provider` resource. Where a key is not set, the plugin reads the environment variables its",
    "description names (the Huawei Cloud provider's), credentials included.",
    "",
    "```bash",
    `pulumi config set ${schema.name}:region cn-north-4`,
    `pulumi config set ${schema.name}:projectId 0123456789abcdef0123456789abcdef`,
    `pulumi config set --secret ${schema.name}:accessKey "$HW_ACCESS_KEY"`,
    `pulumi config set --secret ${schema.name}:secretKey "$HW_SECRET_KEY"`,
    "```",
    "",
    "| key | type | default | description |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node dist/scripts/gen-pulumi-docs.js <docs dir>\n");
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "_index.md"), index());
writeFileSync(join(dir, "installation-configuration.md"), installationConfiguration());
