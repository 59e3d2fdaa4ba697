/**
 * The darwin entry point: a POSIX `sh` script that starts the program's bundle on the Node.js
 * binary shipped beside it, untouched and still signed by the Node.js project (platforms.ts says
 * why there is no injected executable on macOS). Arguments, environment, stdio and the exit code
 * pass through `exec` unchanged, as go-plugin and the Pulumi engine need. Only the shell's
 * built-ins are used, so it starts whatever PATH it is given ($0 holds the path the script was
 * found at, whether started by path or through PATH).
 */
export const RUNTIME_DIR = "runtime";

export const runtimeBundleName = (programName: string): string => `${programName}.js`;

export function darwinLauncher(programName: string): string {
  return [
    "#!/bin/sh",
    `# ${programName}: starts ${RUNTIME_DIR}/${runtimeBundleName(programName)} on the Node.js runtime shipped beside it.`,
    'here=$(cd "${0%/*}" && pwd -P) || exit 1',
    `exec "$here/${RUNTIME_DIR}/node" "$here/${RUNTIME_DIR}/${runtimeBundleName(programName)}" "$@"`,
    "",
  ].join("\n");
}
