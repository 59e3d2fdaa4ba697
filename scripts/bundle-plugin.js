#!/usr/bin/env node
// Bundles the compiled plugin (dist/provider/src/main.js and what it requires, schema.json
// included) into provider/bin/plugin.js, so the provider/bin folder works on its own: copied onto
// $PATH or into a plugin cache, without this checkout's dist/ or node_modules/.
"use strict";
const path = require("path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");
esbuild
  .build({
    entryPoints: [path.join(root, "dist", "provider", "src", "main.js")],
    outfile: path.join(root, "provider", "bin", "plugin.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  })
  .catch(() => process.exit(1));
