/**
 * The plugin's log: stderr lines with the level prefixes go-plugin recognises (`[INFO] ...`),
 * which Terraform and OpenTofu keep in their own log (TF_LOG / TF_LOG_PROVIDER, TF_LOG_PATH).
 * Each is one bounded line (core/failures.ts). Nothing here ever holds a credential: the shared
 * code words its messages without them.
 */
import { boundedLine } from "../core/failures";
import type { LogSeverity } from "../functions/context";

const LEVEL: Record<LogSeverity, string> = { debug: "DEBUG", info: "INFO", warning: "WARN", error: "ERROR" };

export type Log = (severity: LogSeverity, message: string) => void;

export function stderrLog(write: (line: string) => void = (l) => void process.stderr.write(l)): Log {
  return (severity, message) => write(`[${LEVEL[severity]}] ${boundedLine(message)}\n`);
}
