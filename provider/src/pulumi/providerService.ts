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
import { configFromVariables, RawConfig } from "../config/providerConfig";
import { boundedLine, quotedUserName, ShownFailure, shownFailures } from "../core/failures";
import type { Callable } from "../core/functions";
import { ClientFactory, ProviderSession } from "../core/session";
import { CallFailure } from "../functions/context";
import type { InputFailure } from "../schema/inputValidation";
import { errorText } from "../schema/text";
import { PROVIDER_VERSION } from "../version";
import { EngineLog } from "./engineLog";
import { DecodedInvoke, decodeInvokeRequest } from "./invokeRequestDecoding";
import { encodeInvokeResponse } from "./invokeResponseEncoding";
import { functionName, functionToken } from "./names";
import { encodePulumiJobs, pulumiOutputs } from "./pulumiJobs";
import { markedSecret } from "./secretInputs";
import { SingleFlight } from "./singleFlight";
import { PULUMI_SPELLING } from "./spelling";
import { unwrapValue } from "./wireValues";

type Callback<T> = grpc.sendUnaryData<T>;
type Call<T> = grpc.ServerUnaryCall<T, unknown>;

/**
 * The functions, their validators and the HTTP client load on the first Invoke: the engine waits
 * for the port line before anything else happens.
 */
function functions(): ReadonlyMap<string, Callable> {
  return (require("../core/functions") as typeof import("../core/functions")).FUNCTIONS;
}

function structToObject(s: Struct | undefined): Record<string, unknown> {
  return s ? s.toJavaScript() : {};
}

/** Failures as the engine shows them: Pulumi's names, bounded one-line reasons (core/failures.ts). */
function pulumiFailures(list: readonly InputFailure[], redact?: (text: string) => string): ShownFailure[] {
  return shownFailures(list, PULUMI_SPELLING, redact);
}

function failuresOf(list: readonly InputFailure[]): pb.CheckFailure[] {
  return pulumiFailures(list).map((f) => {
    const cf = new pb.CheckFailure();
    cf.setProperty(f.property);
    cf.setReason(f.reason);
    return cf;
  });
}

/** Errors surface in the engine as "Invoke of '<tok>' failed: <message>". */
function grpcError(code: grpc.status, message: string): grpc.ServiceError {
  const bounded = boundedLine(message);
  return Object.assign(new Error(bounded), { code, details: bounded, metadata: new grpc.Metadata() });
}

export class PulumiProvider {
  private readonly session: ProviderSession;
  private readonly flights = new SingleFlight<Buffer>();

  constructor(
    private readonly engineLog: EngineLog,
    env: NodeJS.ProcessEnv = process.env,
    makeClient?: ClientFactory,
  ) {
    this.session = new ProviderSession(env, makeClient);
  }

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
    const failures = this.session.check(value as RawConfig, secretKeys);
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
    // Checked on first use: the engine shows an Invoke's failures, not Configure's.
    this.session.configure({ ...fromVariables, ...(args.value as RawConfig) }, args.secretKeys);
    const res = new pb.ConfigureResponse();
    res.setAcceptsecrets(true);
    res.setSupportspreview(true);
    res.setAcceptresources(false);
    res.setAcceptoutputs(false);
    cb(null, res);
  }

  cancelAll(_call: Call<Empty>, cb: Callback<Empty>): void {
    this.session.cancel();
    cb(null, new Empty());
  }

  /**
   * The process is told to stop (SIGTERM, SIGINT): open invokes fail at once with the reason, their
   * requests in flight are aborted, no request starts any more and new invokes are refused, so the
   * server can close without the engine seeing a dropped connection.
   */
  shutdown(why: string): void {
    this.session.shutdown(why);
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
    if (this.session.isShutDown) return cb(grpcError(grpc.status.UNAVAILABLE, "provider is shutting down; the invoke was not started"));
    if (invalid) return cb(grpcError(grpc.status.INVALID_ARGUMENT, `the Invoke request cannot be read: ${invalid}`));
    const known = functions();
    const name = functionName(tok);
    const fn = name === undefined ? undefined : known.get(name);
    if (!fn) {
      const shown = quotedUserName(tok, /^[\w:./-]{1,200}$/, 200);
      const tokens = [...known.keys()].map(functionToken).join(", ");
      return cb(grpcError(grpc.status.INVALID_ARGUMENT, `unknown function ${shown}; this provider has ${tokens}`));
    }
    const { value, hasUnknowns, hadSecrets, secretValues, secretKeys } = unwrapValue(args);
    if (hasUnknowns) {
      // Inputs not known yet (a preview): nothing can be listed; the engine treats the result as unknown.
      return cb(null, encodeInvokeResponse({}));
    }
    const setup = this.session.context({
      preview,
      secretInputs: secretKeys,
      secretValues,
      log: (severity, message) => this.engineLog.log(severity, redact(message)),
      encodeJobs: encodePulumiJobs,
    });
    // Messages the plugin writes leave secret inputs out by construction (request lines, failures
    // quoting a value); this catches them wherever else they might appear (a job named like one).
    const redact = (text: string) => (setup.ok ? setup.secrets.redact(text) : text);
    const failuresOut = (list: readonly InputFailure[]) => encodeInvokeResponse(undefined, pulumiFailures(list, redact));
    const prepared = fn.prepare(value as Record<string, unknown>, secretKeys);
    if (!prepared.ok) return cb(null, failuresOut(prepared.failures));
    if (!setup.ok) {
      if (setup.refused === "shutdown") return cb(grpcError(grpc.status.UNAVAILABLE, `${setup.message}; the invoke was not started`));
      return cb(null, failuresOut(setup.failures));
    }
    const { call: ready } = prepared;
    // Calls share a listing only when they also agree on which inputs are secret: the listing's
    // messages are redacted for the first caller's secrets, and must be right for every caller.
    const key = JSON.stringify([tok, preview, [...secretKeys].sort(), ready.inputs]);
    this.flights
      .run(key, async () => {
        try {
          const outputs = pulumiOutputs(ready.declaration, await ready.run(setup.ctx));
          return encodeInvokeResponse(hadSecrets ? markedSecret(outputs) : outputs);
        } catch (err) {
          if (err instanceof CallFailure) return failuresOut([{ property: err.property, reason: err.text }]);
          throw err;
        }
      })
      .then(
        (bytes) => cb(null, bytes),
        (err: unknown) => cb(grpcError(grpc.status.UNKNOWN, redact(`${tok}: ${errorText(err, PULUMI_SPELLING)}`))),
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
