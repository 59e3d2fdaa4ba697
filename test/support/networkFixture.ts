/**
 * One emulator behind https with a private CA's certificate (for `metastudio.test` and
 * `localhost`), a self-signed https front, and the CA's file, for the provider-level network tests.
 */
import { execFile } from "node:child_process";
import { EmulatorOptions, startEmulator } from "../../emulator/src";
import { privateCa, ProxyOptions, selfSigned, startProxy, tempFiles, TestProxy, tlsFront, TlsFront } from "./networks";

export const TEST_NAME = "metastudio.test";
export const TEST_PORT = 8443;

export interface NetworkFixture {
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  /** https with the private CA's certificate. */
  front: TlsFront;
  /** https with a self-signed certificate. */
  selfSignedFront: TlsFront;
  caFile: string;
  /** A proxy that knows metastudio.test:8443 as the front; closed with the fixture. */
  proxy(opts?: Partial<ProxyOptions>): Promise<TestProxy>;
  close(): Promise<void>;
}

export async function networkFixture(emulatorOptions: EmulatorOptions): Promise<NetworkFixture> {
  const emulator = await startEmulator({ port: 0, ...emulatorOptions });
  const ca = await privateCa();
  const front = await tlsFront(emulator.url, await ca.issue([TEST_NAME, "localhost"]));
  const selfSignedFront = await tlsFront(emulator.url, await selfSigned(["localhost"]));
  const files = tempFiles();
  const caFile = files.write("corp-ca.pem", ca.certPem);
  const proxies: TestProxy[] = [];
  return {
    emulator,
    front,
    selfSignedFront,
    caFile,
    async proxy(opts = {}) {
      const p = await startProxy({ hosts: { [`${TEST_NAME}:${TEST_PORT}`]: `127.0.0.1:${front.port}` }, ...opts });
      proxies.push(p);
      return p;
    },
    async close() {
      await Promise.all(proxies.map((p) => p.close()));
      await front.close();
      await selfSignedFront.close();
      await emulator.stop();
      files.remove();
    },
  };
}

/**
 * The status Node's own https client gets from `url` in a process with `env`: with
 * NODE_TLS_REJECT_UNAUTHORIZED=0 it accepts any certificate, which shows the variable in effect.
 */
export function plainNodeStatus(url: string, env: Record<string, string>): Promise<string> {
  const script = `require("node:https").get(${JSON.stringify(url)}, (r) => { r.resume(); console.log(r.statusCode); }).on("error", (e) => console.log(e.code));`;
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["-e", script], { env: { PATH: process.env.PATH ?? "", ...env } }, (err, stdout) => {
      if (err) reject(new Error(`node -e failed: ${err.message}`));
      else resolve(stdout.trim());
    }),
  );
}
