/**
 * ReadDataSource's answer written into one buffer, the state's msgpack parts (each job's entry,
 * encoded as its page arrived) copied once, straight into the gRPC message. Through ts-proto's
 * writer a large state would be copied four more times (the parts joined, the nested message's
 * join, finish, Buffer.from): at 100,000 jobs that is 64 MB each (docs/benchmarks.md).
 *
 *   ReadDataSource.Response { DynamicValue state = 1; repeated Diagnostic diagnostics = 2; Deferred deferred = 3; }
 *   DynamicValue            { bytes msgpack = 1; bytes json = 2; }
 */
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import { Diagnostic } from "./generated/tfplugin6";

export interface ReadDataSourceAnswer {
  /** The state as msgpack, in parts to be concatenated; absent when the read failed. */
  stateParts?: readonly Uint8Array[];
  diagnostics: Diagnostic[];
}

function varintSize(n: number): number {
  let size = 1;
  for (let v = n; v >= 0x80; v = Math.floor(v / 0x80)) size++;
  return size;
}

function writeVarint(out: Buffer, at: number, n: number): number {
  let v = n;
  while (v >= 0x80) {
    out[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  out[at++] = v;
  return at;
}

export function encodeReadDataSourceAnswer(answer: ReadDataSourceAnswer): Buffer {
  const writer = new BinaryWriter();
  for (const d of answer.diagnostics) Diagnostic.encode(d, writer.uint32(18).fork()).join();
  const diagnostics = writer.finish();
  let msgpack = 0;
  for (const part of answer.stateParts ?? []) msgpack += part.byteLength;
  // json, empty, is proto3's default and not written; neither is a state with no parts.
  const state = answer.stateParts ? 1 + varintSize(msgpack) + msgpack : 0;
  const out = Buffer.allocUnsafe((state ? 1 + varintSize(state) + state : 0) + diagnostics.byteLength);
  let at = 0;
  if (answer.stateParts) {
    out[at++] = 0x0a; // state, length-delimited
    at = writeVarint(out, at, state);
    out[at++] = 0x0a; // msgpack, length-delimited
    at = writeVarint(out, at, msgpack);
    for (const part of answer.stateParts) {
      out.set(part, at);
      at += part.byteLength;
    }
  }
  out.set(diagnostics, at);
  return out;
}
