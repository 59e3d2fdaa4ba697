/**
 * The plugin process: `pulumi-resource-metastudio <engine-address> [flags]`. It serves gRPC on
 * 127.0.0.1 and prints the port as its first stdout line, which is how the engine finds it;
 * everything else goes to stderr.
 */
import * as grpc from "@grpc/grpc-js";
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

export function startPlugin(argv: readonly string[] = process.argv.slice(2)): void {
  const engineLog = new EngineLog(engineAddressFrom(argv));
  const provider = new MetaStudioProvider(engineLog);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_REQUEST_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  });
  server.addService(MetaStudioProvider.serviceDefinition(), provider.implementation());
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      process.stderr.write(`pulumi-resource-metastudio: cannot listen on 127.0.0.1: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
    setImmediate(() => provider.warmUp());
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Open invokes fail now with the reason and stop requesting; tryShutdown then closes the
    // server once they have answered, so the engine gets their error, not a dropped connection.
    provider.shutdown(signal);
    const exit = () => {
      engineLog.close();
      process.exit(0);
    };
    server.tryShutdown(exit);
    setTimeout(() => {
      server.forceShutdown();
      exit();
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) startPlugin();
