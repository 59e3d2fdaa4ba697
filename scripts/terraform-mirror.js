#!/usr/bin/env node
// Lays out the built provider as a filesystem mirror, as an air-gapped user installs it:
//   <mirror>/<host>/<namespace>/metastudio/<version>/<os>_<arch>/terraform-provider-metastudio_v<version>
// (plus the bundle it runs), for `provider_installation { filesystem_mirror { path = "<mirror>" } }`.
//
//   node scripts/terraform-mirror.js <mirror dir> [--source registry.opentofu.org/pulumi-metastudio/metastudio]
"use strict";
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
const mirror = args.find((a) => !a.startsWith("--"));
const sourceAt = args.indexOf("--source");
const source = sourceAt >= 0 ? args[sourceAt + 1] : "registry.opentofu.org/pulumi-metastudio/metastudio";
if (!mirror) {
  process.stderr.write("usage: node scripts/terraform-mirror.js <mirror dir> [--source host/namespace/metastudio]\n");
  process.exit(2);
}
const root = path.join(__dirname, "..");
const bin = path.join(root, "provider", "bin");
const bundle = path.join(bin, "terraform-plugin.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("provider/bin/terraform-plugin.js is missing: run `npm run build` first\n");
  process.exit(1);
}
const version = require(path.join(root, "package.json")).version;
const arch = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" }[process.arch] || process.arch;
const dir = path.join(path.resolve(mirror), ...source.split("/"), version, `${process.platform}_${arch}`);
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(path.join(bin, "terraform-provider-metastudio"), path.join(dir, `terraform-provider-metastudio_v${version}`));
fs.chmodSync(path.join(dir, `terraform-provider-metastudio_v${version}`), 0o755);
fs.copyFileSync(bundle, path.join(dir, "terraform-plugin.js"));
process.stdout.write(`${dir}\n`);
