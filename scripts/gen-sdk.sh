#!/usr/bin/env bash
# `npm run gen-sdk [out-dir [language...]]`: the Node.js, Python, Go and Java SDKs, generated from provider/schema.json
# by Pulumi's own code generator (the codegen of pkg/v3 v3.276.0, as `pulumi package gen-sdk`
# v3.276 runs it through its language hosts; .tools/bin/pulumi-gen-sdk makes the same calls, since
# the language hosts these machines can build predate GeneratePackage: docs/tools.md). Without an
# argument it rewrites sdk/nodejs, sdk/python, sdk/go and sdk/java in place; the SDK test generates into a
# temporary folder and compares. Nothing in those folders is edited by hand: what an SDK needs
# must come from the schema. Languages (default all): nodejs python go java; the SDK tests generate
# the first three and Java apart, since Java needs other tools (pulumi and pulumi-language-java).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out=${1:-$repo/sdk}
tools=${METASTUDIO_TOOLS_DIR:-$repo/.tools/bin}
shift $(($# > 0 ? 1 : 0))
languages=" ${*:-nodejs python go java} "
for language in nodejs python go; do
  [[ $languages == *" $language "* ]] || continue
  [ -x "$tools/pulumi-gen-sdk" ] || { echo "no pulumi-gen-sdk in $tools: run npm run tools:install first" >&2; exit 1; }
  rm -rf "${out:?}/$language"
  # -local, as `pulumi package add` generates an SDK used from a path: the Node.js package.json
  # points `main` at the compiled bin/ and compiles on install (this repository uses it as an npm
  # workspace); the Python and Go output is the same either way.
  "$tools/pulumi-gen-sdk" -local "$repo/provider/schema.json" "$language" "$out" >/dev/null
done
# In place, the Node.js SDK is this repository's workspace package: generating removed its compiled
# bin/ (with the package.json copy its getVersion reads), which npm ci's postinstall made; make it again.
if [[ $languages == *" nodejs "* ]] && [ "$out" -ef "$repo/sdk" ]; then
  (cd "$repo/sdk/nodejs" && PATH="$repo/node_modules/.bin:$PATH" node scripts/postinstall.js)
fi
# Java: the Java host (pulumi-java v1.12.0) implements GeneratePackage, so the real
# `pulumi package gen-sdk` makes it, through .tools/bin/pulumi-language-java (docs/tools.md). The
# schema's java.buildFiles is "none": sources and version.txt only, compiled by a Maven project.
[[ $languages == *" java "* ]] || { echo "generated${languages% } SDKs in $out"; exit 0; }
[ -x "$tools/pulumi" ] && [ -x "$tools/pulumi-language-java" ] ||
  { echo "no pulumi or pulumi-language-java in $tools: run npm run tools:install first" >&2; exit 1; }
rm -rf "${out:?}/java"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# The CLI prints a warning per secret config property (not an Output in Java); shown only on failure.
PATH="$tools:$PATH" PULUMI_HOME="$home" PULUMI_SKIP_UPDATE_CHECK=true \
  "$tools/pulumi" package gen-sdk "$repo/provider/schema.json" --language java --out "$out" >"$home/log" 2>&1 ||
  { cat "$home/log" >&2; echo "pulumi package gen-sdk --language java failed" >&2; exit 1; }
echo "generated${languages% } SDKs in $out"
