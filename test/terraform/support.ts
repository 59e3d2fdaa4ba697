/** Shared set-up of the Terraform protocol tests: an emulator checking AK/SK signatures, and the provider. */
import { startEmulator } from "../../emulator/src";
import type { TfObject } from "../../provider/src/terraform/dynamicValue";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const AK = "AKTESTTERRAFORM00001";
export const SK = "SK-terraform-secret-value-000000000000001";
export const JOBS = "metastudio_training_jobs";
export const GATE = "metastudio_training_jobs_gate";

export function providerBlock(emulator: Emulator, extra: TfObject = {}): TfObject {
  return { endpoint: emulator.url, project_id: emulator.projectId, access_key: AK, secret_key: SK, max_retries: 2, ...extra };
}

export { startEmulator };
