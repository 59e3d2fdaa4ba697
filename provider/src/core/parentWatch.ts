/**
 * Notices that the process which started the plugin is gone. A SIGKILLed `pulumi` or `tofu`
 * cannot stop its plugins, and a plugin nobody will ever call again would otherwise stay alive
 * (and hold its memory) until stopped by hand. The parent's exit shows as a new parent process id
 * (the orphan is adopted by init or a subreaper); nothing is asked of the engine's address, which
 * debug attach and test harnesses do not serve.
 */
const CHECK_EVERY_MS = 1000;

/** Calls `onGone` once, soon after the parent process exits; the timer never keeps the process alive. */
export function watchParent(onGone: () => void, ppid: () => number = () => process.ppid): void {
  const parent = ppid();
  // Started by init (a container's entry point): there is no parent whose exit could be seen.
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (ppid() === parent) return;
    clearInterval(timer);
    onGone();
  }, CHECK_EVERY_MS);
  timer.unref();
}
