/**
 * A stand-in for the CLI that starts a plugin and is then SIGKILLed, and a check that the plugin
 * it left behind exits by itself.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** A stand-in for the CLI: starts `bin`, then prints the plugin's pid and its first stdout line. */
const PARENT = `
const { spawn } = require("node:child_process");
const [bin, ...args] = JSON.parse(process.argv[1]);
const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "ignore"], env: process.env });
child.stdout.once("data", (d) => process.stdout.write(child.pid + " " + d));
setInterval(() => undefined, 1000);
`;

/** Gone, or a zombie no one has reaped yet (it has exited all the same). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

export async function pluginPidAndKillParent(bin: string, env: Record<string, string>): Promise<number> {
  const parent = spawn(process.execPath, ["-e", PARENT, JSON.stringify([bin])], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    parent.stdout.setEncoding("utf8").once("data", resolve);
    parent.once("exit", () => reject(new Error("the parent exited before the plugin started")));
  });
  const pid = Number(line.split(" ")[0]);
  expect(gone(pid)).toBe(false);
  parent.kill("SIGKILL");
  return pid;
}

export async function waitGone(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (gone(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!gone(pid)) process.kill(pid, "SIGKILL");
  return false;
}
