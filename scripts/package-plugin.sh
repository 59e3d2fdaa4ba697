#!/usr/bin/env bash
# `npm run package`: the plugin as a release artifact, a tarball that
# `pulumi plugin install resource metastudio <version> -f <tarball>` installs into the plugin cache.
# The plugin is one bundled JavaScript file behind a `#!/usr/bin/env node` launcher, so the same
# bytes serve every OS and architecture that Node.js runs on; the name follows Pulumi's
# `<name>-v<version>-<os>-<arch>` convention for the machine that built it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f provider/bin/plugin.js ] || { echo "provider/bin/plugin.js is missing: run npm run build first" >&2; exit 1; }
version=$(node -p 'require("./package.json").version')
os=$(node -p 'process.platform === "win32" ? "windows" : process.platform')
arch=$(node -p '({ x64: "amd64", arm64: "arm64" })[process.arch] ?? process.arch')
out=dist/release
mkdir -p "$out"
artifact="$out/pulumi-resource-metastudio-v$version-$os-$arch.tar.gz"
tar -czf "$artifact" -C provider/bin pulumi-resource-metastudio plugin.js
echo "$artifact"
