/** provider/schema.json is checked in; it must be exactly what the field tables generate. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../../harness/repoRoot";
import { buildPackageSchema } from "../../../provider/src/pulumi/packageSchema";
import { PROVIDER_VERSION } from "../../../provider/src/version";

test("schema.json matches the generator (run `npm run gen-schema` after changing a field)", () => {
  const onDisk = JSON.parse(readFileSync(join(REPO_ROOT, "provider", "schema.json"), "utf8"));
  expect(onDisk).toEqual(buildPackageSchema(PROVIDER_VERSION));
});

test("the SDK's package version is the provider's, so `{version}` in invoke options pins this plugin", () => {
  const sdk = JSON.parse(readFileSync(join(REPO_ROOT, "sdk", "nodejs", "package.json"), "utf8"));
  expect(sdk.version).toBe(PROVIDER_VERSION);
  expect(sdk.pulumi).toEqual({ resource: true, name: "metastudio", version: PROVIDER_VERSION });
});
