/** Writes provider/schema.json from the field tables (run by `npm run gen-schema`). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../harness/repoRoot";
import { buildPackageSchema } from "../provider/src/pulumi/packageSchema";
import { PROVIDER_VERSION } from "../provider/src/version";

const target = join(REPO_ROOT, "provider", "schema.json");
writeFileSync(target, JSON.stringify(buildPackageSchema(PROVIDER_VERSION), null, 2) + "\n");
process.stderr.write(`wrote ${target}\n`);
