#!/usr/bin/env bash
# `npm run package`: the Pulumi plugin's release tarball for this machine, which
# `pulumi plugin install resource metastudio <version> -f <tarball>` installs into the plugin cache;
# prints its path. It is one of the artifacts `npm run release` writes for all five platforms
# (self-contained: Node.js inside), taken from the release's cache when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/scripts/release.js ] || { echo "dist/scripts/release.js is missing: run npm run build first" >&2; exit 1; }
version=$(node -p 'require("./package.json").version')
os=$(node -p 'process.platform === "win32" ? "windows" : process.platform')
arch=$(node -p '({ x64: "amd64", arm64: "arm64" })[process.arch] ?? process.arch')
node dist/scripts/release.js >/dev/null
echo "dist/release/pulumi-resource-metastudio-v$version-$os-$arch.tar.gz"
