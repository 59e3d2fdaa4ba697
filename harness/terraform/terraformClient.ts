/**
 * Terraform's side of the plugin protocol, for tests and the benchmark: starts the provider as
 * Terraform does (spawned with go-plugin's environment and AutoMTLS, or in-process through
 * startTerraformServer), connects with the client certificate, and calls tfplugin6 with values
 * encoded as Terraform encodes them: every attribute of the schema present, absent ones null.
 */
import { ChildProcess, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { selfSignedIdentity, TlsIdentity } from "../../provider/src/terraform/autoMtls";
import { fromDynamicValue, TfObject, TfValue, toDynamicValue } from "../../provider/src/terraform/dynamicValue";
import { GRPCControllerClient } from "../../provider/src/terraform/generated/grpc_controller";
import * as tf from "../../provider/src/terraform/generated/tfplugin6";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../provider/src/terraform/main";
import { RunningServer, startTerraformServer } from "../../provider/src/terraform/server";
import { firstStdoutLine } from "../firstStdoutLine";
import { REPO_ROOT } from "../repoRoot";
import type { ClientFactory } from "../../provider/src/core/session";

export const TERRAFORM_PLUGIN_BIN = join(REPO_ROOT, "provider", "bin", "terraform-provider-metastudio");

export interface Handshake {
  core: number;
  protocol: number;
  network: string;
  address: string;
  kind: string;
  cert: string;
}

export function parseHandshake(line: string): Handshake {
  const parts = line.split("|");
  if (parts.length !== 6) throw new Error(`not a go-plugin handshake line: ${JSON.stringify(line)}`);
  const [core, protocol, network, address, kind, cert] = parts;
  return { core: Number(core), protocol: Number(protocol), network, address, kind, cert };
}

/** The certificate of a handshake line (DER, base64 without padding) as PEM. */
export function handshakeCertPem(cert: string): string {
  return new X509Certificate(Buffer.from(cert, "base64")).toString();
}

type Methods = typeof tf.ProviderService;
type Req<K extends keyof Methods> = Parameters<Methods[K]["requestSerialize"]>[0];
type Res<K extends keyof Methods> = ReturnType<Methods[K]["responseDeserialize"]>;

/** One tfplugin6 call, typed by the generated service definition. */
export function rpc<K extends keyof Methods>(client: grpc.Client, name: K, req: Req<K>): Promise<Res<K>> {
  const m = tf.ProviderService[name];
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest(
      m.path,
      m.requestSerialize as (r: Req<K>) => Buffer,
      m.responseDeserialize as (b: Buffer) => Res<K>,
      req,
      (err, res) => (err ? reject(err) : resolve(res as Res<K>)),
    ),
  );
}

export interface StartOptions {
  /** The plugin's environment besides PATH and HOME (spawned) or its env (in-process). */
  env?: Record<string, string>;
  /** false: no PLUGIN_CLIENT_CERT, as with TF_DISABLE_PLUGIN_TLS. */
  tls?: boolean;
  bin?: string;
  /** In-process only: how the provider makes its API client. */
  makeClient?: ClientFactory;
}

export class TerraformPlugin {
  readonly provider: tf.ProviderClient;
  readonly controller: GRPCControllerClient;
  private schemas: tf.GetProviderSchema_Response | undefined;

  private constructor(
    readonly handshake: Handshake,
    readonly clientIdentity: TlsIdentity | undefined,
    readonly process: ChildProcess | undefined,
    readonly server: RunningServer | undefined,
    private readonly stderrChunks: string[],
  ) {
    const creds = this.credentials(clientIdentity);
    const options = {
      "grpc.max_receive_message_length": 256 * 1024 * 1024,
      "grpc.ssl_target_name_override": "localhost",
      "grpc.default_authority": "localhost",
    };
    this.provider = new tf.ProviderClient(handshake.address, creds, options);
    this.controller = new GRPCControllerClient(handshake.address, creds, options);
  }

  /** Credentials for this server; another identity (or none) to test that it is refused. */
  credentials(identity: TlsIdentity | undefined): grpc.ChannelCredentials {
    if (!this.handshake.cert) return grpc.credentials.createInsecure();
    return grpc.credentials.createSsl(
      Buffer.from(handshakeCertPem(this.handshake.cert)),
      identity ? Buffer.from(identity.keyPem) : null,
      identity ? Buffer.from(identity.certPem) : null,
    );
  }

  /** Spawned as Terraform starts it: the magic cookie, protocol versions, port range and client certificate. */
  static async spawn(opts: StartOptions = {}): Promise<TerraformPlugin> {
    const identity = opts.tls === false ? undefined : await selfSignedIdentity();
    const child = spawn(process.execPath, [opts.bin ?? TERRAFORM_PLUGIN_BIN], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
        PLUGIN_PROTOCOL_VERSIONS: "5,6",
        PLUGIN_MIN_PORT: "10000",
        PLUGIN_MAX_PORT: "25000",
        ...(identity ? { PLUGIN_CLIENT_CERT: identity.certPem } : {}),
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    child.stderr.setEncoding("utf8").on("data", (d: string) => stderr.push(d));
    const line = await firstStdoutLine(child, "terraform-provider-metastudio", { stderr: () => stderr.join("") });
    return new TerraformPlugin(parseHandshake(line), identity, child, undefined, stderr);
  }

  /** The same server in this process (coverage sees it); its log lines are kept as stderr would be. */
  static async inProcess(opts: StartOptions = {}): Promise<TerraformPlugin> {
    const identity = opts.tls === false ? undefined : await selfSignedIdentity();
    const stderr: string[] = [];
    const server = await startTerraformServer({
      clientCertPem: identity?.certPem,
      env: opts.env ?? {},
      log: (s, m) => stderr.push(`[${s}] ${m}\n`),
      makeClient: opts.makeClient,
    });
    return new TerraformPlugin(parseHandshake(server.handshakeLine), identity, undefined, server, stderr);
  }

  get stderr(): string {
    return this.stderrChunks.join("");
  }

  async schema(): Promise<tf.GetProviderSchema_Response> {
    this.schemas ??= await rpc(this.provider, "getProviderSchema", {});
    return this.schemas;
  }

  /** A block's value as Terraform sends it: every attribute and nested block present, null when not set. */
  async value(kind: "provider" | "data" | "resource", typeName: string, values: TfObject): Promise<TfObject> {
    const s = await this.schema();
    const schema = kind === "provider" ? s.provider : kind === "data" ? s.dataSourceSchemas[typeName] : s.resourceSchemas[typeName];
    if (!schema?.block) throw new Error(`no schema for ${kind} ${typeName}`);
    const full: TfObject = {};
    for (const a of schema.block.attributes) full[a.name] = values[a.name] ?? null;
    for (const b of schema.block.blockTypes) {
      const v = values[b.typeName] as TfObject | undefined;
      full[b.typeName] = v ? Object.fromEntries(b.block!.attributes.map((a) => [a.name, v[a.name] ?? null])) : null;
    }
    const extra = Object.keys(values).filter((k) => !(k in full));
    if (extra.length) throw new Error(`${typeName} has no attribute ${extra.join(", ")}`);
    return full;
  }

  validateProviderConfig(config: TfObject) {
    return this.value("provider", "", config).then((v) => rpc(this.provider, "validateProviderConfig", { config: toDynamicValue(v) }));
  }

  async configure(config: TfObject): Promise<tf.ConfigureProvider_Response> {
    const v = await this.value("provider", "", config);
    return rpc(this.provider, "configureProvider", {
      terraformVersion: "1.12.6",
      config: toDynamicValue(v),
      clientCapabilities: undefined,
    });
  }

  async validateData(typeName: string, config: TfObject) {
    const v = await this.value("data", typeName, config);
    return rpc(this.provider, "validateDataResourceConfig", { typeName, config: toDynamicValue(v) });
  }

  async readData(typeName: string, config: TfObject): Promise<{ state: TfValue; diagnostics: tf.Diagnostic[]; bytes: number }> {
    const v = await this.value("data", typeName, config);
    const res = await rpc(this.provider, "readDataSource", {
      typeName,
      config: toDynamicValue(v),
      providerMeta: undefined,
      clientCapabilities: undefined,
    });
    return { state: fromDynamicValue(res.state), diagnostics: res.diagnostics, bytes: res.state?.msgpack.length ?? 0 };
  }

  async validateResource(typeName: string, config: TfObject) {
    const v = await this.value("resource", typeName, config);
    return rpc(this.provider, "validateResourceConfig", { typeName, config: toDynamicValue(v), clientCapabilities: undefined });
  }

  /** PlanResourceChange as Terraform sends it for a create (prior null) or an update. */
  async plan(
    typeName: string,
    prior: TfValue,
    config: TfObject | null,
  ): Promise<{ planned: TfValue; requiresReplace: tf.AttributePath[]; diagnostics: tf.Diagnostic[] }> {
    const proposed = config ? await this.value("resource", typeName, config) : null;
    // Terraform's proposed new state keeps prior values of computed attributes the config leaves null.
    const merged: TfValue =
      proposed && prior && typeof prior === "object" && !Array.isArray(prior)
        ? Object.fromEntries(Object.entries(proposed).map(([k, v]) => [k, v ?? prior[k]]))
        : proposed;
    const res = await rpc(this.provider, "planResourceChange", {
      typeName,
      priorState: toDynamicValue(prior),
      proposedNewState: toDynamicValue(merged),
      config: toDynamicValue(proposed),
      priorPrivate: Buffer.alloc(0),
      providerMeta: undefined,
      clientCapabilities: undefined,
      priorIdentity: undefined,
    });
    return { planned: fromDynamicValue(res.plannedState), requiresReplace: res.requiresReplace, diagnostics: res.diagnostics };
  }

  async apply(
    typeName: string,
    prior: TfValue,
    planned: TfValue,
    config: TfObject | null,
  ): Promise<{ newState: TfValue; diagnostics: tf.Diagnostic[] }> {
    const res = await rpc(this.provider, "applyResourceChange", {
      typeName,
      priorState: toDynamicValue(prior),
      plannedState: toDynamicValue(planned),
      config: toDynamicValue(config ? await this.value("resource", typeName, config) : null),
      plannedPrivate: Buffer.alloc(0),
      providerMeta: undefined,
      plannedIdentity: undefined,
    });
    return { newState: fromDynamicValue(res.newState), diagnostics: res.diagnostics };
  }

  upgrade(typeName: string, json: string): Promise<{ state: TfValue; diagnostics: tf.Diagnostic[] }> {
    return rpc(this.provider, "upgradeResourceState", { typeName, version: 0, rawState: { json: Buffer.from(json), flatmap: {} } }).then(
      (res) => ({
        state: fromDynamicValue(res.upgradedState),
        diagnostics: res.diagnostics,
      }),
    );
  }

  stopProvider() {
    return rpc(this.provider, "stopProvider", {});
  }

  /** go-plugin's Shutdown; a spawned plugin then exits. */
  shutdown(): Promise<unknown> {
    return new Promise((resolve, reject) => this.controller.shutdown({}, (err, res) => (err ? reject(err) : resolve(res))));
  }

  async stop(): Promise<void> {
    this.provider.close();
    this.controller.close();
    if (this.server) await this.server.stop();
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
  }
}

/** An error diagnostic's place and words, for assertions. */
export function describeDiagnostics(
  diags: readonly tf.Diagnostic[],
): Array<{ severity: string; path: string; summary: string; detail: string }> {
  return diags.map((d) => ({
    severity: tf.Diagnostic_Severity[d.severity],
    path: (d.attribute?.steps ?? []).map((s) => s.attributeName ?? s.elementKeyString ?? String(s.elementKeyInt)).join("."),
    summary: d.summary,
    detail: d.detail,
  }));
}
