/**
 * Removes the Authenticode signature of a PE32+ file (what `signtool remove /s` does): injecting
 * the SEA blob changes the file, so the signature Node.js's build put on node.exe would no longer
 * match, and Windows treats a broken signature worse than none. The signature is the certificate
 * table that the optional header's security directory points at, at the end of the file: zeroing
 * that directory entry and cutting the table off leaves an unsigned, otherwise unchanged file.
 */
import { readFileSync, writeFileSync } from "node:fs";

const PE32_PLUS = 0x20b;
/** Offset of the data directories in a PE32+ optional header, and of the security entry (index 4). */
const SECURITY_DIRECTORY = 112 + 4 * 8;

export function stripAuthenticode(path: string): void {
  const pe = readFileSync(path);
  const header = pe.readUInt32LE(0x3c);
  if (pe.toString("latin1", header, header + 4) !== "PE\0\0") throw new Error(`${path}: not a PE file`);
  const optional = header + 4 + 20;
  if (pe.readUInt16LE(optional) !== PE32_PLUS) throw new Error(`${path}: not PE32+`);
  const entry = optional + SECURITY_DIRECTORY;
  const offset = pe.readUInt32LE(entry);
  const size = pe.readUInt32LE(entry + 4);
  if (offset === 0 && size === 0) return;
  if (offset + size !== pe.length) throw new Error(`${path}: the certificate table is not at the end of the file`);
  pe.writeUInt32LE(0, entry);
  pe.writeUInt32LE(0, entry + 4);
  writeFileSync(path, pe.subarray(0, offset));
}
