/** The plugin told to stop in the middle of work, as the engine (or a terminal) does it. */
import { GET, PluginHost, WAIT, withPlugin } from "./support";

function exited(host: PluginHost): Promise<number | null> {
  return host.process.exitCode !== null
    ? Promise.resolve(host.process.exitCode)
    : new Promise((resolve) => host.process.once("exit", (code) => resolve(code)));
}

test.each([["SIGTERM"], ["SIGINT"]] as const)(
  "%s mid-listing: no request starts after it, the open invoke fails saying why, the process exits",
  async (signal) => {
    await withPlugin(
      { jobs: 5000, latencyMs: 150 },
      { maxConcurrency: "2" },
      async ({ emulator, host }) => {
        const listing = host.invoke(GET, { pageSize: 50 }).then(
          () => "completed",
          (e: Error) => e.message,
        );
        while (emulator.stats.requests < 5) await new Promise((r) => setTimeout(r, 20));
        const exit = exited(host);
        host.process.kill(signal);
        const atSignal = emulator.stats.requests;
        expect(await listing).toMatch(/provider is shutting down \(SIG(TERM|INT)\); nothing more is requested from the API/);
        expect(await exit).toBe(0);
        await new Promise((r) => setTimeout(r, 300));
        // At most the pages whose requests were already on their way when the signal arrived.
        expect(emulator.stats.requests - atSignal).toBeLessThanOrEqual(2);
        expect(emulator.stats.requests).toBeLessThan(20);
      },
      { spawned: true },
    );
  },
);

test("SIGTERM during a gate's wait ends it the same way", async () => {
  await withPlugin(
    { jobs: 0 },
    {},
    async ({ emulator, host }) => {
      emulator.store.add({ job_id: "a".repeat(32), name: "slow", state: "TRAINING", batch_name: "slow" });
      const waiting = host.invoke(WAIT, { batchName: "slow", timeoutSeconds: 600, pollIntervalSeconds: 1 }).then(
        () => "passed",
        (e: Error) => e.message,
      );
      while (emulator.stats.requests < 1) await new Promise((r) => setTimeout(r, 20));
      const exit = exited(host);
      host.process.kill("SIGTERM");
      expect(await waiting).toMatch(/provider is shutting down/);
      expect(await exit).toBe(0);
    },
    { spawned: true },
  );
});
