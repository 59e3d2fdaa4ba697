/** Shared set-up of the Terraform protocol tests: an emulator checking AK/SK signatures, and the provider. */
import { EmulatorOptions, startEmulator } from "../../emulator/src";
import type { TfObject } from "../../provider/src/terraform/dynamicValue";
import { StartOptions, TerraformPlugin } from "../../harness/terraform/terraformClient";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const AK = "AKTESTTERRAFORM00001";
export const SK = "SK-terraform-secret-value-000000000000001";
export const JOBS = "metastudio_training_jobs";
export const GATE = "metastudio_training_jobs_gate";

export function providerBlock(emulator: Emulator, extra: TfObject = {}): TfObject {
  return { endpoint: emulator.url, project_id: emulator.projectId, access_key: AK, secret_key: SK, max_retries: 2, ...extra };
}

export async function withTerraform<T>(
  emulatorOptions: Omit<EmulatorOptions, "accessKey" | "secretKey">,
  start: (opts: StartOptions) => Promise<TerraformPlugin>,
  test: (setup: { emulator: Emulator; plugin: TerraformPlugin }) => Promise<T>,
): Promise<T> {
  const emulator = await startEmulator({ port: 0, accessKey: AK, secretKey: SK, ...emulatorOptions });
  try {
    const plugin = await start({});
    try {
      const configured = await plugin.configure(providerBlock(emulator));
      if (configured.diagnostics.length) throw new Error(`configure failed: ${JSON.stringify(configured.diagnostics)}`);
      return await test({ emulator, plugin });
    } finally {
      await plugin.stop();
    }
  } finally {
    await emulator.stop();
  }
}

export { startEmulator, TerraformPlugin };
