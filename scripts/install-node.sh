#!/usr/bin/env bash
# Node.js 22 for the end-to-end tests, from the npm registry (the `node` package carries the
# binary), into .tools/: @pulumi/pulumi 3.27x requires Node >= 22, while the machines' own Node
# may be older. `.tools/bin/node` then comes first on the PATH the tests give the Pulumi CLI, so
# the language host, the program and the plugin all run on it.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_VERSION="${NODE_VERSION:-22.23.3}"
dir=.tools/node
if [ -x "$dir/node_modules/node/bin/node" ] && [ "$("$dir/node_modules/node/bin/node" --version)" = "v$NODE_VERSION" ]; then
  echo "node v$NODE_VERSION: already in $dir"
else
  echo "node v$NODE_VERSION: installing from the npm registry into $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  npm install --no-audit --no-fund --no-save --prefix "$dir" "node@$NODE_VERSION" >/dev/null
fi
mkdir -p .tools/bin
ln -sf ../node/node_modules/node/bin/node .tools/bin/node
.tools/bin/node --version
