/**
 * Pulumi runtime mocks whose `call` forwards each invoke to the real plugin over gRPC, as the
 * engine would: the default provider is configured from the stack config, and each explicit
 * `new metastudio.Provider(...)` gets a plugin process of its own configured with its inputs.
 * Other resources (e.g. @pulumi/random's) are not created: they get a made-up id and their inputs
 * echoed as state, and the runner says so.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { FakeEngine, PluginHost } from "./engineStandIn";

export interface ForwardingOptions {
  /** Stack config of the metastudio package, camelCase keys (what `pulumi config set metastudio:<key>` holds). */
  providerConfig: Record<string, unknown>;
  engine?: FakeEngine;
  preview?: boolean;
}

export class ForwardingMocks implements pulumi.runtime.Mocks {
  private defaultHost: Promise<PluginHost> | undefined;
  private readonly explicit = new Map<string, Promise<PluginHost>>();
  readonly mockedResources: string[] = [];
  readonly invokes: string[] = [];

  constructor(private readonly options: ForwardingOptions) {}

  private async host(config: Record<string, unknown>): Promise<PluginHost> {
    const host = await PluginHost.start({ engine: this.options.engine });
    await host.configure(config);
    return host;
  }

  private hostFor(providerRef: string | undefined): Promise<PluginHost> {
    const id = providerRef?.split("::").pop();
    const explicit = id ? this.explicit.get(id) : undefined;
    if (explicit) return explicit;
    this.defaultHost ??= this.host(this.options.providerConfig);
    return this.defaultHost;
  }

  async call(args: pulumi.runtime.MockCallArgs): Promise<Record<string, unknown>> {
    this.invokes.push(args.token);
    const host = await this.hostFor(args.provider);
    const inputs = JSON.parse(JSON.stringify(args.inputs ?? {})) as Record<string, unknown>;
    const res = await host.invoke(args.token, inputs, this.options.preview ?? false);
    if (res.failures.length) {
      // The engine's wording; the runtime shows a monitor error's `details`, as for a gRPC error.
      const message = `Invoke of '${args.token}' failed: ${res.failures.map((f) => `${f.reason} (${f.property})`).join("; ")}`;
      throw Object.assign(new Error(message), { details: message });
    }
    return res.ret ?? {};
  }

  newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
    const id = createHash("sha256")
      .update(`${args.type}::${args.name}::${JSON.stringify(args.inputs)}`)
      .digest("hex")
      .slice(0, 16);
    if (args.type === "pulumi:providers:metastudio") {
      this.explicit.set(id, this.host(args.inputs as Record<string, unknown>));
      return { id, state: args.inputs as Record<string, unknown> };
    }
    this.mockedResources.push(`${args.type} ${args.name}`);
    const state: Record<string, unknown> = { ...(args.inputs as Record<string, unknown>) };
    // Enough of @pulumi/random's outputs for a program to read them.
    if (args.type === "random:index/randomId:RandomId") {
      state.hex = id;
      state.b64Std = Buffer.from(id, "hex").toString("base64");
      state.b64Url = Buffer.from(id, "hex").toString("base64url");
      state.dec = BigInt(`0x${id}`).toString();
    }
    return { id, state };
  }

  async stop(): Promise<string> {
    const hosts = await Promise.all([this.defaultHost, ...this.explicit.values()].filter((h): h is Promise<PluginHost> => !!h));
    const stderr = hosts.map((h) => h.stderr).join("");
    await Promise.all(hosts.map((h) => h.stop()));
    return stderr;
  }
}
