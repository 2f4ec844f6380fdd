import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ECHO_MAX_CHARS, echoOf, fieldErrorsOf } from "./action-state";

describe("fieldErrorsOf", () => {
  const Input = z
    .object({ a: z.string().min(2, "A is short.").max(3, "A is long."), b: z.number("B is a number.") })
    .refine((v) => v.a !== "no", "Not that combination.");

  it("keeps the first message per listed field", () => {
    const r = Input.safeParse({ a: "x", b: "1" });
    expect(r.success || fieldErrorsOf(r.error, ["a", "b"])).toEqual({
      errors: { a: "A is short.", b: "B is a number." },
    });
  });

  it("gives issues on no listed field to the form's message, so none is lost", () => {
    const r = Input.safeParse({ a: "no", b: 1 });
    expect(r.success || fieldErrorsOf(r.error, ["a", "b"])).toEqual({ errors: {}, message: "Not that combination." });
    const s = Input.safeParse({ a: "x", b: 1 });
    expect(s.success || fieldErrorsOf(s.error, ["b"])).toEqual({ errors: {}, message: "A is short." });
  });
});

describe("echoOf", () => {
  it("returns the listed entries as strings, absent ones empty, long ones cut", () => {
    const f = new FormData();
    f.set("name", "x".repeat(ECHO_MAX_CHARS + 10));
    f.set("secret", "never");
    f.set("file", new Blob(["bytes"]));
    expect(echoOf(f, ["name", "box", "file"])).toEqual({ name: "x".repeat(ECHO_MAX_CHARS), box: "", file: "" });
  });
});
