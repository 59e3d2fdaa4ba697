/**
 * The plugin process: `pulumi-resource-metastudio <engine-address> [flags]`. It serves gRPC on
 * 127.0.0.1 and prints the port as its first stdout line, which is how the engine finds it;
 * everything else goes to stderr.
 */
import * as grpc from "@grpc/grpc-js";
import { watchParent } from "./parentWatch";
import { EngineLog } from "./protocol/engineLog";
import { MetaStudioProvider } from "./protocol/resourceProviderServer";

// Listings of 100,000 jobs are tens of MB; the engine itself accepts up to 400 MB.
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
// What the engine sends (config, invoke inputs) is small; nothing needs more than gRPC's default.
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** After a stop signal, how long the invokes failing with it get to answer before the process exits. */
const SHUTDOWN_GRACE_MS = 2000;

/** Flags the engine passes with their value as the next argument (`--tracing <url>`). */
const FLAGS_WITH_A_VALUE = new Set(["--tracing", "-tracing"]);

/**
 * The engine starts a plugin as `[--logtostderr] [-v=N] [--tracing <url>] <engine address>`: the
 * address is the first argument that is neither a flag nor a flag's value.
 */
export function engineAddressFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (FLAGS_WITH_A_VALUE.has(argv[i])) i++;
    else if (!argv[i].startsWith("-")) return argv[i];
  }
  return undefined;
}

export interface ServerOptions {
  /** The engine's address, for Log lines (the command line's, or Handshake's later). */
  engineAddress?: string;
  /** The environment the provider reads its HW_* fallbacks from (process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where log lines are copied besides the engine (process.stderr). */
  writeStderr?: (text: string) => void;
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
  const provider = new MetaStudioProvider(engineLog, opts.env);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_REQUEST_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  server.addService(MetaStudioProvider.serviceDefinition(), provider.implementation());
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

export function startPlugin(argv: readonly string[] = process.argv.slice(2)): void {
  const running = startServer({ engineAddress: engineAddressFrom(argv) }).then(
    (server) => {
      process.stdout.write(`${server.port}\n`);
      return server;
    },
    (err: Error) => {
      process.stderr.write(`pulumi-resource-metastudio: cannot listen on 127.0.0.1: ${err.message}\n`);
      process.exit(1);
    },
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void running.then((server) => server.stop(signal)).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  watchParent(() => {
    process.stderr.write("pulumi-resource-metastudio: the engine that started this plugin is gone; exiting\n");
    stop("SIGTERM");
  });
}

if (require.main === module) startPlugin();
