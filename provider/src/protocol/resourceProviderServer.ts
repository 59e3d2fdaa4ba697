/**
 * The pulumirpc.ResourceProvider gRPC service on the generated stubs of @pulumi/pulumi/proto,
 * without the rest of @pulumi/pulumi (which costs ~0.3 s at start-up, and whose provider.main
 * drops configuration). Resource methods are left UNIMPLEMENTED: this package has functions only.
 */
import * as grpc from "@grpc/grpc-js";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { PluginAttach, PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { MetaStudioClient } from "../api/metaStudioClient";
import type { Redactor } from "../api/redactor";
import { oneLine, quotedName } from "../api/untrustedText";
import { checkConfig, configFromVariables, RawConfig, resolveSettings, withEnvFallbacks } from "../config/providerConfig";
import { InvokeContext, InvokeFailure } from "../functions/context";
import type { ProviderFunction } from "../functions/registry";
import { PROVIDER_VERSION } from "../version";
import { EngineLog } from "./engineLog";
import { DecodedInvoke, decodeInvokeRequest } from "./invokeRequestDecoding";
import { encodeInvokeResponse } from "./invokeResponseEncoding";
import { PulumiJobEntries, pulumiOutputs } from "./pulumiJobs";
import { markedSecret } from "./secretInputs";
import { SingleFlight } from "./singleFlight";
import { unwrapValue } from "./wireValues";

type Callback<T> = grpc.sendUnaryData<T>;
type Call<T> = grpc.ServerUnaryCall<T, unknown>;

/**
 * The functions, their validators (zod) and the HTTP client load on the first Invoke: zod alone
 * costs ~50 ms, and the engine waits for the port line before anything else happens.
 */
function functions(): Readonly<Record<string, ProviderFunction>> {
  return (require("../functions/registry") as typeof import("../functions/registry")).FUNCTIONS;
}

function structToObject(s: Struct | undefined): Record<string, unknown> {
  return s ? s.toJavaScript() : {};
}

/**
 * Bounds on what goes back to the engine. An error's text travels in a response header, which
 * grpc-js refuses past 64 KB, and a client then never gets an answer at all: it waits out its
 * deadline. Percent-encoded, 4,000 characters stay far below that. Every message is one line:
 * job names and states come from the API, and a line break in one must not forge a log line.
 */
const MAX_ERROR = 4000;
const MAX_FAILURES = 20;

type Failure = { property: string; reason: string };

function boundedFailures(list: readonly Failure[]): Failure[] {
  return list.slice(0, MAX_FAILURES).map((f) => ({ property: oneLine(f.property, 200), reason: oneLine(f.reason, MAX_ERROR) }));
}

function failuresOf(list: readonly Failure[]): pb.CheckFailure[] {
  return boundedFailures(list).map((f) => {
    const cf = new pb.CheckFailure();
    cf.setProperty(f.property);
    cf.setReason(f.reason);
    return cf;
  });
}

/** Errors surface in the engine as "Invoke of '<tok>' failed: <message>". */
function grpcError(code: grpc.status, message: string): grpc.ServiceError {
  const bounded = oneLine(message, MAX_ERROR);
  return Object.assign(new Error(bounded), { code, details: bounded, metadata: new grpc.Metadata() });
}

export class MetaStudioProvider {
  private config: RawConfig = {};
  /** Keys Configure received marked secret: failures about them never quote their value. */
  private secretConfigKeys: ReadonlySet<string> = new Set();
  private configured = false;
  private client: { key: string; client: MetaStudioClient; maxConcurrency: number } | undefined;
  private cancel = new AbortController();
  private stopping = false;
  private readonly flights = new SingleFlight<Buffer>();

  constructor(
    private readonly engineLog: EngineLog,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  handshake(call: Call<pb.ProviderHandshakeRequest>, cb: Callback<pb.ProviderHandshakeResponse>): void {
    this.engineLog.setAddress(call.request.getEngineAddress());
    const res = new pb.ProviderHandshakeResponse();
    res.setAcceptSecrets(true);
    res.setAcceptResources(false);
    res.setAcceptOutputs(false);
    cb(null, res);
  }

  /**
   * A plugin started by hand for debugging (`PULUMI_DEBUG_PROVIDERS=metastudio:<port>`): the
   * engine attaches to it instead of starting one, and fails the deployment if this is refused.
   */
  attach(call: Call<PluginAttach>, cb: Callback<Empty>): void {
    this.engineLog.setAddress(call.request.getAddress());
    cb(null, new Empty());
  }

  getPluginInfo(_call: Call<Empty>, cb: Callback<PluginInfo>): void {
    const info = new PluginInfo();
    info.setVersion(PROVIDER_VERSION);
    cb(null, info);
  }

  getSchema(call: Call<pb.GetSchemaRequest>, cb: Callback<pb.GetSchemaResponse>): void {
    if (call.request.getSubpackageName()) {
      return cb(grpcError(grpc.status.NOT_FOUND, `metastudio has no sub-package ${call.request.getSubpackageName()}`));
    }
    import("../../schema.json").then(
      (schema) => {
        const res = new pb.GetSchemaResponse();
        res.setSchema(JSON.stringify(schema.default ?? schema));
        cb(null, res);
      },
      (err: Error) => cb(grpcError(grpc.status.INTERNAL, `cannot read the package schema: ${err.message}`)),
    );
  }

  checkConfig(call: Call<pb.CheckRequest>, cb: Callback<pb.CheckResponse>): void {
    const news = call.request.getNews();
    const { value, secretKeys } = unwrapValue(structToObject(news));
    const failures = checkConfig(withEnvFallbacks(value as RawConfig, this.env), secretKeys);
    const res = new pb.CheckResponse();
    // Inputs go back as they came, secrets still wrapped, so the engine keeps them secret.
    if (news) res.setInputs(news);
    res.setFailuresList(failuresOf(failures));
    cb(null, res);
  }

  diffConfig(call: Call<pb.DiffRequest>, cb: Callback<pb.DiffResponse>): void {
    const olds = JSON.stringify(unwrapValue(structToObject(call.request.getOldInputs())).value);
    const news = JSON.stringify(unwrapValue(structToObject(call.request.getNews())).value);
    const res = new pb.DiffResponse();
    // Functions only: a config change never replaces anything.
    res.setChanges(olds === news ? pb.DiffResponse.DiffChanges.DIFF_NONE : pb.DiffResponse.DiffChanges.DIFF_SOME);
    cb(null, res);
  }

  configure(call: Call<pb.ConfigureRequest>, cb: Callback<pb.ConfigureResponse>): void {
    const fromVariables = configFromVariables(call.request.getVariablesMap().getEntryList());
    const args = unwrapValue(structToObject(call.request.getArgs()));
    this.config = withEnvFallbacks({ ...fromVariables, ...(args.value as RawConfig) }, this.env);
    this.secretConfigKeys = args.secretKeys;
    this.configured = true;
    this.client = undefined;
    const res = new pb.ConfigureResponse();
    res.setAcceptsecrets(true);
    res.setSupportspreview(true);
    res.setAcceptresources(false);
    res.setAcceptoutputs(false);
    cb(null, res);
  }

  cancelAll(_call: Call<Empty>, cb: Callback<Empty>): void {
    this.cancel.abort(new Error("the operation was cancelled"));
    if (!this.stopping) this.cancel = new AbortController();
    cb(null, new Empty());
  }

  /**
   * The process is told to stop (SIGTERM, SIGINT): open invokes fail at once with the reason, their
   * requests in flight are aborted, no request starts any more and new invokes are refused, so the
   * server can close without the engine seeing a dropped connection.
   */
  shutdown(why: string): void {
    if (this.stopping) return;
    this.stopping = true;
    this.cancel.abort(new Error(`provider is shutting down (${why}); nothing more is requested from the API`));
  }

  private clientFor(): { client: MetaStudioClient; maxConcurrency: number } | { failures: Failure[] } {
    // Without Configure (a bare engine-role call), the environment alone is the configuration.
    const config = this.configured ? this.config : withEnvFallbacks({}, this.env);
    const key = JSON.stringify(config);
    if (this.client?.key === key) return this.client;
    const resolved = resolveSettings(config, this.secretConfigKeys);
    if (!resolved.ok) return { failures: resolved.failures };
    const { MetaStudioClient } = require("../api/metaStudioClient") as typeof import("../api/metaStudioClient");
    let client: MetaStudioClient;
    try {
      // The proxy and CA variables are read where the HW_* fallbacks are: this provider's environment.
      client = new MetaStudioClient({ ...resolved.settings.client, env: this.env });
    } catch (err) {
      // A proxy or CA setting that cannot be used names its own key; anything else is the endpoint's.
      const property = (err as { property?: unknown }).property;
      return { failures: [{ property: typeof property === "string" ? property : "endpoint", reason: (err as Error).message }] };
    }
    this.client = { key, client, maxConcurrency: resolved.settings.maxConcurrency };
    return this.client;
  }

  /**
   * Loads and runs once what Invoke needs (functions, zod, the HTTP client, the encoder) once the
   * port is out: the engine spends that time on Handshake, GetSchema, CheckConfig and Configure,
   * so the first Invoke does not pay for it, and start-up still does not (see warmUp.ts).
   */
  warmUp(): void {
    try {
      (require("./warmUp") as typeof import("./warmUp")).warmUp();
    } catch (err) {
      // Only an optimization: the first Invoke loads the same modules and reports any problem.
      this.engineLog.log("debug", `warm-up skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  invoke(call: Call<DecodedInvoke>, cb: (err: grpc.ServiceError | null, value?: Buffer) => void): void {
    const { tok, args, preview, invalid } = call.request;
    if (this.stopping) return cb(grpcError(grpc.status.UNAVAILABLE, "provider is shutting down; the invoke was not started"));
    if (invalid) return cb(grpcError(grpc.status.INVALID_ARGUMENT, `the Invoke request cannot be read: ${invalid}`));
    const known = functions();
    const fn = Object.hasOwn(known, tok) ? known[tok] : undefined;
    if (!fn) {
      const shown = quotedName(tok, /^[\w:./-]{1,200}$/, 200);
      return cb(grpcError(grpc.status.INVALID_ARGUMENT, `unknown function ${shown}; this provider has ${Object.keys(known).join(", ")}`));
    }
    const { value, hasUnknowns, hadSecrets, secretValues, secretKeys } = unwrapValue(args);
    // Messages the plugin writes leave secret inputs out by construction (request lines, failures
    // quoting a value); this catches them wherever else they might appear (a job named like one).
    const secrets: Redactor = (require("../api/redactor") as typeof import("../api/redactor")).Redactor.of(secretValues);
    const redact = (text: string) => secrets.redact(text);
    const failuresOut = (list: readonly Failure[]) =>
      encodeInvokeResponse(undefined, boundedFailures(list.map((f) => ({ property: f.property, reason: redact(f.reason) }))));
    if (hasUnknowns) {
      // Inputs not known yet (a preview): nothing can be listed; the engine treats the result as unknown.
      return cb(null, encodeInvokeResponse({}));
    }
    const checked = fn.validate(value as Record<string, unknown>, secretKeys);
    if (!checked.ok) return cb(null, failuresOut(checked.failures));
    const target = this.clientFor();
    if ("failures" in target) return cb(null, encodeInvokeResponse(undefined, boundedFailures(target.failures)));

    const entries = new PulumiJobEntries();
    const ctx: InvokeContext = {
      client: target.client,
      maxConcurrency: target.maxConcurrency,
      preview,
      signal: this.cancel.signal,
      secretInputs: secretKeys,
      secrets,
      log: (severity, message) => this.engineLog.log(severity, redact(message)),
      onPage: entries.addPage,
    };
    // Calls share a listing only when they also agree on which inputs are secret: the listing's
    // messages are redacted for the first caller's secrets, and must be right for every caller.
    const key = JSON.stringify([tok, preview, [...secretKeys].sort(), checked.value]);
    this.flights
      .run(key, async () => {
        try {
          const outputs = pulumiOutputs(await fn.run(checked.value, ctx), entries);
          return encodeInvokeResponse(hadSecrets ? markedSecret(outputs) : outputs);
        } catch (err) {
          if (err instanceof InvokeFailure) return failuresOut([{ property: err.property, reason: err.message }]);
          throw err;
        }
      })
      .then(
        (bytes) => cb(null, bytes),
        (err: unknown) => cb(grpcError(grpc.status.UNKNOWN, redact(`${tok}: ${err instanceof Error ? err.message : String(err)}`))),
      );
  }

  /**
   * The service with Invoke's request read from the wire by invokeRequestDecoding.ts (every key
   * kept, nesting bounded) and its answer taken as ready-made bytes (see invokeResponseEncoding.ts).
   */
  static serviceDefinition(): grpc.ServiceDefinition {
    const base = providerGrpc.ResourceProviderService as unknown as grpc.ServiceDefinition;
    return {
      ...base,
      invoke: { ...base.invoke, requestDeserialize: decodeInvokeRequest, responseSerialize: (bytes: Buffer) => bytes },
    };
  }

  implementation(): grpc.UntypedServiceImplementation {
    return {
      handshake: this.handshake.bind(this),
      attach: this.attach.bind(this),
      getPluginInfo: this.getPluginInfo.bind(this),
      getSchema: this.getSchema.bind(this),
      checkConfig: this.checkConfig.bind(this),
      diffConfig: this.diffConfig.bind(this),
      configure: this.configure.bind(this),
      invoke: this.invoke.bind(this),
      cancel: this.cancelAll.bind(this),
    };
  }
}
