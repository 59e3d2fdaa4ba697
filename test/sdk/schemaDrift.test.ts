/**
 * The Node.js SDK in sdk/nodejs is written by hand (no Pulumi CLI here to run `gen-sdk`), so this
 * test does gen-sdk's job of keeping it honest: it reads the SDK's TypeScript with the compiler API
 * and reports every place where it no longer matches provider/schema.json, the schema that the
 * plugin serves and that the Python, Go, .NET, Java and YAML SDKs are generated from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { REPO_ROOT } from "../../harness/engineStandIn";

interface SchemaProperty {
  type?: string;
  items?: SchemaProperty;
  $ref?: string;
  description?: string;
  default?: unknown;
  secret?: boolean;
  defaultInfo?: { environment?: string[] };
}
interface ObjectSpec {
  properties: Record<string, SchemaProperty>;
  required?: string[];
}
interface PackageSchema {
  name: string;
  config: { variables: Record<string, SchemaProperty> };
  provider: { inputProperties: Record<string, SchemaProperty>; requiredInputs?: string[] };
  types: Record<string, ObjectSpec & { type: string }>;
  functions: Record<string, { inputs?: ObjectSpec; outputs: ObjectSpec }>;
}

/** Source text by path relative to sdk/nodejs; a map lets the negative tests feed edited sources. */
type SourceReader = (relPath: string) => string | undefined;

const SDK_DIR = join(REPO_ROOT, "sdk", "nodejs");
const diskReader: SourceReader = (rel) => {
  try {
    return readFileSync(join(SDK_DIR, rel), "utf8");
  } catch {
    return undefined;
  }
};

function loadSchema(): PackageSchema {
  return JSON.parse(readFileSync(join(REPO_ROOT, "provider", "schema.json"), "utf8")) as PackageSchema;
}

// ---- schema type -> the TypeScript gen-sdk writes for it ----

type Flavor = "plain" | "input";

function tsType(p: SchemaProperty, flavor: Flavor): string {
  if (p.$ref) {
    const name = p.$ref.split(":").pop()!;
    return flavor === "input" ? `inputs.${name}Args` : `outputs.${name}`;
  }
  switch (p.type) {
    case "integer":
    case "number":
      return "number";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "array": {
      const item = tsType(p.items ?? {}, flavor);
      return flavor === "input" ? `pulumi.Input<${item}>[]` : `${item}[]`;
    }
    default:
      return `<unsupported schema type ${JSON.stringify(p.type)}>`;
  }
}

const wrapInput = (p: SchemaProperty) => `pulumi.Input<${tsType(p, "input")}>`;
const norm = (s: string) => s.replace(/\s+/g, "");

// ---- reading the SDK sources ----

class SdkFile {
  readonly sf: ts.SourceFile;
  constructor(
    readonly path: string,
    text: string,
  ) {
    this.sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  }

  text(n: ts.Node): string {
    return n.getText(this.sf);
  }

  interface(name: string): ts.InterfaceDeclaration | undefined {
    return this.sf.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  }

  fn(name: string): ts.FunctionDeclaration | undefined {
    return this.sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
  }

  cls(name: string): ts.ClassDeclaration | undefined {
    return this.sf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
  }
}

function descendants(node: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node) => {
    out.push(n);
    n.forEachChild(visit);
  };
  node.forEachChild(visit);
  return out;
}

function calls(node: ts.Node, file: SdkFile, callee: string): ts.CallExpression[] {
  return descendants(node).filter((n): n is ts.CallExpression => ts.isCallExpression(n) && file.text(n.expression) === callee);
}

interface TsProp {
  optional: boolean;
  readonly: boolean;
  type: string;
}

function props(file: SdkFile, decl: ts.InterfaceDeclaration): Map<string, TsProp> {
  const m = new Map<string, TsProp>();
  for (const member of decl.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    m.set(file.text(member.name).replace(/^["']|["']$/g, ""), {
      optional: member.questionToken !== undefined,
      readonly: member.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false,
      type: norm(file.text(member.type)),
    });
  }
  return m;
}

/** Property names and types of an interface against a schema object. */
function compareInterface(
  diffs: string[],
  file: SdkFile,
  name: string,
  spec: ObjectSpec,
  opts: { type: (p: SchemaProperty) => string; readonly?: boolean },
): void {
  const where = `${file.path}: ${name}`;
  const decl = file.interface(name);
  if (!decl) {
    diffs.push(`${where}: interface missing`);
    return;
  }
  const actual = props(file, decl);
  const required = new Set(spec.required ?? []);
  for (const [key, p] of Object.entries(spec.properties)) {
    const a = actual.get(key);
    if (!a) {
      diffs.push(`${where}.${key}: missing (schema has it)`);
      continue;
    }
    if (a.optional === required.has(key)) {
      diffs.push(`${where}.${key}: ${a.optional ? "optional" : "required"} in the SDK, ${required.has(key) ? "required" : "optional"} in the schema`);
    }
    const want = norm(opts.type(p));
    if (a.type !== want) diffs.push(`${where}.${key}: type ${a.type}, schema wants ${want}`);
    if (opts.readonly !== undefined && a.readonly !== opts.readonly) {
      diffs.push(`${where}.${key}: ${opts.readonly ? "should" : "should not"} be readonly`);
    }
  }
  for (const key of actual.keys()) {
    if (!(key in spec.properties)) diffs.push(`${where}.${key}: not in the schema`);
  }
}

function lastSegment(token: string): string {
  return token.split(":").pop()!;
}
const upperFirst = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The invoke call inside getX / getXOutput: right runtime function, token and argument keys. */
function compareInvoke(diffs: string[], file: SdkFile, fnName: string, runtimeFn: string, token: string, inputs: string[]): void {
  const where = `${file.path}: ${fnName}`;
  const decl = file.fn(fnName);
  if (!decl?.body) {
    diffs.push(`${where}: function missing`);
    return;
  }
  const [invoke, ...extra] = calls(decl.body, file, `pulumi.runtime.${runtimeFn}`);
  if (!invoke || extra.length > 0) {
    diffs.push(`${where}: expected exactly one pulumi.runtime.${runtimeFn} call`);
    return;
  }
  const [tok, args, opts] = invoke.arguments;
  if (!tok || !ts.isStringLiteral(tok) || tok.text !== token) {
    diffs.push(`${where}: invokes ${tok ? file.text(tok) : "nothing"}, schema token is "${token}"`);
  }
  if (!args || !ts.isObjectLiteralExpression(args)) {
    diffs.push(`${where}: invoke arguments are not an object literal of explicit keys`);
  } else {
    const sent = new Map<string, string>();
    for (const p of args.properties) {
      if (ts.isPropertyAssignment(p)) sent.set(file.text(p.name).replace(/^["']|["']$/g, ""), file.text(p.initializer));
      else diffs.push(`${where}: invoke argument ${file.text(p)} is not a plain key: value`);
    }
    for (const key of inputs) {
      if (!sent.has(key)) diffs.push(`${where}: input ${key} is not sent`);
      else if (sent.get(key) !== `args.${key}`) diffs.push(`${where}: input ${key} is sent as ${sent.get(key)}, expected args.${key}`);
    }
    for (const key of sent.keys()) if (!inputs.includes(key)) diffs.push(`${where}: sends ${key}, which is not a schema input`);
  }
  // Without the merged defaults the invoke would not pin the plugin to the SDK's version.
  const merged = calls(decl.body, file, "pulumi.mergeOptions").some((c) => c.arguments[0] && file.text(c.arguments[0]) === "utilities.resourceOptsDefaults()");
  if (!merged || !opts || file.text(opts) !== "opts") diffs.push(`${where}: opts are not merged with utilities.resourceOptsDefaults()`);
}

function compareSignature(diffs: string[], file: SdkFile, fnName: string, argsType: string, argsOptional: boolean, optsType: string, returnType: string): void {
  const decl = file.fn(fnName);
  if (!decl) return; // reported by compareInvoke
  const where = `${file.path}: ${fnName}`;
  const [args, opts] = decl.parameters;
  if (!args || !args.type || norm(file.text(args.type)) !== argsType) diffs.push(`${where}: first parameter should be args: ${argsType}`);
  else if ((args.questionToken !== undefined) !== argsOptional) {
    diffs.push(`${where}: args should be ${argsOptional ? "optional (no required inputs)" : "required"}`);
  }
  if (!opts || !opts.type || norm(file.text(opts.type)) !== optsType || !opts.questionToken) diffs.push(`${where}: second parameter should be opts?: ${optsType}`);
  if (!decl.type || norm(file.text(decl.type)) !== returnType) diffs.push(`${where}: should return ${returnType}`);
  if (!decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) diffs.push(`${where}: not exported`);
}

/** Environment variable names passed to utilities.getEnv* anywhere under a node, in order. */
function envNames(file: SdkFile, node: ts.Node): string[] {
  return descendants(node)
    .filter((n): n is ts.CallExpression => ts.isCallExpression(n) && /^utilities\.getEnv(Number|Boolean)?$/.test(file.text(n.expression)))
    .flatMap((c) => c.arguments.map((a) => (ts.isStringLiteral(a) ? a.text : file.text(a))));
}

function hasLiteral(node: ts.Node, value: unknown): boolean {
  return descendants(node).some(
    (n) => (ts.isStringLiteral(n) && n.text === value) || (ts.isNumericLiteral(n) && Number(n.text) === value) || (value === true && n.kind === ts.SyntaxKind.TrueKeyword) || (value === false && n.kind === ts.SyntaxKind.FalseKeyword),
  );
}

/** Whether an expression marks its value secret: pulumi.secret itself, or a helper in the same file that calls it. */
function wrapsSecret(file: SdkFile, expr: ts.Node): boolean {
  return descendants(expr)
    .concat(expr)
    .some((n) => {
      if (!ts.isCallExpression(n)) return false;
      const callee = file.text(n.expression);
      if (callee === "pulumi.secret") return true;
      const helper = ts.isIdentifier(n.expression) ? file.fn(callee) : undefined;
      return helper?.body !== undefined && calls(helper.body, file, "pulumi.secret").length > 0;
    });
}

function compareProvider(diffs: string[], schema: PackageSchema, file: SdkFile): void {
  const inputs = schema.provider.inputProperties;
  const required = new Set(schema.provider.requiredInputs ?? []);
  compareInterface(diffs, file, "ProviderArgs", { properties: inputs, required: [...required] }, { type: wrapInput });

  const configKeys = Object.keys(schema.config.variables).sort();
  const inputKeys = Object.keys(inputs).sort();
  if (configKeys.join() !== inputKeys.join()) diffs.push(`schema: config.variables (${configKeys}) and provider.inputProperties (${inputKeys}) differ`);

  const cls = file.cls("Provider");
  if (!cls) {
    diffs.push(`${file.path}: class Provider missing`);
    return;
  }
  if (!cls.heritageClauses?.some((h) => file.text(h) === "extends pulumi.ProviderResource")) diffs.push(`${file.path}: Provider does not extend pulumi.ProviderResource`);
  if (!cls.members.some((m) => ts.isMethodDeclaration(m) && file.text(m.name) === "isInstance")) diffs.push(`${file.path}: Provider.isInstance missing`);
  const pulumiType = cls.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && file.text(m.name) === "__pulumiType");
  if (!pulumiType?.initializer || !ts.isStringLiteral(pulumiType.initializer) || pulumiType.initializer.text !== schema.name) {
    diffs.push(`${file.path}: Provider.__pulumiType should be "${schema.name}"`);
  }

  const assigned = new Map<string, ts.Expression>();
  for (const n of descendants(cls)) {
    if (!ts.isBinaryExpression(n) || n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    if (ts.isElementAccessExpression(n.left) && file.text(n.left.expression) === "resourceInputs" && ts.isStringLiteral(n.left.argumentExpression)) {
      assigned.set(n.left.argumentExpression.text, n.right);
    }
  }
  for (const [key, p] of Object.entries(inputs)) {
    const expr = assigned.get(key);
    const where = `${file.path}: resourceInputs["${key}"]`;
    if (!expr) {
      diffs.push(`${where}: not set`);
      continue;
    }
    if (p.secret && !wrapsSecret(file, expr)) diffs.push(`${where}: secret in the schema but not wrapped in pulumi.secret`);
    if (!p.secret && wrapsSecret(file, expr)) diffs.push(`${where}: wrapped in pulumi.secret but not secret in the schema`);
    // The engine hands provider inputs to the plugin as strings, so gen-sdk JSON-encodes the rest.
    const stringified = /\.apply\(JSON\.stringify\)$/.test(norm(file.text(expr)));
    if (p.type !== "string" && !stringified) diffs.push(`${where}: ${p.type} input is not JSON-stringified`);
    if (p.type === "string" && stringified) diffs.push(`${where}: string input should not be JSON-stringified`);
    if (p.default !== undefined && !hasLiteral(expr, p.default)) diffs.push(`${where}: schema default ${JSON.stringify(p.default)} not applied`);
    const env: string[] = p.defaultInfo?.environment ?? [];
    if (envNames(file, expr).join() !== env.join()) diffs.push(`${where}: env fallback (${envNames(file, expr)}) differs from the provider's (${env})`);
  }
  for (const key of assigned.keys()) if (!(key in inputs)) diffs.push(`${file.path}: resourceInputs["${key}"] is not a schema input`);

  const secretOutputs = descendants(cls).find(
    (n): n is ts.PropertyAssignment => ts.isPropertyAssignment(n) && file.text(n.name) === "additionalSecretOutputs",
  );
  const listed = secretOutputs && ts.isArrayLiteralExpression(secretOutputs.initializer) ? secretOutputs.initializer.elements.map((e) => (ts.isStringLiteral(e) ? e.text : file.text(e))).sort() : [];
  const secrets = Object.keys(inputs).filter((k) => inputs[k].secret).sort();
  if (listed.join() !== secrets.join()) diffs.push(`${file.path}: additionalSecretOutputs [${listed}] should be [${secrets}]`);
}

function compareConfigVars(diffs: string[], schema: PackageSchema, file: SdkFile): void {
  const declared = new Map<string, string>();
  for (const s of file.sf.statements) {
    // `export declare const x: T` is how gen-sdk types a getter defined on `exports`.
    if (!ts.isVariableStatement(s)) continue;
    const mods = s.modifiers ?? [];
    if (!mods.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) || !mods.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of s.declarationList.declarations) if (d.type) declared.set(file.text(d.name), norm(file.text(d.type)));
  }
  const getters = new Map<string, ts.Node>();
  for (const c of calls(file.sf, file, "Object.defineProperty")) {
    const [, key, desc] = c.arguments;
    if (key && ts.isStringLiteral(key) && desc) getters.set(key.text, desc);
  }
  for (const [key, p] of Object.entries(schema.config.variables)) {
    const where = `${file.path}: ${key}`;
    const base = tsType(p, "plain");
    const want = p.default !== undefined ? base : `${base}|undefined`;
    if (!declared.has(key)) diffs.push(`${where}: not declared`);
    else if (declared.get(key) !== want) diffs.push(`${where}: declared as ${declared.get(key)}, schema wants ${want}`);
    const getter = getters.get(key);
    if (!getter) {
      diffs.push(`${where}: no getter`);
      continue;
    }
    if (!descendants(getter).some((n) => ts.isCallExpression(n) && /^__config\.get/.test(file.text(n.expression)) && n.arguments[0] && ts.isStringLiteral(n.arguments[0]) && n.arguments[0].text === key)) {
      diffs.push(`${where}: getter does not read config key "${key}"`);
    }
    if (p.default !== undefined && !hasLiteral(getter, p.default)) diffs.push(`${where}: schema default ${JSON.stringify(p.default)} not applied`);
    const env: string[] = p.defaultInfo?.environment ?? [];
    if (envNames(file, getter).join() !== env.join()) diffs.push(`${where}: env fallback (${envNames(file, getter)}) differs from the provider's (${env})`);
  }
  for (const key of declared.keys()) if (!(key in schema.config.variables)) diffs.push(`${file.path}: ${key} is not a config variable`);
  const ns = /new pulumi\.Config\("([^"]+)"\)/.exec(file.sf.text)?.[1];
  if (ns !== schema.name) diffs.push(`${file.path}: config namespace ${ns}, schema package is ${schema.name}`);
}

function compareIndex(diffs: string[], schema: PackageSchema, file: SdkFile): void {
  const exported = new Set<string>();
  for (const c of calls(file.sf, file, "utilities.lazyLoad")) {
    const list = c.arguments[1];
    if (list && ts.isArrayLiteralExpression(list)) for (const e of list.elements) if (ts.isStringLiteral(e)) exported.add(e.text);
  }
  for (const token of Object.keys(schema.functions)) {
    const name = lastSegment(token);
    for (const n of [name, `${name}Output`]) if (!exported.has(n)) diffs.push(`${file.path}: ${n} not exported`);
  }
  if (!exported.has("Provider")) diffs.push(`${file.path}: Provider not exported`);
  const reg = calls(file.sf, file, "pulumi.runtime.registerResourcePackage")[0];
  if (!reg || !ts.isStringLiteral(reg.arguments[0]) || reg.arguments[0].text !== schema.name) diffs.push(`${file.path}: registerResourcePackage("${schema.name}") missing`);
}

/** Every difference between the SDK sources and the schema; empty when they agree. */
function compareSdkToSchema(schema: PackageSchema, read: SourceReader): string[] {
  const diffs: string[] = [];
  const open = (rel: string): SdkFile | undefined => {
    const text = read(rel);
    if (text === undefined) diffs.push(`${rel}: file missing`);
    return text === undefined ? undefined : new SdkFile(rel, text);
  };

  for (const [token, f] of Object.entries(schema.functions)) {
    const name = lastSegment(token);
    const Name = upperFirst(name);
    const file = open(`${name}.ts`);
    if (!file) continue;
    const inputs: ObjectSpec = f.inputs ?? { properties: {} };
    const argsOptional = (inputs.required ?? []).length === 0;
    compareInterface(diffs, file, `${Name}Args`, inputs, { type: (p) => tsType(p, "plain"), readonly: false });
    compareInterface(diffs, file, `${Name}OutputArgs`, inputs, { type: wrapInput, readonly: false });
    compareInterface(diffs, file, `${Name}Result`, f.outputs, { type: (p) => tsType(p, "plain"), readonly: true });
    const keys = Object.keys(inputs.properties);
    compareInvoke(diffs, file, name, "invoke", token, keys);
    compareInvoke(diffs, file, `${name}Output`, "invokeOutput", token, keys);
    compareSignature(diffs, file, name, `${Name}Args`, argsOptional, "pulumi.InvokeOptions", `Promise<${Name}Result>`);
    compareSignature(diffs, file, `${name}Output`, `${Name}OutputArgs`, argsOptional, "pulumi.InvokeOutputOptions", `pulumi.Output<${Name}Result>`);
  }

  const outputTypes = open("types/output.ts");
  if (outputTypes) {
    for (const [token, t] of Object.entries(schema.types)) {
      compareInterface(diffs, outputTypes, lastSegment(token), t, { type: (p) => tsType(p, "plain"), readonly: false });
    }
  }

  const provider = open("provider.ts");
  if (provider) compareProvider(diffs, schema, provider);
  const vars = open("config/vars.ts");
  if (vars) compareConfigVars(diffs, schema, vars);
  const index = open("index.ts");
  if (index) compareIndex(diffs, schema, index);
  return diffs;
}

// ---- the tests ----

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Reads the SDK from disk, with one file's text edited. */
function editedSdk(rel: string, edit: (text: string) => string): SourceReader {
  return (p) => {
    const text = diskReader(p);
    return p === rel && text !== undefined ? edit(text) : text;
  };
}

describe("Node.js SDK matches provider/schema.json", () => {
  const schema = loadSchema();

  test("the hand-written SDK agrees with the schema", () => {
    expect(compareSdkToSchema(schema, diskReader)).toEqual([]);
  });

  test("the schema still has what the comparison walks over", () => {
    // An empty schema section would make the test above pass vacuously.
    expect(Object.keys(schema.functions).sort()).toEqual(["metastudio:index:getTrainingJobs", "metastudio:index:waitForTrainingJobs"]);
    expect(Object.keys(schema.types)).toEqual(["metastudio:index:TrainingJob"]);
    expect(Object.values(schema.config.variables).filter((v) => v.secret)).toHaveLength(4);
  });

  describe("the comparison catches drift", () => {
    const cases: Array<[string, (s: PackageSchema) => void, RegExp]> = [
      ["a new function input", (s) => (s.functions["metastudio:index:getTrainingJobs"].inputs!.properties.newFilter = { type: "string" }), /GetTrainingJobsArgs\.newFilter: missing/],
      ["an input changing type", (s) => (s.functions["metastudio:index:getTrainingJobs"].inputs!.properties.limit.type = "string"), /GetTrainingJobsArgs\.limit: type number, schema wants string/],
      ["an input becoming required", (s) => (s.functions["metastudio:index:waitForTrainingJobs"].inputs!.required = ["batchName"]), /WaitForTrainingJobsArgs\.batchName: optional in the SDK, required in the schema/],
      ["an input removed", (s) => delete s.functions["metastudio:index:waitForTrainingJobs"].inputs!.properties.tag, /WaitForTrainingJobsArgs\.tag: not in the schema/],
      ["an output changing type", (s) => (s.functions["metastudio:index:waitForTrainingJobs"].outputs.properties.waitedSeconds.type = "string"), /WaitForTrainingJobsResult\.waitedSeconds: type number, schema wants string/],
      ["a job field added", (s) => (s.types["metastudio:index:TrainingJob"].properties.priority = { type: "integer" }), /TrainingJob\.priority: missing/],
      ["a list of refs", (s) => (s.types["metastudio:index:TrainingJob"].properties.tags = { type: "array", items: { $ref: "#/types/metastudio:index:TrainingJob" } }), /TrainingJob\.tags: type string\[\], schema wants outputs\.TrainingJob\[\]/],
      ["a config variable becoming secret", (s) => (s.provider.inputProperties.region.secret = true), /resourceInputs\["region"\]: secret in the schema but not wrapped/],
      ["a config default changing", (s) => (s.config.variables.cloud.default = "example.com"), /cloud: schema default "example\.com" not applied/],
      ["a function renamed", (s) => {
        s.functions["metastudio:index:listTrainingJobs"] = s.functions["metastudio:index:getTrainingJobs"];
        delete s.functions["metastudio:index:getTrainingJobs"];
      }, /listTrainingJobs\.ts: file missing/],
    ];
    test.each(cases)("%s", (_what, mutate, expected) => {
      const mutated = clone(schema);
      mutate(mutated);
      const diffs = compareSdkToSchema(mutated, diskReader);
      expect(diffs.length).toBeGreaterThan(0);
      expect(diffs.join("\n")).toMatch(expected);
    });

    test.each([
      ["a wrong invoke token", "getTrainingJobs.ts", (t: string) => t.replace('invokeOutput("metastudio:index:getTrainingJobs"', 'invokeOutput("metastudio:index:getTrainingJob"'), /getTrainingJobsOutput: invokes "metastudio:index:getTrainingJob"/],
      ["an input not sent", "waitForTrainingJobs.ts", (t: string) => t.replace(/ {8}"timeoutSeconds": args\.timeoutSeconds,\n/, ""), /waitForTrainingJobs: input timeoutSeconds is not sent/],
      ["a credential sent in the clear", "provider.ts", (t: string) => t.replace('resourceInputs["secretKey"] = secretOrUndefined(', 'resourceInputs["secretKey"] = ('), /resourceInputs\["secretKey"\]: secret in the schema but not wrapped/],
      ["a secret output unlisted", "provider.ts", (t: string) => t.replace('"authToken", ', ""), /additionalSecretOutputs/],
      ["an env fallback dropped", "config/vars.ts", (t: string) => t.replace('utilities.getEnv("HW_REGION_NAME")', "undefined"), /region: env fallback \(\) differs from the provider's \(HW_REGION_NAME\)/],
      ["an integer input not stringified", "provider.ts", (t: string) => t.replace(/pulumi\.output\((args\?\.maxConcurrency[^)]*)\)\.apply\(JSON\.stringify\)/, "$1"), /maxConcurrency"\]: integer input is not JSON-stringified/],
    ])("%s", (_what, file, edit, expected) => {
      const diffs = compareSdkToSchema(schema, editedSdk(file, edit));
      expect(diffs.join("\n")).toMatch(expected);
    });
  });
});
