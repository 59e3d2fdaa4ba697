#!/usr/bin/env node
// Bundles the compiled plugins into single files beside their executables in provider/bin, so the
// folder works on its own (copied onto $PATH, into a plugin cache, a filesystem mirror or a
// dev_overrides folder), without this checkout's dist/ or node_modules/:
//   dist/provider/src/pulumi/main.js    -> provider/bin/plugin.js            (Pulumi)
//   dist/provider/src/terraform/main.js -> provider/bin/terraform-plugin.js  (Terraform, OpenTofu)
"use strict";
const path = require("path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
const bundles = [
  [path.join("pulumi", "main.js"), "plugin.js"],
  [path.join("terraform", "main.js"), "terraform-plugin.js"],
];
Promise.all(
  bundles.map(([entry, out]) =>
    esbuild.build({
      entryPoints: [path.join(root, "dist", "provider", "src", entry)],
      outfile: path.join(root, "provider", "bin", out),
      bundle: true,
      platform: "node",
      // The project (tools, tests) wants Node 22 (.nvmrc, engines); the plugin bundle still starts on
      // Node 20, where the engine may run it, so its target stays node20.
      target: "node20",
      format: "cjs",
      logLevel: "warning",
    }),
  ),
).catch(() => process.exit(1));
