/**
 * Smoke tests of the built, bundled executable as Terraform and OpenTofu start it through
 * go-plugin: the handshake line, AutoMTLS both ways, a listing, Shutdown, and its refusals.
 */
import { spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { selfSignedIdentity } from "../../provider/src/terraform/autoMtls";
import * as tf from "../../provider/src/terraform/generated/tfplugin6";
import { handshakeCertPem, rpc, TERRAFORM_PLUGIN_BIN, TerraformPlugin } from "../../harness/terraform/terraformClient";
import type { TfObject } from "../../provider/src/terraform/dynamicValue";
import { AK, JOBS, providerBlock, SK, startEmulator } from "./support";

describe("terraform-provider-metastudio, spawned as go-plugin does", () => {
  test("prints the handshake line with its own certificate, serves tfplugin6 over mTLS, exits on Shutdown", async () => {
    const emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, jobs: 150, seed: 3 });
    const plugin = await TerraformPlugin.spawn();
    try {
      const h = plugin.handshake;
      expect(h).toMatchObject({ core: 1, protocol: 6, network: "tcp", kind: "grpc" });
      expect(h.address).toMatch(/^127\.0\.0\.1:\d+$/);
      const port = Number(h.address.split(":")[1]);
      expect(port).toBeGreaterThanOrEqual(10000);
      expect(port).toBeLessThanOrEqual(25000);
      expect(h.cert).not.toMatch(/=$/);
      const cert = new X509Certificate(handshakeCertPem(h.cert));
      expect(cert.subjectAltName).toBe("DNS:localhost");
      expect(cert.ca).toBe(true);

      expect((await plugin.configure(providerBlock(emulator))).diagnostics).toEqual([]);
      const { state, diagnostics } = await plugin.readData(JOBS, { page_size: 40 });
      expect(diagnostics).toEqual([]);
      expect((state as TfObject).total).toBe(150);
      expect((state as TfObject).jobs as unknown[]).toHaveLength(150);

      const exited = new Promise<number | null>((resolve) => plugin.process!.once("exit", (code) => resolve(code)));
      await plugin.shutdown();
      expect(await exited).toBe(0);
      expect(plugin.stderr).not.toContain(SK);
    } finally {
      await plugin.stop();
      await emulator.stop();
    }
  });

  test("refuses a client without the certificate it was given, and one with another", async () => {
    const plugin = await TerraformPlugin.spawn();
    try {
      const stranger = await selfSignedIdentity();
      for (const identity of [undefined, stranger]) {
        const client = new tf.ProviderClient(plugin.handshake.address, plugin.credentials(identity), {
          "grpc.ssl_target_name_override": "localhost",
        });
        await expect(rpc(client, "getProviderSchema", {})).rejects.toMatchObject({ code: 14 });
        client.close();
      }
      expect(Object.keys((await rpc(plugin.provider, "getProviderSchema", {})).dataSourceSchemas)).toEqual([JOBS]);
    } finally {
      await plugin.stop();
    }
  });

  test("without PLUGIN_CLIENT_CERT (TF_DISABLE_PLUGIN_TLS on the client's side) it speaks plaintext, with an empty certificate", async () => {
    const plugin = await TerraformPlugin.spawn({ tls: false });
    try {
      expect(plugin.handshake.cert).toBe("");
      expect(Object.keys((await rpc(plugin.provider, "getProviderSchema", {})).resourceSchemas)).toEqual(["metastudio_training_jobs_gate"]);
    } finally {
      await plugin.stop();
    }
  });

  test("a PLUGIN_CLIENT_CERT that is not a certificate: said on stderr, exit 1, no handshake line", () => {
    const run = spawnSync(process.execPath, [TERRAFORM_PLUGIN_BIN], {
      env: {
        PATH: process.env.PATH,
        TF_PLUGIN_MAGIC_COOKIE: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
        PLUGIN_PROTOCOL_VERSIONS: "6",
        PLUGIN_CLIENT_CERT: "-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n",
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^terraform-provider-metastudio: PLUGIN_CLIENT_CERT is not a PEM certificate/);
  });

  test("run by hand, or by a client without protocol 6, it says why and exits", () => {
    const byHand = spawnSync(process.execPath, [TERRAFORM_PLUGIN_BIN], { env: { PATH: process.env.PATH }, encoding: "utf8" });
    expect(byHand.status).toBe(1);
    expect(byHand.stdout).toBe("");
    expect(byHand.stderr).toMatch(/plugin for Terraform and OpenTofu, not a command to run by hand/);
    const old = spawnSync(process.execPath, [TERRAFORM_PLUGIN_BIN], {
      env: {
        PATH: process.env.PATH,
        TF_PLUGIN_MAGIC_COOKIE: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
        PLUGIN_PROTOCOL_VERSIONS: "4,5",
      },
      encoding: "utf8",
    });
    expect(old.status).toBe(1);
    expect(old.stderr).toMatch(/speaks plugin protocol 4, 5; this provider speaks 6/);
  });
});
