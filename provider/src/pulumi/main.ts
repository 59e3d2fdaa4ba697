/**
 * The plugin process: `pulumi-resource-metastudio <engine-address> [flags]`. It serves gRPC on
 * 127.0.0.1 and prints the port as its first stdout line, which is how the engine finds it;
 * everything else goes to stderr.
 */
import { watchParent } from "../core/parentWatch";
import { startServer } from "./server";

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
