/** The Terraform plugin exits by itself when its client (tofu, terraform) is SIGKILLed. */
import { TERRAFORM_PLUGIN_BIN } from "../../harness/terraform/terraformClient";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../provider/src/terraform/main";
import { pluginPidAndKillParent, waitGone } from "../support/parentExit";

test("the Terraform plugin exits within seconds of its client's SIGKILL", async () => {
  const pid = await pluginPidAndKillParent(TERRAFORM_PLUGIN_BIN, { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: "6" });
  expect(await waitGone(pid, 10_000)).toBe(true);
});
