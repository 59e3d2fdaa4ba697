/** Invoke requests read from the wire: as google-protobuf reads them, but with every key kept. */
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { decodeInvokeRequest, MAX_NESTING } from "../../../provider/src/pulumi/invokeRequestDecoding";
import { invokeRequestBytes, nested } from "../../support/structBytes";

test("ordinary requests decode as google-protobuf decodes them", () => {
  const args = {
    states: ["JOB_FINISH", "TRAINING"],
    limit: 250,
    offset: 0,
    ratio: -1.5,
    isFlexus: false,
    name: "模型 a,b&c",
    empty: "",
    none: null,
    nested: { deep: [1, "two", { three: true }], list: [] },
    secret: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s" },
  };
  const req = new pb.InvokeRequest();
  req.setTok("metastudio:index:getTrainingJobs");
  req.setArgs(Struct.fromJavaScript(args));
  req.setPreview(true);
  const decoded = decodeInvokeRequest(Buffer.from(req.serializeBinary()));
  expect(decoded).toEqual({ tok: "metastudio:index:getTrainingJobs", args: req.getArgs()!.toJavaScript(), preview: true });
  expect(decoded.args).toEqual(args);
});

test('a key named "__proto__" stays a key; the object\'s prototype is untouched', () => {
  const args = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "limit": 1}') as Record<string, unknown>;
  const decoded = decodeInvokeRequest(invokeRequestBytes("t", args));
  expect(Object.keys(decoded.args)).toEqual(["__proto__", "constructor", "limit"]);
  expect(Object.getPrototypeOf(decoded.args)).toBe(Object.prototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(decoded.invalid).toBeUndefined();
});

test("nesting beyond the bound, and bytes that end mid-field, are reported, not thrown or recursed into", () => {
  expect(decodeInvokeRequest(invokeRequestBytes("t", { a: nested(MAX_NESTING - 2) })).invalid).toBeUndefined();
  expect(decodeInvokeRequest(invokeRequestBytes("t", { a: nested(5_000) })).invalid).toMatch(/nested deeper than 32 levels/);
  const whole = invokeRequestBytes("t", { a: "value" });
  expect(decodeInvokeRequest(whole.subarray(0, whole.length - 2)).invalid).toMatch(/truncated/);
});
