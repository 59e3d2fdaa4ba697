/** Shared set-up of the engine-role tests: an emulator on loopback and the built plugin. */
import { EmulatorOptions, startEmulator } from "../../emulator/src";
import { FakeEngine, PluginHost, secret } from "../../harness/pulumi/engineStandIn";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const AK = "AKTESTPLUGIN00000001";
export const SK = "SK-very-secret-value-0000000000000000001";
export const TOKEN = "TOKEN-very-secret-value-1234567890";
export const GET = "metastudio:index:getTrainingJobs";
export const WAIT = "metastudio:index:waitForTrainingJobs";

/**
 * A plugin configured, as the engine would, for an emulator that checks AK/SK signatures. It runs
 * in-process (its log lines still in host.stderr); the spawned bundle is covered by protocol.test,
 * lifecycle.test and the listing tests that start their own PluginHost.
 */
export async function pluginFor(
  emulator: Emulator,
  extra: Record<string, unknown> = {},
  engine?: FakeEngine,
  { spawned = false }: { spawned?: boolean } = {},
): Promise<PluginHost> {
  const host = await PluginHost.start({ engine, inProcess: !spawned });
  const config: Record<string, unknown> = {
    endpoint: emulator.url,
    projectId: emulator.projectId,
    accessKey: secret(AK),
    secretKey: secret(SK),
    maxRetries: "3",
    ...extra,
  };
  // `undefined` in `extra` removes a key: PluginHost sends no absent value.
  await host.configure(config);
  return host;
}

export interface PluginSetup {
  emulator: Emulator;
  engine: FakeEngine;
  host: PluginHost;
}

/** A test's own AK/SK emulator, engine stand-in and configured plugin, all stopped afterwards. */
export async function withPlugin<T>(
  emulatorOptions: Omit<EmulatorOptions, "accessKey" | "secretKey">,
  config: Record<string, unknown>,
  test: (setup: PluginSetup) => Promise<T>,
  /** The built bundle as the engine spawns it: for tests of signals and of the process itself. */
  { spawned = false }: { spawned?: boolean } = {},
): Promise<T> {
  const emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, ...emulatorOptions });
  const engine = await new FakeEngine().start();
  try {
    const host = await pluginFor(emulator, config, engine, { spawned });
    try {
      return await test({ emulator, engine, host });
    } finally {
      await host.stop();
    }
  } finally {
    await engine.stop();
    await emulator.stop();
  }
}

export { startEmulator, FakeEngine, PluginHost, secret };
