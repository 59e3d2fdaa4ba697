/**
 * The Terraform provider server: tfplugin6.Provider plus go-plugin's GRPCController (Shutdown)
 * and GRPCStdio, on 127.0.0.1, with AutoMTLS when the client sent its certificate. The executable
 * (main.ts) and the tests start it the same way; tests can do it in-process.
 */
import * as grpc from "@grpc/grpc-js";
import type { Env } from "../config/providerConfig";
import { ClientFactory, SHUTDOWN_GRACE_MS } from "../core/session";
import { GRPCControllerService } from "./generated/grpc_controller";
import { GRPCStdioService } from "./generated/grpc_stdio";
import { ProviderService } from "./generated/tfplugin6";
import { selfSignedIdentity } from "./autoMtls";
import { encodeReadDataSourceAnswer } from "./readDataSourceAnswer";
import { TerraformProvider } from "./providerService";
import { Log, stderrLog } from "./terraformLog";

/** go-plugin's core protocol version and the Terraform plugin protocol served. */
export const CORE_PROTOCOL_VERSION = 1;
export const TERRAFORM_PROTOCOL_VERSION = 6;

// Listings of 100,000 jobs are tens of MB; Terraform's client accepts up to 256 MB.
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export interface ServerOptions {
  /** PEM of the client's certificate (PLUGIN_CLIENT_CERT); without it the server speaks plaintext. */
  clientCertPem?: string;
  /** Ports to try (PLUGIN_MIN_PORT..PLUGIN_MAX_PORT); any free port when absent. */
  portRange?: { min: number; max: number };
  env?: Env;
  log?: Log;
  /** How the API client is made (the real one unless a test wraps it). */
  makeClient?: ClientFactory;
}

export interface RunningServer {
  port: number;
  /** The server's certificate (DER), when TLS is on. */
  certDer?: Buffer;
  /** go-plugin's handshake line, without the newline. */
  handshakeLine: string;
  /** Settles once the server has stopped, by stop() or the client's Shutdown. */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

function bind(server: grpc.Server, port: number, creds: grpc.ServerCredentials): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(`127.0.0.1:${port}`, creds, (err, p) => (err ? reject(err) : resolve(p))));
}

/** A port in the client's range, starting at a random one so that plugins started together rarely collide. */
async function bindInRange(server: grpc.Server, creds: grpc.ServerCredentials, range?: { min: number; max: number }): Promise<number> {
  if (!range) return bind(server, 0, creds);
  const span = range.max - range.min + 1;
  const start = Math.floor(Math.random() * span);
  let last: unknown;
  for (let i = 0; i < Math.min(span, 200); i++) {
    try {
      return await bind(server, range.min + ((start + i) % span), creds);
    } catch (err) {
      last = err;
    }
  }
  throw new Error(`no free port from ${range.min} to ${range.max}: ${last instanceof Error ? last.message : String(last)}`);
}

export async function startTerraformServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? stderrLog();
  const provider = new TerraformProvider(log, opts.env ?? process.env, opts.makeClient);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  const stdioStreams = new Set<grpc.ServerWritableStream<unknown, unknown>>();

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      provider.shutdown("the client shut the plugin down");
      for (const s of stdioStreams) s.end();
      const force = setTimeout(() => server.forceShutdown(), SHUTDOWN_GRACE_MS);
      force.unref();
      server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    }).then(resolveStopped);
    return stopping;
  };

  const service = {
    ...ProviderService,
    readDataSource: { ...ProviderService.readDataSource, responseSerialize: encodeReadDataSourceAnswer },
  };
  server.addService(service, provider.implementation());
  server.addService(GRPCControllerService, {
    shutdown: (_call: grpc.ServerUnaryCall<unknown, unknown>, cb: grpc.sendUnaryData<unknown>) => {
      cb(null, {});
      // After the answer is on its way: the client waits for it before it stops waiting on us.
      setImmediate(() => void stop());
    },
  });
  server.addService(GRPCStdioService, {
    // Everything the plugin says goes to stderr, which the client already reads from the process;
    // the stream stays open (empty) so the client does not log that stdio syncing is unavailable.
    streamStdio: (call: grpc.ServerWritableStream<unknown, unknown>) => {
      stdioStreams.add(call);
      call.on("cancelled", () => stdioStreams.delete(call));
    },
  });

  let creds = grpc.ServerCredentials.createInsecure();
  let certDer: Buffer | undefined;
  if (opts.clientCertPem) {
    const identity = await selfSignedIdentity();
    certDer = identity.der;
    creds = grpc.ServerCredentials.createSsl(
      Buffer.from(opts.clientCertPem),
      [{ cert_chain: Buffer.from(identity.certPem), private_key: Buffer.from(identity.keyPem) }],
      true,
    );
  }
  const port = await bindInRange(server, creds, opts.portRange);
  const cert = certDer ? certDer.toString("base64").replace(/=+$/, "") : "";
  return {
    port,
    certDer,
    handshakeLine: `${CORE_PROTOCOL_VERSION}|${TERRAFORM_PROTOCOL_VERSION}|tcp|127.0.0.1:${port}|grpc|${cert}`,
    stopped,
    stop,
  };
}
