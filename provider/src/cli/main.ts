/**
 * The executable `metastudio`: the command line's front end over the providers' core. Parses
 * argv (program.ts), runs the command (commands.ts), prints what went wrong on stderr as
 * `metastudio: ...` and exits with the code of its kind (exitCodes.ts). SIGINT and SIGTERM abort
 * the listing or the wait in flight, so no request is sent after them, and exit 130.
 */
import { CommanderError } from "commander";
import { makeActions, RunEnvironment } from "./commands";
import { EXIT, exitCodeOf, Interrupted } from "./exitCodes";
import { cliErrorText } from "./names";
import { buildProgram } from "./program";

export async function run(argv: readonly string[], environment: RunEnvironment): Promise<number> {
  const program = buildProgram(makeActions(environment), {
    writeOut: (text) => environment.stdout.write(text),
    writeErr: (text) => environment.stderr.write(text),
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (err) {
    if (environment.signal.aborted) {
      environment.stderr.write(`metastudio: ${(environment.signal.reason as Error).message}; stopped\n`);
      return EXIT.interrupted;
    }
    // commander has already printed its own message (and the nearest flag or command).
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const message = cliErrorText(err);
    environment.stderr.write(
      message
        .split("\n")
        .map((line) => `metastudio: ${line}\n`)
        .join(""),
    );
    return exitCodeOf(err);
  }
}

export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal while stopping ends the process at once, as shells expect.
    if (stop.signal.aborted) process.exit(EXIT.interrupted);
    stop.abort(new Interrupted(signal));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // `metastudio jobs list | head -1`: the reader has what it wanted and closed the pipe. That is no
  // failure of the command (exit 1 would read "a job needs a person" under pipefail), so stop
  // quietly with the code decided so far.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : EXIT.ok);
  });
  run(argv, { env: process.env, stdout: process.stdout, stderr: process.stderr, signal: stop.signal }).then(
    (code) => {
      process.exitCode = code;
      // Keep-alive sockets and timers must not hold the exit back.
      process.stdout.write("", () => process.exit(code));
    },
    (err: unknown) => {
      process.stderr.write(`metastudio: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(EXIT.api);
    },
  );
}

if (require.main === module) main();
