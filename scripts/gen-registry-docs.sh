#!/usr/bin/env bash
# `npm run gen-docs [out-dir]`: the registry pages, generated from the one schema.
#   Terraform (tfplugindocs, from `tofu providers schema -json` of the built provider and the
#   examples in examples/provider, examples/data-sources, examples/resources):
#     docs/index.md, docs/data-sources/training_jobs.md, docs/resources/training_jobs_gate.md
#   Pulumi (scripts/gen-pulumi-docs.ts, from provider/schema.json's generator):
#     docs/_index.md, docs/installation-configuration.md
# Without an argument it rewrites them in place; the docs test generates into a temporary folder
# and compares, so a stale page fails CI. tfplugindocs manages only index.md and its own
# subfolders of docs/, so the other pages of docs/ stay as they are. It never downloads a
# Terraform CLI here: it is given the schema file.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
tools=${METASTUDIO_TOOLS_DIR:-$repo/.tools/bin}
out=${1:-$repo}
for t in tofu tfplugindocs; do
  [ -x "$tools/$t" ] || { echo "no $t in $tools: run npm run tools:install first" >&2; exit 1; }
done
[ -f provider/bin/terraform-plugin.js ] && [ -f dist/scripts/gen-pulumi-docs.js ] ||
  { echo "run npm run build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The provider as Terraform sees it: the checkout's build, through dev_overrides (no init).
cat >"$work/tofurc" <<HCL
provider_installation {
  dev_overrides {
    "registry.opentofu.org/pulumi-metastudio/metastudio" = "$repo/provider/bin"
  }
  direct {}
}
HCL
cp examples/provider/provider.tf "$work/main.tf"
(cd "$work" && TF_CLI_CONFIG_FILE="$work/tofurc" CHECKPOINT_DISABLE=1 "$tools/tofu" providers schema -json >"$work/raw.json")
# tfplugindocs looks the provider up by its short name.
node -e '
  const fs = require("fs");
  const raw = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const [key] = Object.keys(raw.provider_schemas).filter((k) => k.endsWith("/metastudio"));
  raw.provider_schemas = { metastudio: raw.provider_schemas[key] };
  fs.writeFileSync(process.argv[2], JSON.stringify(raw));
' "$work/raw.json" "$work/schema.json"

if [ "$out" != "$repo" ]; then
  mkdir -p "$out/examples"
  cp -r examples/provider examples/data-sources examples/resources "$out/examples/"
fi
"$tools/tfplugindocs" generate --provider-dir "$out" --provider-name metastudio \
  --rendered-provider-name "Huawei Cloud MetaStudio" --providers-schema "$work/schema.json" >"$work/log" 2>&1 ||
  { cat "$work/log" >&2; exit 1; }
node dist/scripts/gen-pulumi-docs.js "$out/docs"
echo "registry pages written to $out/docs"
