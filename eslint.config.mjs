// Type-aware linting of every TypeScript source (provider, emulator, harness, tests, scripts, bench,
// examples, SDK sources that are not generated). Formatting is Prettier's job, not ESLint's.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

const FRONT_ENDS = ["pulumi", "terraform", "cli"];

/**
 * provider/src/<folder> may not import provider/src/<each of `forbidden`>: a folder name, or a
 * regular expression for part of one ("api/(?!untrustedText$)": api/ but for that file).
 */
function layer(folder, forbidden, why = `${folder}/ sits below these in docs/architecture.md's layers`) {
  // A plain name is the whole folder (followed by / or nothing); a pattern with / says itself.
  const alternatives = forbidden.map((f) => (f.includes("/") ? f : `${f}(/|$)`));
  const regex = `^(\\.\\./)+(${alternatives.join("|")})`;
  return [
    {
      files: [`provider/src/${folder}/**/*.ts`],
      rules: {
        "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ regex, message: why, allowTypeImports: true }] }],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "**/node_modules/**",
      ".tools/**",
      "provider/bin/plugin.js",
      "sdk/**",
      "**/generated/**",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused names are tsc's job (noUnusedLocals/Parameters); a leading _ marks an intended one.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Promises handed to event emitters and timers are the norm in a gRPC/HTTP server.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
      // Control characters in a pattern are the point here: untrusted text is cleaned of them, and
      // tests check that no ANSI escape (\x1b) reaches a message.
      "no-control-regex": "off",
    },
  },
  {
    // The plugin loads its functions, zod and the HTTP client with require() on first use, so the
    // engine gets the port line sooner (docs/benchmarks.md, "Start-up"); import() would make those
    // paths async. Typed by `as typeof import(...)` at each call.
    files: ["provider/src/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Layers (docs/architecture.md): each folder of provider/src imports only the folders below it,
  // and no front end imports another. A type import crosses freely: it costs nothing at run time
  // and couples no behaviour.
  ...layer("schema", ["api/(?!untrustedText$)", "config", "functions", "core", ...FRONT_ENDS]),
  ...layer("api", ["config", "functions", "core", ...FRONT_ENDS]),
  ...layer("config", ["functions", "core", ...FRONT_ENDS]),
  ...layer("functions", ["config", "core", ...FRONT_ENDS]),
  ...layer("core", FRONT_ENDS),
  ...FRONT_ENDS.map((front) =>
    layer(
      front,
      ["api", ...FRONT_ENDS.filter((other) => other !== front)],
      "front ends reach the API through core/ (session, failures) and never import one another",
    ),
  ).flat(),
  {
    // Tests poke at untyped JSON answers on purpose; `any` there keeps assertions readable.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
      // Fakes implement the async interfaces they stand in for, often without awaiting anything.
      "@typescript-eslint/require-await": "off",
    },
  },
);
