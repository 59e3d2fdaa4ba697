/**
 * The engine's side of the plugin protocol, for machines without the Pulumi CLI: a small Engine
 * gRPC service that receives the plugin's Log lines, and a host that spawns the built plugin
 * exactly as the engine does (engine address as first argument, port read from the first stdout
 * line) and drives it with the generated ResourceProviderClient. Tests, the demo and the benchmark
 * share it.
 */
import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { firstStdoutLine } from "../firstStdoutLine";

import { REPO_ROOT } from "../repoRoot";
import type { ClientFactory } from "../../provider/src/core/session";

export const PLUGIN_BIN = join(REPO_ROOT, "provider", "bin", "pulumi-resource-metastudio");
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };

export interface EngineLogLine {
  severity: number;
  message: string;
}

/** The engine's Log endpoint; every other Engine method stays UNIMPLEMENTED. */
export class FakeEngine {
  readonly logs: EngineLogLine[] = [];
  private server = new grpc.Server();
  address = "";

  async start(): Promise<this> {
    this.server.addService(EngineService, {
      log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, cb: grpc.sendUnaryData<Empty>) => {
        this.logs.push({ severity: call.request.getSeverity(), message: call.request.getMessage() });
        cb(null, new Empty());
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    this.address = `127.0.0.1:${port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}

/** A Struct of `values`, leaving out keys whose value is undefined, as the engine leaves out absent ones. */
function toStruct(values: Record<string, unknown>): Struct {
  return Struct.fromJavaScript(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as never);
}

/** Marks a value secret the way the engine sends secrets in a Struct. */
export function secret(value: unknown): unknown {
  return { ...SECRET_SIG, value };
}

const isMarked = (v: unknown): v is { value: unknown } =>
  v !== null &&
  typeof v === "object" &&
  !Array.isArray(v) &&
  Object.entries(SECRET_SIG).every(([k, sig]) => (v as Record<string, unknown>)[k] === sig);

/** `value` with every secret mark taken off, as the SDKs send invoke arguments. */
export function withoutSecretMarks(value: unknown): unknown {
  if (isMarked(value)) return withoutSecretMarks(value.value);
  if (Array.isArray(value)) return value.map(withoutSecretMarks);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecretMarks(v)]));
  }
  return value;
}

export interface InvokeResult {
  ret?: Record<string, unknown>;
  failures: Array<{ property: string; reason: string }>;
}

function unary<Req, Res>(fn: (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res))));
}

export interface PluginHostOptions {
  /** The plugin's whole environment besides PATH and HOME: nothing leaks in from this machine. */
  env?: Record<string, string>;
  engine?: FakeEngine;
  bin?: string;
  /**
   * The command that starts the plugin (a release executable, or one under an emulator such as
   * qemu), instead of Node.js running `bin`; the engine's address is appended.
   */
  command?: readonly string[];
  /**
   * Run the provider's server in this process (startServer), not the built bundle: coverage sees
   * it and start-up is cheaper. Its log lines still land in `stderr`, and `env` is what it reads;
   * only the executable's own parts (argv, the port line, signals) go untested.
   */
  inProcess?: boolean;
  /** In-process only: how the provider makes its API client. */
  makeClient?: ClientFactory;
}

export class PluginHost {
  private constructor(
    private readonly child: ChildProcess | undefined,
    readonly port: number,
    readonly client: ResourceProviderClient,
    private readonly stderrChunks: string[],
    readonly stdoutRest: string[],
    private readonly stopInProcess?: () => Promise<void>,
  ) {}

  static async start(opts: PluginHostOptions = {}): Promise<PluginHost> {
    if (opts.inProcess) {
      // Loaded here only: the spawned tests need none of the provider in this process.
      const { startServer } = await import("../../provider/src/pulumi/server");
      const stderr: string[] = [];
      const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...opts.env };
      const server = await startServer({
        engineAddress: opts.engine?.address,
        env,
        writeStderr: (t) => stderr.push(t),
        makeClient: opts.makeClient,
      });
      const client = new ResourceProviderClient(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure(), {
        "grpc.max_receive_message_length": 400 * 1024 * 1024,
      });
      return new PluginHost(undefined, server.port, client, stderr, [], () => server.stop("SIGTERM"));
    }
    const args = opts.engine ? [opts.engine.address] : [];
    const [file, ...leading] = opts.command ?? [process.execPath, opts.bin ?? PLUGIN_BIN];
    const child = spawn(file, [...leading, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    const stdoutRest: string[] = [];
    child.stderr.setEncoding("utf8").on("data", (d: string) => stderr.push(d));
    const line = await firstStdoutLine(child, "the plugin", { stderr: () => stderr.join(""), onRest: (d) => stdoutRest.push(d) });
    if (!/^\d+$/.test(line)) throw new Error(`the plugin's first stdout line is not a port: ${JSON.stringify(line)}`);
    const port = Number(line);
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": 400 * 1024 * 1024,
    });
    return new PluginHost(child, port, client, stderr, stdoutRest);
  }

  /** The spawned plugin's process (tests of signals, exit codes, the port line). */
  get process(): ChildProcess {
    if (!this.child) throw new Error("an in-process plugin has no process of its own");
    return this.child;
  }

  get stderr(): string {
    return this.stderrChunks.join("");
  }

  async handshake(engineAddress = ""): Promise<pb.ProviderHandshakeResponse> {
    const req = new pb.ProviderHandshakeRequest();
    req.setEngineAddress(engineAddress);
    req.setInvokeWithPreview(true);
    return unary<pb.ProviderHandshakeRequest, pb.ProviderHandshakeResponse>(this.client.handshake.bind(this.client), req);
  }

  async getSchema(): Promise<Record<string, unknown>> {
    const res = await unary<pb.GetSchemaRequest, pb.GetSchemaResponse>(this.client.getSchema.bind(this.client), new pb.GetSchemaRequest());
    return JSON.parse(res.getSchema()) as Record<string, unknown>;
  }

  async getPluginInfo(): Promise<string> {
    const res = await unary<Empty, { getVersion(): string }>(this.client.getPluginInfo.bind(this.client), new Empty());
    return res.getVersion();
  }

  async checkConfig(news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures: InvokeResult["failures"] }> {
    const req = new pb.CheckRequest();
    req.setUrn("urn:pulumi:dev::proj::pulumi:providers:metastudio::default");
    req.setNews(Struct.fromJavaScript(news as never));
    const res = await unary<pb.CheckRequest, pb.CheckResponse>(this.client.checkConfig.bind(this.client), req);
    return {
      inputs: res.getInputs()?.toJavaScript() ?? {},
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** As the engine configures a provider: `args` (secrets wrapped) and the older `variables`. */
  async configure(args: Record<string, unknown>, variables: Record<string, string> = {}): Promise<void> {
    const req = new pb.ConfigureRequest();
    req.setArgs(toStruct(args));
    for (const [k, v] of Object.entries(variables)) req.getVariablesMap().set(k, v);
    req.setAcceptsecrets(true);
    await unary<pb.ConfigureRequest, pb.ConfigureResponse>(this.client.configure.bind(this.client), req);
  }

  /** The raw answer bytes, as the engine receives them, undecoded (for the benchmark). */
  invokeRaw(tok: string, args: Record<string, unknown>, preview = false): Promise<Buffer> {
    const req = new pb.InvokeRequest();
    req.setTok(tok);
    req.setArgs(toStruct(args));
    req.setPreview(preview);
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        "/pulumirpc.ResourceProvider/Invoke",
        (r: pb.InvokeRequest) => Buffer.from(r.serializeBinary()),
        (b: Buffer) => b,
        req,
        (err, res) => (err ? reject(err) : resolve(res as Buffer)),
      );
    });
  }

  /** An InvokeRequest sent as the bytes given (tests write what the generated classes cannot hold). */
  invokeBytes(request: Buffer): Promise<InvokeResult> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        "/pulumirpc.ResourceProvider/Invoke",
        (b: Buffer) => b,
        (b: Buffer) => pb.InvokeResponse.deserializeBinary(b),
        request,
        (err, res) => {
          if (err || !res) return reject(err ?? new Error("Invoke answered with neither a response nor an error"));
          resolve({
            ret: res.getReturn()?.toJavaScript() as Record<string, unknown> | undefined,
            failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
          });
        },
      );
    });
  }

  /**
   * An Invoke as the real SDKs send it: the Node.js SDK (unwrapSecretValues) and Pulumi YAML take
   * the secret marks off invoke arguments before they reach the plugin (and mark the result secret
   * on their side), so `secret(...)` in `args` arrives as a plain value.
   */
  invoke(tok: string, args: Record<string, unknown>, preview = false): Promise<InvokeResult> {
    return this.invokeMarked(tok, withoutSecretMarks(args) as Record<string, unknown>, preview);
  }

  /** An Invoke with `args` as given, secret marks kept: what no current SDK sends, but the protocol allows. */
  async invokeMarked(tok: string, args: Record<string, unknown>, preview = false): Promise<InvokeResult> {
    const req = new pb.InvokeRequest();
    req.setTok(tok);
    req.setArgs(toStruct(args));
    req.setPreview(preview);
    const res = await unary<pb.InvokeRequest, pb.InvokeResponse>(this.client.invoke.bind(this.client), req);
    return {
      ret: res.getReturn()?.toJavaScript() as Record<string, unknown> | undefined,
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /**
   * What SIGTERM does to the plugin: the spawned one gets the signal; in-process, the server stops
   * as the executable stops it on the signal. Invokes can still be sent (they find it stopping).
   */
  terminate(): Promise<void> {
    if (this.stopInProcess) return this.stopInProcess();
    const child = this.process;
    if (child.exitCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }

  async cancel(): Promise<void> {
    await unary<Empty, Empty>(this.client.cancel.bind(this.client), new Empty());
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.stopInProcess) return this.stopInProcess();
    const child = this.process;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  }
}
