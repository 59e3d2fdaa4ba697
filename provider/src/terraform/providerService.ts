/**
 * The tfplugin6.Provider service: schema, validation, configuration, the data source and the gate
 * resource. Values arrive and leave as msgpack DynamicValues (dynamicValue.ts); the jobs are
 * serialized by terraformJobs.ts; the shared functions know nothing of any of it.
 */
import * as grpc from "@grpc/grpc-js";
import type { Env } from "../config/providerConfig";
import { boundedLine } from "../core/failures";
import { ClientFactory, ProviderSession } from "../core/session";
import type { CallContext } from "../functions/context";
import { errorText } from "../schema/text";
import * as tf from "./generated/tfplugin6";
import { errorAt, failureDiagnostic } from "./diagnostics";
import { fromDynamicValue, toDynamicValue } from "./dynamicValue";
import { TERRAFORM_SPELLING } from "./names";
import type { Log } from "./terraformLog";
import { configureProvider, validateProviderConfig } from "./providerConfiguration";
import { GATE_RESOURCE, gateResourceSchema, providerSchema, TRAINING_JOBS_DATA_SOURCE, trainingJobsDataSourceSchema } from "./schema";
import type { ReadDataSourceAnswer } from "./readDataSourceAnswer";

type Features = typeof import("./features");

/**
 * What reads and applies need (the functions, zod, the HTTP client) loads on first use: the
 * client waits for the handshake line, and schema or validation calls come first.
 */
function features(): Features {
  return require("./features") as Features;
}

type Unary<Req, Res> = (req: Req) => Res | Promise<Res>;

function unary<Req, Res>(name: string, log: Log, fn: Unary<Req, Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, cb) => {
    Promise.resolve()
      .then(() => fn(call.request))
      .then(
        (res) => cb(null, res),
        (err: unknown) => {
          const message = boundedLine(errorText(err, TERRAFORM_SPELLING));
          log("error", `${name}: ${message}`);
          cb({ code: grpc.status.INTERNAL, details: message, metadata: new grpc.Metadata(), name: "Error", message });
        },
      );
  };
}

const noCapabilities: tf.ServerCapabilities = {
  planDestroy: false,
  getProviderSchemaOptional: false,
  moveResourceState: false,
  generateResourceConfig: false,
};

export class TerraformProvider {
  private readonly session: ProviderSession;
  private configured = false;
  private notReady: tf.Diagnostic[] = [
    errorAt(undefined, "Provider not configured", "ConfigureProvider was not called before this request"),
  ];

  constructor(
    private readonly log: Log,
    env: Env = process.env,
    makeClient?: ClientFactory,
  ) {
    this.session = new ProviderSession(env, makeClient);
  }

  /**
   * StopProvider, and the server's shutdown: running reads and gate waits stop, and no API request
   * starts again in this process (terraform-plugin-sdk's stop context is done for good too).
   */
  shutdown(reason = "StopProvider: the operation was stopped"): void {
    this.session.shutdown(reason);
  }

  /** `encodeJobs`: the read's serializer, applied to each page as it arrives (a gate keeps no jobs). */
  private context(encodeJobs?: CallContext["encodeJobs"]): CallContext | tf.Diagnostic[] {
    if (!this.configured) return this.notReady;
    // Terraform marks no input of a read or an apply secret (only provider attributes are
    // sensitive, and the client keeps those out of every message itself).
    const setup = this.session.context({ log: this.log, encodeJobs });
    if (setup.ok) return setup.ctx;
    if (setup.refused === "shutdown") return [errorAt(undefined, "The provider is stopping", setup.message)];
    return setup.failures.map((f) => failureDiagnostic(f, "Invalid provider configuration"));
  }

  /** An error a request ran into (the API, the network, a listing that kept drifting). */
  private failure(summary: string, err: unknown): tf.Diagnostic[] {
    const message = boundedLine(errorText(err, TERRAFORM_SPELLING));
    this.log("error", `${summary}: ${message}`);
    return [errorAt(undefined, summary, message)];
  }

  getMetadata: Unary<tf.GetMetadata_Request, tf.GetMetadata_Response> = () => ({
    serverCapabilities: noCapabilities,
    diagnostics: [],
    dataSources: [{ typeName: TRAINING_JOBS_DATA_SOURCE }],
    resources: [{ typeName: GATE_RESOURCE }],
    functions: [],
    ephemeralResources: [],
    listResources: [],
    stateStores: [],
    actions: [],
  });

  getProviderSchema: Unary<tf.GetProviderSchema_Request, tf.GetProviderSchema_Response> = () => ({
    provider: providerSchema,
    resourceSchemas: { [GATE_RESOURCE]: gateResourceSchema },
    dataSourceSchemas: { [TRAINING_JOBS_DATA_SOURCE]: trainingJobsDataSourceSchema },
    diagnostics: [],
    providerMeta: undefined,
    serverCapabilities: noCapabilities,
    functions: {},
    ephemeralResourceSchemas: {},
    listResourceSchemas: {},
    stateStoreSchemas: {},
    actionSchemas: {},
  });

  getResourceIdentitySchemas: Unary<tf.GetResourceIdentitySchemas_Request, tf.GetResourceIdentitySchemas_Response> = () => ({
    identitySchemas: {},
    diagnostics: [],
  });

  validateProviderConfig: Unary<tf.ValidateProviderConfig_Request, tf.ValidateProviderConfig_Response> = (req) => ({
    diagnostics: validateProviderConfig(fromDynamicValue(req.config), this.session),
  });

  configureProvider: Unary<tf.ConfigureProvider_Request, tf.ConfigureProvider_Response> = (req) => {
    const configured = configureProvider(fromDynamicValue(req.config), this.session);
    this.configured = configured.ok === true;
    if (configured.ok === true) return { diagnostics: [] };
    if (configured.ok === "unknown") {
      // Known only after another resource is applied: reads and applies wait for a later Configure.
      this.notReady = [
        errorAt(
          undefined,
          "Provider configuration not known yet",
          `${configured.attributes.join(", ")} depend on values known only after apply`,
        ),
      ];
      return { diagnostics: [] };
    }
    this.notReady = configured.diagnostics;
    return { diagnostics: configured.diagnostics };
  };

  validateDataResourceConfig: Unary<tf.ValidateDataResourceConfig_Request, tf.ValidateDataResourceConfig_Response> = (req) => {
    if (req.typeName !== TRAINING_JOBS_DATA_SOURCE) return { diagnostics: [unknownType("data source", req.typeName)] };
    return { diagnostics: features().validateTrainingJobsConfig(fromDynamicValue(req.config)) };
  };

  /** Answered in its own form, written by server.ts's serializer for this method (readDataSourceAnswer.ts). */
  readDataSource: Unary<tf.ReadDataSource_Request, ReadDataSourceAnswer> = async (req) => {
    if (req.typeName !== TRAINING_JOBS_DATA_SOURCE) return { diagnostics: [unknownType("data source", req.typeName)] };
    const f = features();
    const ctx = this.context(f.encodeTerraformJobs);
    if (Array.isArray(ctx)) return { diagnostics: ctx };
    try {
      const read = await f.readTrainingJobs(fromDynamicValue(req.config), ctx);
      if (!read.ok) return { diagnostics: read.diagnostics };
      return { stateParts: read.state, diagnostics: [] };
    } catch (err) {
      return { diagnostics: this.failure("Cannot list MetaStudio training jobs", err) };
    }
  };

  validateResourceConfig: Unary<tf.ValidateResourceConfig_Request, tf.ValidateResourceConfig_Response> = (req) => {
    if (req.typeName !== GATE_RESOURCE) return { diagnostics: [unknownType("resource", req.typeName)] };
    return { diagnostics: features().validateGateConfig(fromDynamicValue(req.config)) };
  };

  upgradeResourceState: Unary<tf.UpgradeResourceState_Request, tf.UpgradeResourceState_Response> = (req) => {
    if (req.typeName !== GATE_RESOURCE) return { upgradedState: undefined, diagnostics: [unknownType("resource", req.typeName)] };
    const json = req.rawState?.json;
    if (!json || json.length === 0)
      return { upgradedState: undefined, diagnostics: [errorAt(undefined, "Cannot read the gate's state", "the state holds no JSON")] };
    return { upgradedState: toDynamicValue(features().upgradeGateState(json.toString("utf8"))), diagnostics: [] };
  };

  readResource: Unary<tf.ReadResource_Request, tf.ReadResource_Response> = (req) => ({
    // The gate records a pass; there is nothing remote to refresh it from.
    newState: req.currentState,
    diagnostics: [],
    private: req.private,
    deferred: undefined,
    newIdentity: undefined,
  });

  planResourceChange: Unary<tf.PlanResourceChange_Request, tf.PlanResourceChange_Response> = (req) => {
    const base = { plannedPrivate: Buffer.alloc(0), legacyTypeSystem: false, deferred: undefined, plannedIdentity: undefined };
    if (req.typeName !== GATE_RESOURCE)
      return { ...base, plannedState: undefined, requiresReplace: [], diagnostics: [unknownType("resource", req.typeName)] };
    const plan = features().planGate(fromDynamicValue(req.priorState), fromDynamicValue(req.proposedNewState));
    return {
      ...base,
      plannedState: toDynamicValue(plan.planned),
      requiresReplace: plan.requiresReplace.map((path) => ({ steps: path.map((attributeName) => ({ attributeName })) })),
      diagnostics: plan.diagnostics,
    };
  };

  applyResourceChange: Unary<tf.ApplyResourceChange_Request, tf.ApplyResourceChange_Response> = async (req) => {
    const base = { private: Buffer.alloc(0), legacyTypeSystem: false, newIdentity: undefined };
    const prior = fromDynamicValue(req.priorState);
    if (req.typeName !== GATE_RESOURCE) return { ...base, newState: req.priorState, diagnostics: [unknownType("resource", req.typeName)] };
    const ctx = this.context();
    if (Array.isArray(ctx)) return { ...base, newState: req.priorState, diagnostics: ctx };
    try {
      const applied = await features().applyGate(prior, fromDynamicValue(req.plannedState), ctx);
      if (!applied.ok) return { ...base, newState: req.priorState, diagnostics: applied.diagnostics };
      return { ...base, newState: toDynamicValue(applied.newState), diagnostics: [] };
    } catch (err) {
      return { ...base, newState: req.priorState, diagnostics: this.failure("The gate could not check the training jobs", err) };
    }
  };

  importResourceState: Unary<tf.ImportResourceState_Request, tf.ImportResourceState_Response> = () => ({
    importedResources: [],
    diagnostics: [
      errorAt(undefined, "Cannot import a gate", `${GATE_RESOURCE} records a wait that apply performed; declare it and apply instead`),
    ],
    deferred: undefined,
  });

  stopProvider: Unary<tf.StopProvider_Request, tf.StopProvider_Response> = () => {
    this.shutdown();
    return { Error: "" };
  };

  implementation(): grpc.UntypedServiceImplementation {
    const methods: Record<string, Unary<never, unknown>> = {
      getMetadata: this.getMetadata,
      getProviderSchema: this.getProviderSchema,
      getResourceIdentitySchemas: this.getResourceIdentitySchemas,
      validateProviderConfig: this.validateProviderConfig,
      configureProvider: this.configureProvider,
      validateDataResourceConfig: this.validateDataResourceConfig,
      readDataSource: this.readDataSource,
      validateResourceConfig: this.validateResourceConfig,
      upgradeResourceState: this.upgradeResourceState,
      readResource: this.readResource,
      planResourceChange: this.planResourceChange,
      applyResourceChange: this.applyResourceChange,
      importResourceState: this.importResourceState,
      stopProvider: this.stopProvider,
    };
    return Object.fromEntries(
      Object.entries(methods).map(([name, fn]) => [name, unary(name, this.log, fn)]),
    ) as grpc.UntypedServiceImplementation;
  }
}

function unknownType(kind: string, name: string): tf.Diagnostic {
  return errorAt(undefined, `Unknown ${kind} type`, `this provider has no ${kind} ${JSON.stringify(name)}`);
}
