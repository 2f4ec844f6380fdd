import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { findUserByEmail, listUsers } from "@/lib/users/user-repository";
import { TEST_ADMIN } from "../support/test-env";

const uniqueIp = () => `10.0.0.${randomUUID()}`;

describe("verifyCredentials against the real database", () => {
  it("creates the bootstrap admin on first sign-in with the env password, hashed", async () => {
    const result = await verifyCredentials({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, uniqueIp());
    expect(result).toMatchObject({ ok: true, user: { email: TEST_ADMIN.email, role: "admin" } });
    const stored = await findUserByEmail(TEST_ADMIN.email);
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(await bcrypt.compare(TEST_ADMIN.password, stored!.passwordHash!)).toBe(true);
    const again = await verifyCredentials({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, uniqueIp());
    expect(again.ok && again.user.id).toBe(stored!.id);
    expect((await listUsers()).filter((u) => u.email === TEST_ADMIN.email)).toHaveLength(1);
  });

  it("refuses the bootstrap email with a wrong password and creates nothing", async () => {
    const before = await db.user.count();
    expect(await verifyCredentials({ email: TEST_ADMIN.email, password: "nope" }, uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    expect(await db.user.count()).toBe(before);
  });

  it("checks other users against their stored hash", async () => {
    const email = `viewer-${randomUUID()}@vigil.test`;
    await db.user.create({ data: { email, role: "viewer", passwordHash: await bcrypt.hash("viewer-pass-1", 4) } });
    expect(await verifyCredentials({ email, password: "viewer-pass-1" }, uniqueIp())).toMatchObject({ ok: true, user: { email, role: "viewer" } });
    expect(await verifyCredentials({ email, password: "viewer-pass-2" }, uniqueIp())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses unknown emails and OAuth-only users (no password hash)", async () => {
    expect(await verifyCredentials({ email: `ghost-${randomUUID()}@vigil.test`, password: "x" }, uniqueIp())).toEqual({ ok: false, reason: "invalid" });
    const email = `oauth-${randomUUID()}@vigil.test`;
    await db.user.create({ data: { email } });
    expect(await verifyCredentials({ email, password: "" + "anything" }, uniqueIp())).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an IP after 10 failures, even for the right password", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) await verifyCredentials({ email: `x${i}-${randomUUID()}@vigil.test`, password: "bad" }, ip);
    const result = await verifyCredentials({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, ip);
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(0);
  });
});
