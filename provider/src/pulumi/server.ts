/**
 * The Pulumi provider's gRPC server (pulumirpc.ResourceProvider) on 127.0.0.1. The executable
 * (main.ts) and the tests start it the same way; tests can do it in-process.
 */
import * as grpc from "@grpc/grpc-js";
import { ClientFactory, SHUTDOWN_GRACE_MS } from "../core/session";
import { EngineLog } from "./engineLog";
import { PulumiProvider } from "./providerService";

// Listings of 100,000 jobs are tens of MB; the engine itself accepts up to 400 MB.
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
// What the engine sends (config, invoke inputs) is small; nothing needs more than gRPC's default.
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export interface ServerOptions {
  /** The engine's address, for Log lines (the command line's, or Handshake's later). */
  engineAddress?: string;
  /** The environment the provider reads its HW_* fallbacks from (process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where log lines are copied besides the engine (process.stderr). */
  writeStderr?: (text: string) => void;
  /** How the API client is made (the real one unless a test wraps it). */
  makeClient?: ClientFactory;
}

export interface RunningServer {
  port: number;
  /**
   * Fails open invokes with `why`, lets them answer, then closes the server (forcibly after
   * SHUTDOWN_GRACE_MS) and the engine connection.
   */
  stop(why: string): Promise<void>;
}

/**
 * The provider's gRPC server on 127.0.0.1 (a free port), warmed up right after it listens. The
 * executable (startPlugin) prints the port and stops on signals; tests may run it in-process.
 */
export function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const engineLog = new EngineLog(opts.engineAddress, opts.writeStderr);
  const provider = new PulumiProvider(engineLog, opts.env, opts.makeClient);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_REQUEST_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  server.addService(PulumiProvider.serviceDefinition(), provider.implementation());
  let stopped: Promise<void> | undefined;
  const stop = (why: string): Promise<void> =>
    (stopped ??= new Promise<void>((resolve) => {
      // Open invokes fail now with the reason and stop requesting; tryShutdown then closes the
      // server once they have answered, so the engine gets their error, not a dropped connection.
      provider.shutdown(why);
      const done = () => {
        clearTimeout(grace);
        engineLog.close();
        resolve();
      };
      const grace = setTimeout(() => {
        server.forceShutdown();
        done();
      }, SHUTDOWN_GRACE_MS);
      grace.unref();
      server.tryShutdown(done);
    }));
  return new Promise((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
      if (err) return reject(err);
      resolve({ port, stop });
      // After the caller has announced the port (a resolved promise's callbacks run first).
      setImmediate(() => provider.warmUp());
    });
  });
}
