/**
 * The executable `terraform-provider-metastudio`, started by Terraform or OpenTofu through
 * HashiCorp's go-plugin: it checks the magic cookie and the protocol versions the client offers,
 * starts the server and prints the handshake line `1|6|tcp|127.0.0.1:PORT|grpc|<cert>` as its
 * first stdout line. Everything else goes to stderr, which the client keeps in its log.
 */
import { X509Certificate } from "node:crypto";
import { watchParent } from "../core/parentWatch";
import { startTerraformServer, TERRAFORM_PROTOCOL_VERSION } from "./server";

export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
export const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

function fail(message: string): never {
  process.stderr.write(`terraform-provider-metastudio: ${message}\n`);
  process.exit(1);
}

function portRange(env: NodeJS.ProcessEnv): { min: number; max: number } | undefined {
  const min = Number(env.PLUGIN_MIN_PORT);
  const max = Number(env.PLUGIN_MAX_PORT);
  return Number.isInteger(min) && Number.isInteger(max) && min > 0 && max >= min ? { min, max } : undefined;
}

export async function startPlugin(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    fail(
      "this is a plugin for Terraform and OpenTofu, not a command to run by hand. Add the provider to a " +
        "configuration (see docs/terraform.md) and run `tofu init` / `terraform init`.",
    );
  }
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(TERRAFORM_PROTOCOL_VERSION)).split(",").map((v) => Number(v.trim()));
  if (!offered.includes(TERRAFORM_PROTOCOL_VERSION)) {
    fail(
      `the client speaks plugin protocol ${offered.join(", ")}; this provider speaks ${TERRAFORM_PROTOCOL_VERSION} (Terraform 1.0 or newer, any OpenTofu)`,
    );
  }
  const clientCertPem = env.PLUGIN_CLIENT_CERT || undefined;
  if (clientCertPem !== undefined && !isCertificate(clientCertPem)) {
    // Otherwise the server would require a client certificate nobody has, and no client could reach it.
    fail(
      "PLUGIN_CLIENT_CERT is not a PEM certificate; Terraform and OpenTofu set it to the certificate of their AutoMTLS client (unset it, or set TF_DISABLE_PLUGIN_TLS on the client, for plaintext)",
    );
  }
  const server = await startTerraformServer({ clientCertPem, portRange: portRange(env), env });
  process.stdout.write(`${server.handshakeLine}\n`);
  setImmediate(() => {
    try {
      (require("./warmUp") as typeof import("./warmUp")).warmUp();
    } catch (err) {
      // Only an optimization: the first read loads the same modules and reports any problem.
      process.stderr.write(`[DEBUG] warm-up skipped: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  });
  void server.stopped.then(() => process.exit(0));
  // Ctrl-C reaches the whole process group; the client answers it with StopProvider and then
  // Shutdown, so the plugin must outlive the signal (as go-plugin servers do).
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => void server.stop());
  watchParent(() => {
    process.stderr.write("terraform-provider-metastudio: the process that started this plugin is gone; exiting\n");
    void server.stop();
  });
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

if (require.main === module) {
  startPlugin().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
}
