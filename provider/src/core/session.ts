/**
 * One provider's lifecycle, the same under every front end: configuration -> settings -> client,
 * then calls that run until they are cancelled or the provider shuts down.
 *
 * - `configure` takes the configuration (the caller's keys, completed from the environment);
 *   `resolve` checks it, makes the client settings and the client, once, and says what is wrong
 *   with it when it cannot: a client that cannot be made is a failure of the setting it names,
 *   never a crash.
 * - `cancel` stops the calls running now (Pulumi's Cancel); later calls run.
 * - `shutdown` stops them and every call after: no API request starts again in this process
 *   (Pulumi after SIGTERM, Terraform after StopProvider, as terraform-plugin-sdk's stop context).
 */
import type { ClientSettings, MetaStudioClient } from "../api/metaStudioClient";
import type { Redactor } from "../api/redactor";
import { checkConfig, Env, ProviderSettings, RawConfig, resolveSettings, withEnvFallbacks } from "../config/providerConfig";
import type { CallContext, Clock, LogSeverity } from "../functions/context";
import type { InputFailure } from "../schema/inputValidation";
import { Text, TextError } from "../schema/text";
import type { ApiJob } from "../schema/trainingJob";

/** After shutdown, how long the calls it failed get to answer before the server closes anyway. */
export const SHUTDOWN_GRACE_MS = 2000;

export interface CallOptions {
  /** A preview or plan: nothing may block for long. */
  preview?: boolean;
  /** Inputs the caller marked secret, by name: their values are never quoted. */
  secretInputs?: ReadonlySet<string>;
  /** Every value inside those inputs, taken out of any text from the API. */
  secretValues?: readonly unknown[];
  /** Progress and diagnostics of the call (retries, drift, the gate's waiting lines). */
  log: (severity: LogSeverity, message: string) => void;
  /** The front end's own stop for this call (a command line's Ctrl-C), besides cancel and shutdown. */
  signal?: AbortSignal;
  /** The front end's serializer of jobs, applied to each page as it arrives (CallContext.encodeJobs). */
  encodeJobs?: (jobs: readonly ApiJob[]) => Uint8Array[];
  clock?: Clock;
}

/** Makes the client from its settings; a front end may wrap it (a test: a client that cannot be made). */
export type ClientFactory = (settings: ClientSettings) => MetaStudioClient;

function newClient(settings: ClientSettings): MetaStudioClient {
  const { MetaStudioClient } = require("../api/metaStudioClient") as typeof import("../api/metaStudioClient");
  return new MetaStudioClient(settings);
}

function firstSetting(text: Text): string | undefined {
  if (typeof text === "string") return undefined;
  for (const part of text) if (typeof part !== "string" && part.kind === "field" && part.config) return part.name;
  return undefined;
}

export type Resolved = { ok: true; settings: ProviderSettings; client: MetaStudioClient } | { ok: false; failures: InputFailure[] };

export type CallSetup =
  | { ok: true; ctx: CallContext; secrets: Redactor }
  | { ok: false; refused: "configuration"; failures: InputFailure[] }
  | { ok: false; refused: "shutdown"; message: string };

export class ProviderSession {
  private raw: RawConfig | undefined;
  private secretKeys: ReadonlySet<string> = new Set();
  private resolved: Resolved | undefined;
  private cancelling = new AbortController();
  private shutDownWith: string | undefined;

  constructor(
    private readonly env: Env = process.env,
    private readonly makeClient: ClientFactory = newClient,
  ) {}

  /** Replaces the configuration (keys in the tables' names); `secretKeys` arrived marked secret. */
  configure(raw: RawConfig, secretKeys: ReadonlySet<string> = new Set()): void {
    this.raw = raw;
    this.secretKeys = secretKeys;
    this.resolved = undefined;
  }

  get configured(): boolean {
    return this.raw !== undefined;
  }

  /** Everything wrong with a configuration, completed from the environment, without keeping it. */
  check(raw: RawConfig, secretKeys: ReadonlySet<string> = new Set()): InputFailure[] {
    return checkConfig(withEnvFallbacks(raw, this.env), secretKeys);
  }

  /**
   * The settings and the client, made once per configuration; without configure(), the
   * environment alone is the configuration.
   */
  resolve(): Resolved {
    if (this.resolved) return this.resolved;
    const resolved = resolveSettings(withEnvFallbacks(this.raw ?? {}, this.env), this.secretKeys);
    if (!resolved.ok) return (this.resolved = resolved);
    try {
      // The proxy and CA variables come from where the HW_* fallbacks do: this session's environment.
      const client = this.makeClient({ ...resolved.settings.client, env: this.env });
      return (this.resolved = { ok: true, settings: resolved.settings, client });
    } catch (err) {
      // A proxy or CA file that cannot be used names its setting (on the error, or first in its
      // text); anything else the client refuses is the endpoint it was given.
      const reason = err instanceof TextError ? err.text : err instanceof Error ? err.message : String(err);
      const named = (err as { property?: unknown }).property;
      const property = typeof named === "string" ? named : (firstSetting(reason) ?? "endpoint");
      return (this.resolved = { ok: false, failures: [{ property, reason }] });
    }
  }

  /** What one call runs with, or why it may not run. */
  context(opts: CallOptions): CallSetup {
    if (this.shutDownWith !== undefined) return { ok: false, refused: "shutdown", message: this.shutDownWith };
    const resolved = this.resolve();
    if (!resolved.ok) return { ok: false, refused: "configuration", failures: resolved.failures };
    const { Redactor } = require("../api/redactor") as typeof import("../api/redactor");
    const secrets = Redactor.of(opts.secretValues ?? []);
    const signal = opts.signal ? AbortSignal.any([this.cancelling.signal, opts.signal]) : this.cancelling.signal;
    return {
      ok: true,
      secrets,
      ctx: {
        client: resolved.client,
        maxConcurrency: resolved.settings.maxConcurrency,
        preview: opts.preview ?? false,
        signal,
        secretInputs: opts.secretInputs ?? new Set(),
        secrets,
        log: opts.log,
        clock: opts.clock,
        encodeJobs: opts.encodeJobs,
      },
    };
  }

  /** Stops the calls running now; calls made later run. */
  cancel(reason = "the operation was cancelled"): void {
    this.cancelling.abort(new Error(reason));
    if (this.shutDownWith === undefined) this.cancelling = new AbortController();
  }

  /** Stops the calls running now and refuses every later one: no API request starts again. */
  shutdown(reason: string): void {
    if (this.shutDownWith !== undefined) return;
    this.shutDownWith = `provider is shutting down (${reason}); nothing more is requested from the API`;
    this.cancelling.abort(new Error(this.shutDownWith));
  }

  get isShutDown(): boolean {
    return this.shutDownWith !== undefined;
  }
}
