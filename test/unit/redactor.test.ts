/** Taking secrets out of text: every form a secret travels in, of any length. */
import { Redactor } from "../../provider/src/api/redactor";
import { clip, untrusted } from "../../provider/src/api/untrustedText";

test("a secret is found as given, JSON-escaped, percent-encoded and form-encoded", () => {
  const r = Redactor.of('batch "2026"/Q4 ü');
  const text = [
    'raw batch "2026"/Q4 ü',
    'json batch \\"2026\\"/Q4 ü',
    "query batch%20%222026%22%2FQ4%20%C3%BC",
    "form batch+%222026%22%2FQ4+%C3%BC",
  ].join("\n");
  expect(r.redact(text)).toBe(["raw [secret]", "json [secret]", "query [secret]", "form [secret]"].join("\n"));
});

test("secrets under four characters are hidden where they stand alone, not inside other words", () => {
  const r = Redactor.of("ab", 7, true);
  expect(r.redact("ab; tab ab-c (ab) abc 7 17 7s 7.5 true")).toBe(
    "[secret]; tab [secret]-c ([secret]) abc [secret] 17 7s [secret].5 [secret]",
  );
});

test("the longest secret wins where one holds another; values in lists and objects count", () => {
  const r = Redactor.of(["token", "token-long-form"], { nested: "xyz1" });
  expect(r.redact("token-long-form token xyz1")).toBe("[secret] [secret] [secret]");
  expect(Redactor.of().redact("unchanged")).toBe("unchanged");
  expect(Redactor.of("", null, undefined).redact("")).toBe("");
});

test("with() adds to what is redacted", () => {
  expect(Redactor.of("alpha1").with("beta22").redact("alpha1 beta22")).toBe("[secret] [secret]");
});

test("untrusted text: secrets out before the cut, control characters flattened, bounded", () => {
  const secret = "S".repeat(30);
  const r = Redactor.of(secret);
  const text = "x".repeat(190) + secret + "\n[error] forged\u001b[0m" + "y".repeat(1_000_000);
  const quoted = untrusted(text, r, 200);
  expect(quoted).not.toContain("SSSSSSSSSS");
  expect(quoted).not.toMatch(/[\n\u001b]/);
  expect(quoted.length).toBeLessThanOrEqual(200);
  expect(quoted).toMatch(/more characters\)$/);
  expect(clip("short", 10)).toBe("short");
});
