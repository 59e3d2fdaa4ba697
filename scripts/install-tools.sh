#!/usr/bin/env bash
# Builds the real engines this project tests against, from pinned Go modules, into <repo>/.tools/bin:
#   pulumi                   Pulumi CLI              (tools/pulumi:   github.com/pulumi/pulumi/pkg/v3)
#   pulumi-language-yaml     Pulumi YAML host        (tools/pulumi:   github.com/pulumi/pulumi-yaml)
#   pulumi-language-nodejs   Node.js language host   (tools/langhosts/nodejs: github.com/pulumi/pulumi/sdk/v3 v3.68.0)
#   pulumi-language-python   Python language host    (tools/langhosts/python: github.com/pulumi/pulumi/sdk/v3 v3.79.0)
#     + pulumi-language-python-exec (its run script, copied from that module)
#   pulumi-language-go       Go language host        (tools/langhosts/go:     github.com/pulumi/pulumi/sdk/v3 v3.66.0)
#   pulumi-language-java     Java language host      (tools/langhosts/java:   github.com/pulumi/pulumi-java/pkg v1.12.0)
#   pulumi-gen-sdk           SDK generator           (tools/pulumi/cmd/pulumi-gen-sdk: codegen of pkg/v3, as the v3.276 hosts)
#   pulumi-resource-random   STAND-IN for @pulumi/random's plugin: RandomId only (tools/random, our source)
#   tofu                     OpenTofu CLI            (tools/opentofu: github.com/opentofu/opentofu)
#   tfplugindocs             Terraform registry docs (tools/tfplugindocs: github.com/hashicorp/terraform-plugin-docs)
#
# Usage: scripts/install-tools.sh [TOOL...]     TOOL: all (default), pulumi, yaml, nodejs, python, go,
#                                               java, langs (= nodejs python go java), gensdk (or gen-sdk), random,
#                                               opentofu (or tofu), tfplugindocs
#
# Versions live only in the wrapper modules' go.mod/go.sum (committed); see docs/tools.md. Only `go`
# is needed on PATH; modules come from GOPROXY. Nothing is written outside <repo>/.tools and Go's own
# module and build caches. A tool whose binary exists and whose stamp (.tools/stamps/<bin>) records
# the same inputs (wrapper go.mod/go.sum and sources, flags, Go version) is skipped, so a second run
# with nothing changed takes about a second. FORCE=1 rebuilds anyway (then Go's build cache decides).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$ROOT/.tools"
BIN="$TOOLS_DIR/bin"
STAMPS="$TOOLS_DIR/stamps"
WORK="$TOOLS_DIR/build"

command -v go >/dev/null || { echo "install-tools: 'go' is not on PATH" >&2; exit 1; }

# Reproducible, self-contained builds: go.mod/go.sum must already be complete (-mod=readonly), no
# VCS stamping of this repository into the binaries, no local paths in them, no C toolchain needed.
export GOFLAGS="-mod=readonly -buildvcs=false -trimpath"
export CGO_ENABLED=0
export GOWORK=off

mkdir -p "$BIN" "$STAMPS" "$WORK"

now() { date +%s; }
fmt() { local s=$1; printf '%dm%02ds' $((s / 60)) $((s % 60)); }
hash_files() { cat "$@" | sha256sum | cut -c1-64; }

# Version of a module as selected by a wrapper module's go.mod.
modversion() { (cd "$ROOT/$1" && go list -m -f '{{.Version}}' "$2"); }

# build NAME WRAPPER PACKAGE VERSION TAGS LDFLAGS [EXTRA_GO_FLAGS...]
build() {
  local name=$1 wrapper=$2 pkg=$3 version=$4 tags=$5 ldflags=$6
  shift 6
  local out="$BIN/$name" stampfile="$STAMPS/$name"
  local inputs
  inputs=$(
    {
      printf '%s\n' "$name" "$pkg" "$version" "$tags" "$ldflags" "$*" "$GOFLAGS" "$CGO_ENABLED" "$(go env GOVERSION)"
      # every file of the wrapper module (go.mod, go.sum, glue sources), and any overlay content
      find "$ROOT/$wrapper" -type f | LC_ALL=C sort | xargs cat
      for f in "$@"; do case $f in -overlay=*) cat "${f#-overlay=}"; ;; esac; done
    } | sha256sum | cut -c1-64
  )
  if [[ -z "${FORCE:-}" && -x "$out" && -f "$stampfile" && "$(cat "$stampfile")" == "$inputs" ]]; then
    echo "==> $name $version: up to date"
    return 0
  fi
  echo "==> $name $version: building $pkg (in $wrapper)"
  local t0
  t0=$(now)
  rm -f "$stampfile"
  (cd "$ROOT/$wrapper" && go build -tags "$tags" -ldflags "$ldflags" "$@" -o "$out.tmp" "$pkg")
  mv -f "$out.tmp" "$out"
  echo "$inputs" >"$stampfile"
  echo "    $name built in $(fmt $(($(now) - t0)))"
}

PULUMI_SDK=github.com/pulumi/pulumi/sdk/v3
PULUMI_VERSION_VAR="$PULUMI_SDK/go/common/version.Version"
PULUMI_TAGS=osusergo,grpcnotrace # as Pulumi's release (.goreleaser.yml)

tool_pulumi() {
  local v
  v=$(modversion tools/pulumi github.com/pulumi/pulumi/pkg/v3)
  build pulumi tools/pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$v" "$PULUMI_TAGS" \
    "-w -s -X $PULUMI_VERSION_VAR=$v"
}

tool_yaml() {
  local v
  v=$(modversion tools/pulumi github.com/pulumi/pulumi-yaml)
  build pulumi-language-yaml tools/pulumi github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml "$v" "" \
    "-w -s -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$v"
}

# The language hosts. Their current modules (.../sdk/{nodejs/cmd/pulumi-language-nodejs,python/cmd/
# pulumi-language-python,go/pulumi-language-go}/v3) carry no tags and the proxy serves no pseudo-version
# of them, so each is built from the newest served github.com/pulumi/pulumi/sdk/v3 whose module zip
# still holds it (before it got its own go.mod): one wrapper per sdk version, tools/langhosts/<lang>.
# Each reports the sdk version it was built from (`pulumi about` / plugin listings show it).
langhost() {
  local name=$1 lang=$2 pkg=$3 v
  v=$(modversion "tools/langhosts/$lang" "$PULUMI_SDK")
  build "$name" "tools/langhosts/$lang" "$pkg" "$v" "$PULUMI_TAGS" "-w -s -X $PULUMI_VERSION_VAR=$v"
}
tool_nodejs() {
  langhost pulumi-language-nodejs nodejs "$PULUMI_SDK/nodejs/cmd/pulumi-language-nodejs"
}
tool_python() {
  langhost pulumi-language-python python "$PULUMI_SDK/python/cmd/pulumi-language-python"
  # This host runs programs through the `pulumi-language-python-exec` script, looked for next to
  # itself. The script is a file of the same sdk/v3 module: copy it from the module cache.
  local dir
  dir=$(cd "$ROOT/tools/langhosts/python" && go list -f '{{.Dir}}' "$PULUMI_SDK/python/cmd/pulumi-language-python")
  install -m 0755 "$dir/../pulumi-language-python-exec" "$BIN/pulumi-language-python-exec"
}
tool_go() {
  langhost pulumi-language-go go "$PULUMI_SDK/go/pulumi-language-go"
}
# The Java host is its own module (github.com/pulumi/pulumi-java/pkg, tagged), built against pkg/sdk
# v3.171.0 (its wrapper's go.mod says why). It runs Maven projects with `mvn` from PATH (and Java).
tool_java() {
  local v
  v=$(modversion tools/langhosts/java github.com/pulumi/pulumi-java/pkg)
  build pulumi-language-java tools/langhosts/java github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java "$v" \
    "$PULUMI_TAGS" "-w -s -X github.com/pulumi/pulumi-java/pkg/version.Version=$v"
}

# pulumi package gen-sdk needs GeneratePackage, which the language hosts above predate. This tool
# makes the calls the v3.276 hosts make, into the codegen of the CLI's pkg/v3 (shares its wrapper).
tool_gensdk() {
  local v
  v=$(modversion tools/pulumi github.com/pulumi/pulumi/pkg/v3)
  build pulumi-gen-sdk tools/pulumi ./cmd/pulumi-gen-sdk "$v" "" "-w -s"
}

# A STAND-IN for @pulumi/random's plugin: RandomId only, reporting 4.21.2 (docs/tools.md: the real
# provider module is not served). Its source is tools/random/main.go; sdk/v3 as the CLI's.
tool_random() {
  local v
  v=$(sed -n 's/^[[:space:]]*version[[:space:]]*= "\(.*\)"$/\1/p' "$ROOT/tools/random/main.go")
  build pulumi-resource-random tools/random . "$v (stand-in)" "" "-w -s"
}

# The generator of the Terraform registry pages (scripts/gen-registry-docs.sh runs it offline, on
# the schema `tofu providers schema -json` prints, so it never downloads a Terraform CLI).
tool_tfplugindocs() {
  local v
  v=$(modversion tools/tfplugindocs github.com/hashicorp/terraform-plugin-docs)
  build tfplugindocs tools/tfplugindocs github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs "$v" "" "-w -s"
}

tool_opentofu() {
  local v
  v=$(modversion tools/opentofu github.com/opentofu/opentofu)
  # as OpenTofu's release (.goreleaser.yaml): CGO_ENABLED=0, -trimpath, -mod=readonly, these ldflags
  build tofu tools/opentofu github.com/opentofu/opentofu/cmd/tofu "$v" "" \
    "-s -w -X 'github.com/opentofu/opentofu/version.dev=no'"
}

# Node.js 22 from the npm registry (not a Go program): @pulumi/pulumi 3.27x needs Node >= 22, and
# .tools/bin/node then comes first on the PATH the tests and the demo give the Pulumi CLI.
tool_node() {
  bash "$ROOT/scripts/install-node.sh"
}

ALL=(node pulumi yaml nodejs python go java gensdk random opentofu tfplugindocs)
want=()  # tools to build, in order
for arg in "${@:-all}"; do
  case $arg in
    all) want+=("${ALL[@]}") ;;
    langs | language-hosts) want+=(nodejs python go java) ;;
    tofu | opentofu) want+=(opentofu) ;;
    gen-sdk | gensdk) want+=(gensdk) ;;
    node | pulumi | yaml | nodejs | python | go | java | random | tfplugindocs) want+=("$arg") ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "install-tools: unknown tool '$arg' (known: ${ALL[*]} langs all)" >&2; exit 2 ;;
  esac
done

start=$(now)
failed=()
done_=()
for t in "${want[@]}"; do
  [[ " ${done_[*]:-} " == *" $t "* ]] && continue
  done_+=("$t")
  rc=0
  "tool_$t" || rc=$?
  if ((rc != 0)); then
    echo "!!  $t failed" >&2
    failed+=("$t")
  fi
done
echo "==> tools in $BIN; total $(fmt $(($(now) - start)))"
if ((${#failed[@]})); then
  echo "install-tools: failed: ${failed[*]}" >&2
  exit 1
fi
