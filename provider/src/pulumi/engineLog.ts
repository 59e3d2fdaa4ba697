/**
 * Log lines for the person running `pulumi up`: sent to the engine's Log RPC (the engine address
 * comes on the command line or in Handshake), and to stderr, which the engine keeps in its own log.
 * The engine stubs load on the first line, not at start-up.
 */
import * as grpc from "@grpc/grpc-js";
import { boundedLine, MAX_FAILURE_CHARS } from "../core/failures";
import type { LogSeverity } from "../functions/context";

type EngineClient = import("@pulumi/pulumi/proto/engine_grpc_pb").EngineClient;

const SEVERITY: Record<LogSeverity, number> = { debug: 0, info: 1, warning: 2, error: 3 };

export class EngineLog {
  private address: string | undefined;
  private client: EngineClient | undefined;

  /** `write` takes the stderr copy of each line (process.stderr; a test's buffer in-process). */
  constructor(
    address?: string,
    private readonly write: (text: string) => void = (text) => process.stderr.write(text),
  ) {
    this.address = address;
  }

  setAddress(address: string): void {
    if (address && address !== this.address) {
      this.client?.close();
      this.client = undefined;
      this.address = address;
    }
  }

  log(severity: LogSeverity, text: string): void {
    const message = boundedLine(text, MAX_FAILURE_CHARS);
    this.write(`[${severity}] ${message}\n`);
    if (!this.address || severity === "debug") return;
    try {
      if (!this.client) {
        const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb") as typeof import("@pulumi/pulumi/proto/engine_grpc_pb");
        this.client = new EngineClient(this.address, grpc.credentials.createInsecure());
      }
      const { LogRequest } = require("@pulumi/pulumi/proto/engine_pb") as typeof import("@pulumi/pulumi/proto/engine_pb");
      const req = new LogRequest();
      req.setSeverity(SEVERITY[severity]);
      req.setMessage(message);
      // A lost log line must never fail the call it describes.
      this.client.log(req, () => undefined);
    } catch (err) {
      this.write(`[warning] could not send a log line to the engine: ${(err as Error).message}\n`);
    }
  }

  close(): void {
    this.client?.close();
  }
}
