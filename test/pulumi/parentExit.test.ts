/** The Pulumi plugin exits by itself when its engine is SIGKILLed: nobody would ever call it again. */
import { PLUGIN_BIN } from "../../harness/pulumi/engineStandIn";
import { pluginPidAndKillParent, waitGone } from "../support/parentExit";

test("the Pulumi plugin exits within seconds of its engine's SIGKILL", async () => {
  const pid = await pluginPidAndKillParent(PLUGIN_BIN, {});
  expect(await waitGone(pid, 10_000)).toBe(true);
});
