import { describe, expect, it } from "vitest";
import { isDataError, isDatabaseUnavailable } from "./pg-errors";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "refused socket",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      }),
    ],
    ["reset socket", withCode("ECONNRESET")],
    [
      "pg: terminated by the administrator (57P01)",
      withCode("57P01", "terminating connection due to administrator command"),
    ],
    ["pg: the database system is starting up (57P03)", withCode("57P03")],
    ["pg: connection failure (08006)", withCode("08006")],
    ["pg: too many clients (53300)", withCode("53300")],
    ["pg pool: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["pg: terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    [
      "prisma: can't reach (P1001)",
      Object.assign(new Error("Can't reach database server"), { name: "PrismaClientKnownRequestError", code: "P1001" }),
    ],
    ["prisma: pool timeout (P2024)", withCode("P2024")],
    ["adapter kind, nested", new Error("wrapped", { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1" } })],
    ["pg error two causes deep", new Error("outer", { cause: new Error("mid", { cause: withCode("ECONNREFUSED") }) })],
    ["aggregate of refusals", new AggregateError([withCode("ECONNREFUSED")], "all failed")],
  ])("%s → unavailable", (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ["bad text (22021)", withCode("22021", "invalid byte sequence for encoding UTF8: 0x00")],
    ["unique violation (23505)", withCode("23505")],
    ["syntax error (42601)", withCode("42601")],
    ["prisma record not found (P2025)", withCode("P2025")],
    ["plain bug", new TypeError("cannot read properties of undefined")],
    ["a string", "ECONNREFUSED"],
    ["null", null],
  ])("%s → not unavailable", (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it("stops on a cause cycle", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("isDataError", () => {
  it.each([
    ["NUL in text (22021)", withCode("22021"), true],
    ["bad JSON escape (22P05)", withCode("22P05"), true],
    ["integer out of range (22003)", withCode("22003"), true],
    ["unique violation (23505)", withCode("23505"), true],
    [
      "adapter error carrying the pg code",
      new Error("wrapped", { cause: { kind: "postgres", originalCode: "22P02" } }),
      true,
    ],
    ["connection lost (08006)", withCode("08006"), false],
    ["deadlock (40P01)", withCode("40P01"), false],
    ["syntax (42601)", withCode("42601"), false],
    ["no code", new Error("x"), false],
  ])("%s → %s", (_what, err, expected) => {
    expect(isDataError(err)).toBe(expected);
  });
});
