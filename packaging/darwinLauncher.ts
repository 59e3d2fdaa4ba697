/**
 * The darwin entry point: a POSIX `sh` script that starts the program's bundle on the Node.js
 * binary shipped beside it, untouched and still signed by the Node.js project (platforms.ts says
 * why there is no injected executable on macOS). Arguments, environment, stdio and the exit code
 * pass through `exec` unchanged, as go-plugin and the Pulumi engine need. Besides the shell's
 * built-ins it uses only /usr/bin/readlink (on every macOS), by its full path, so it starts
 * whatever PATH it is given. $0 holds the path the script was found at (started by path or through
 * PATH); a symlink onto PATH (`ln -s /opt/metastudio/metastudio /usr/local/bin/`) is followed to
 * the folder the runtime is in, and `sh metastudio` in that folder works too.
 */
export const RUNTIME_DIR = "runtime";

export const runtimeBundleName = (programName: string): string => `${programName}.js`;

export function darwinLauncher(programName: string): string {
  return [
    "#!/bin/sh",
    `# ${programName}: starts ${RUNTIME_DIR}/${runtimeBundleName(programName)} on the Node.js runtime shipped beside it.`,
    "self=$0",
    'while [ -L "$self" ]; do',
    '  target=$(/usr/bin/readlink "$self") || exit 1',
    "  case $target in /*) self=$target ;; *) case $self in */*) self=${self%/*}/$target ;; *) self=$target ;; esac ;; esac",
    "done",
    "case $self in */*) dir=${self%/*} ;; *) dir=. ;; esac",
    'here=$(cd "$dir" && pwd -P) || exit 1',
    `exec "$here/${RUNTIME_DIR}/node" "$here/${RUNTIME_DIR}/${runtimeBundleName(programName)}" "$@"`,
    "",
  ].join("\n");
}
