import { describe, expect, it } from "vitest";
import { isFresh, refreshedToken } from "./session-claims";

describe("refreshedToken", () => {
  const token = { sub: "u1", role: "admin" as const, sv: 2, email: "a@b.co" };

  it("keeps a token whose user still has the same role and session version", () => {
    expect(refreshedToken(token, { role: "admin", sessionVersion: 2 })).toBe(token);
  });

  it("carries a demotion (or an approval) into the token", () => {
    expect(refreshedToken(token, { role: "viewer", sessionVersion: 2 })).toEqual({ ...token, role: "viewer" });
    expect(refreshedToken({ ...token, role: "pending" }, { role: "viewer", sessionVersion: 2 })).toMatchObject({
      role: "viewer",
    });
  });

  it("ends the session of a deleted user and of a bumped session version", () => {
    expect(refreshedToken(token, null)).toBeNull();
    expect(refreshedToken(token, { role: "admin", sessionVersion: 3 })).toBeNull();
  });

  it("treats tokens without a version as version 0", () => {
    expect(refreshedToken({ sub: "u1", role: "viewer" as const }, { role: "viewer", sessionVersion: 0 })).toMatchObject(
      { role: "viewer" },
    );
    expect(refreshedToken({ sub: "u1", role: "viewer" as const }, { role: "viewer", sessionVersion: 1 })).toBeNull();
  });
});

describe("isFresh", () => {
  it("reuses a check younger than the interval only", () => {
    expect(isFresh(1_000, 1_000 + 119_999, 120_000)).toBe(true);
    expect(isFresh(1_000, 1_000 + 120_000, 120_000)).toBe(false);
  });
});
