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

function engineAddressFrom(argv: readonly string[]): string | undefined {
  return argv.find((a) => !a.startsWith("-"));
}

export function startPlugin(argv: readonly string[] = process.argv.slice(2)): void {
  const engineLog = new EngineLog(engineAddressFrom(argv));
  const provider = new MetaStudioProvider(engineLog);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
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
  const stop = () => {
    engineLog.close();
    server.tryShutdown(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) startPlugin();
