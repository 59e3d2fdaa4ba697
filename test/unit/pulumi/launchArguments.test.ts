/** The plugin's command line as the engine writes it (pkg/resource/plugin/plugin.go). */
import { engineAddressFrom } from "../../../provider/src/pulumi/main";

test("the engine address is found after logging flags", () => {
  expect(engineAddressFrom(["--logtostderr", "-v=9", "127.0.0.1:51234"])).toBe("127.0.0.1:51234");
});

test("with tracing on, the tracing URL is the flag's value, not the engine address", () => {
  expect(engineAddressFrom(["--logtostderr", "--tracing", "file:/tmp/trace.json", "127.0.0.1:51234"])).toBe("127.0.0.1:51234");
  expect(engineAddressFrom(["--tracing=file:/tmp/trace.json", "127.0.0.1:51234"])).toBe("127.0.0.1:51234");
});

test("a plugin started by hand (to be attached to) has no engine address", () => {
  expect(engineAddressFrom([])).toBeUndefined();
  expect(engineAddressFrom(["--logtostderr"])).toBeUndefined();
});
