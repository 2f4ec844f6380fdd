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
    expect(await verifyCredentials({ email: TEST_ADMIN.email, password: "nope" }, uniqueIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await db.user.count()).toBe(before);
  });

  it("checks other users against their stored hash", async () => {
    const email = `viewer-${randomUUID()}@vigil.test`;
    await db.user.create({ data: { email, role: "viewer", passwordHash: await bcrypt.hash("viewer-pass-1", 4) } });
    expect(await verifyCredentials({ email, password: "viewer-pass-1" }, uniqueIp())).toMatchObject({
      ok: true,
      user: { email, role: "viewer" },
    });
    expect(await verifyCredentials({ email, password: "viewer-pass-2" }, uniqueIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses unknown emails and OAuth-only users (no password hash)", async () => {
    expect(await verifyCredentials({ email: `ghost-${randomUUID()}@vigil.test`, password: "x" }, uniqueIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
    const email = `oauth-${randomUUID()}@vigil.test`;
    await db.user.create({ data: { email } });
    expect(await verifyCredentials({ email, password: "" + "anything" }, uniqueIp())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("lets the owner in while an attacker's wrong passwords pile up on the bootstrap email, from one address or many", async () => {
    const attacker = uniqueIp();
    for (let i = 0; i < 12; i++)
      await verifyCredentials({ email: TEST_ADMIN.email, password: `guess-${i}-wrong` }, attacker);
    for (let i = 0; i < 12; i++)
      await verifyCredentials({ email: TEST_ADMIN.email, password: `bot-${i}-wrong` }, uniqueIp());
    expect(
      await verifyCredentials({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, uniqueIp()),
    ).toMatchObject({ ok: true, user: { email: TEST_ADMIN.email } });
  });

  it("slows one address guessing one email: three checks, then waits", async () => {
    const attacker = uniqueIp();
    const reasons: string[] = [];
    for (let i = 0; i < 6; i++) {
      const result = await verifyCredentials({ email: TEST_ADMIN.email, password: `guess-${i}-wrong` }, attacker);
      reasons.push(result.ok ? "ok" : result.reason);
    }
    expect(reasons).toEqual(["invalid", "invalid", "invalid", "throttled", "throttled", "throttled"]);
  });

  it("checks only three of a burst of parallel guesses from one address; the rest wait", async () => {
    const email = `burst-${randomUUID()}@vigil.test`;
    await db.user.create({ data: { email, role: "viewer", passwordHash: await bcrypt.hash("burst-pass-1", 4) } });
    const ip = uniqueIp();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => verifyCredentials({ email, password: `wrong-${i}` }, ip)),
    );
    const reasons = results.map((r) => (r.ok ? "ok" : r.reason)).sort();
    expect(reasons).toEqual([...Array(3).fill("invalid"), ...Array(7).fill("throttled")]);
    expect(await verifyCredentials({ email, password: "burst-pass-1" }, ip)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await verifyCredentials({ email, password: "burst-pass-1" }, uniqueIp())).toMatchObject({ ok: true });
  });

  it("caps an address after 20 failures across emails, even for the right password", async () => {
    const ip = uniqueIp();
    // Known users with cheap hashes keep the test fast; unknown emails would each cost a bcrypt-12 comparison.
    const emails = Array.from({ length: 20 }, (_, i) => `spray${i}-${randomUUID()}@vigil.test`);
    const passwordHash = await bcrypt.hash("spray-pass-1", 4);
    await db.user.createMany({ data: emails.map((email) => ({ email, role: "viewer" as const, passwordHash })) });
    for (const email of emails) await verifyCredentials({ email, password: "bad" }, ip);
    const result = await verifyCredentials({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }, ip);
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(0);
  });
});
