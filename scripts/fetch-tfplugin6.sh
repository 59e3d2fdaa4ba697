#!/usr/bin/env bash
# Fetches the Terraform plugin protocol (tfplugin6.proto, from the Go module
# github.com/hashicorp/terraform-plugin-go) and go-plugin's controller and stdio services (from
# github.com/hashicorp/go-plugin) through the Go module proxy, then regenerates the TypeScript
# stubs with ts-proto (run by buf, both from npm). The .proto files and the stubs are committed:
# `npm run build` needs neither Go nor this script. Run it to move to a newer protocol version.
#
#   scripts/fetch-tfplugin6.sh [terraform-plugin-go version] [go-plugin version]
set -euo pipefail
cd "$(dirname "$0")/.."

TPG_VERSION="${1:-v0.31.0}"
GOPLUGIN_VERSION="${2:-v1.8.0}"
PROTO_DIR=provider/src/terraform/proto
OUT_DIR=provider/src/terraform/generated

module_dir() {
  # `go mod download` needs a module to run in; a throwaway one keeps this checkout clean.
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && go mod init fetch-protos >/dev/null 2>&1 && go mod download -json "$1@$2") |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);if(!m.Dir){console.error(m.Error||"no Dir");process.exit(1)}console.log(m.Dir)})'
  rm -rf "$tmp"
}

tpg="$(module_dir github.com/hashicorp/terraform-plugin-go "$TPG_VERSION")"
gp="$(module_dir github.com/hashicorp/go-plugin "$GOPLUGIN_VERSION")"

mkdir -p "$PROTO_DIR"
install -m 0644 "$tpg/tfprotov6/internal/tfplugin6/tfplugin6.proto" "$PROTO_DIR/tfplugin6.proto"
install -m 0644 "$gp/internal/plugin/grpc_controller.proto" "$PROTO_DIR/grpc_controller.proto"
install -m 0644 "$gp/internal/plugin/grpc_stdio.proto" "$PROTO_DIR/grpc_stdio.proto"
cat > "$PROTO_DIR/SOURCE.md" <<NOTE
Fetched by scripts/fetch-tfplugin6.sh through the Go module proxy; do not edit.

- tfplugin6.proto: github.com/hashicorp/terraform-plugin-go@$TPG_VERSION, tfprotov6/internal/tfplugin6/ (MPL-2.0)
- grpc_controller.proto, grpc_stdio.proto: github.com/hashicorp/go-plugin@$GOPLUGIN_VERSION, internal/plugin/ (MPL-2.0)
NOTE

rm -rf "$OUT_DIR"
npx --no-install buf generate "$PROTO_DIR" --template scripts/buf.gen.tfplugin6.yaml --output "$OUT_DIR"
echo "protos in $PROTO_DIR, stubs in $OUT_DIR"
