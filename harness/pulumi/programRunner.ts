/**
 * Runs a Pulumi TypeScript program (already compiled to JavaScript) on Pulumi's own Node.js
 * runtime in mock mode, with invokes forwarded to the real plugin, and returns its stack outputs
 * resolved. This stands in for `pulumi up` where no Pulumi CLI exists.
 */
import * as pulumi from "@pulumi/pulumi";
import { FakeEngine } from "./engineStandIn";
import { ForwardingMocks } from "./forwardingMocks";

export interface ProgramRun {
  outputs: Record<string, unknown>;
  secretOutputs: string[];
  mockedResources: string[];
  invokes: string[];
  pluginStderr: string;
  engineLogs: string[];
}

export interface RunOptions {
  project: string;
  stack?: string;
  /** Config of the program itself: `<project>:<key>` in the stack. */
  programConfig?: Record<string, string>;
  /** metastudio:* config. */
  providerConfig: Record<string, unknown>;
  preview?: boolean;
}

/** Resolves an Output the way the engine would when writing stack outputs. */
function settle(value: unknown): Promise<{ value: unknown; secret: boolean }> {
  if (!pulumi.Output.isInstance(value)) return Promise.resolve({ value, secret: false });
  // Output's own promise() (internal, but stable for years) rejects when the program's invoke
  // failed; apply() would simply never run.
  const out = value as unknown as { promise(): Promise<unknown>; isSecret: Promise<boolean>; isKnown: Promise<boolean> };
  // A failed invoke rejects each of these; the first rejection is reported, the others handled.
  const all = [out.promise(), out.isSecret, out.isKnown];
  for (const p of all) p.catch(() => undefined);
  return Promise.all(all).then(([v, secret]) => ({ value: v, secret: secret as boolean }));
}

async function settleDeep(value: unknown): Promise<{ value: unknown; secret: boolean }> {
  const top = await settle(value);
  if (Array.isArray(top.value)) {
    const items = await Promise.all(top.value.map(settleDeep));
    return { value: items.map((i) => i.value), secret: top.secret || items.some((i) => i.secret) };
  }
  if (top.value && typeof top.value === "object") {
    const entries = await Promise.all(Object.entries(top.value).map(async ([k, v]) => [k, await settleDeep(v)] as const));
    return { value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])), secret: top.secret || entries.some(([, v]) => v.secret) };
  }
  return top;
}

/**
 * `program` is a compiled program's path (required here, once per process: Node caches modules)
 * or a function standing for a program's body, returning its exports.
 */
export async function runProgram(program: string | (() => Record<string, unknown>), opts: RunOptions): Promise<ProgramRun> {
  const stack = opts.stack ?? "dev";
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.programConfig ?? {})) config[`${opts.project}:${k}`] = v;
  const engine = await new FakeEngine().start();
  const mocks = new ForwardingMocks({ providerConfig: opts.providerConfig, engine, preview: opts.preview });
  await pulumi.runtime.setMocks(mocks, opts.project, stack, opts.preview ?? false);
  // The whole stack config of this run, replacing any earlier run's in this process.
  pulumi.runtime.setAllConfig(config);
  let pluginStderr = "";
  try {
    // A program given by path is loaded as the Node.js language host loads it: require(), synchronously.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = typeof program === "string" ? (require(program) as Record<string, unknown>) : program();
    const outputs: Record<string, unknown> = {};
    const secretOutputs: string[] = [];
    for (const [name, value] of Object.entries(exported)) {
      const settled = await settleDeep(value);
      outputs[name] = settled.value;
      if (settled.secret) secretOutputs.push(name);
    }
    pluginStderr = await mocks.stop();
    return {
      outputs,
      secretOutputs,
      mockedResources: mocks.mockedResources,
      invokes: mocks.invokes,
      pluginStderr,
      engineLogs: engine.logs.map((l) => l.message),
    };
  } finally {
    // A failed program still stops the plugins it started.
    if (!pluginStderr) await mocks.stop().catch(() => "");
    await engine.stop();
  }
}
