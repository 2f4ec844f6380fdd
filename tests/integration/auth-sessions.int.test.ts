import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/test-env";

// Live JWT sessions against the real Auth.js handler and database: what /api/auth/session (and so auth() and every
// guard) says about a cookie after its user changed underneath it.
process.env.VIGIL_SESSION_RECHECK_SECONDS = "1";
const { handlers, vigilAdapter } = await import("@/lib/auth");
const { authConfig } = await import("@/lib/auth/config");
const { verifyCredentials } = await import("@/lib/auth/credentials");
const { changeUserAccess } = await import("@/lib/users/user-access");
const { gitHubSignIn } = await import("@/lib/auth/github-sign-in");
const { changeUserRole } = await import("@/lib/users/user-repository");
const { db } = await import("@/lib/db");

const COOKIE = "authjs.session-token";
const RECHECK_MS = 1_100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Row = { id: string; email: string; role: "admin" | "viewer" | "pending"; sessionVersion: number };
/** The cookie a sign-in of `user` sets (same claims as the jwt callback mints). */
const cookieFor = (u: Row) =>
  encode({
    token: { sub: u.id, email: u.email, role: u.role, sv: u.sessionVersion },
    secret: process.env.AUTH_SECRET!,
    salt: COOKIE,
    maxAge: 3600,
  });

async function sessionOf(cookie: string): Promise<{ user: { id: string; role: string } } | null> {
  const res = await handlers.GET(
    new NextRequest("http://127.0.0.1:3000/api/auth/session", { headers: { cookie: `${COOKIE}=${cookie}` } }),
  );
  return (await res.json()) as { user: { id: string; role: string } } | null;
}

const createUser = (role: Row["role"]) =>
  db.user.create({
    data: {
      email: `${role}-${randomUUID().slice(0, 8)}@vigil.test`,
      role,
      passwordHash: bcrypt.hashSync("irrelevant-pass", 4),
    },
  });

describe("live sessions follow their user", () => {
  it("a demoted admin's session reads as viewer once the re-check interval has passed", async () => {
    const admin = await createUser("admin");
    const cookie = await cookieFor(admin);
    expect((await sessionOf(cookie))?.user.role).toBe("admin");
    await db.user.update({ where: { id: admin.id }, data: { role: "viewer" } });
    await sleep(RECHECK_MS);
    expect((await sessionOf(cookie))?.user).toMatchObject({ id: admin.id, role: "viewer" });
  });

  it("a deleted user's session ends", async () => {
    const viewer = await createUser("viewer");
    const cookie = await cookieFor(viewer);
    expect((await sessionOf(cookie))?.user.id).toBe(viewer.id);
    await db.user.delete({ where: { id: viewer.id } });
    await sleep(RECHECK_MS);
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("rotating the bootstrap password ends the sessions the old one started, before and after the new one is used", async () => {
    const first = await verifyCredentials(
      { email: TEST_ADMIN.email, password: TEST_ADMIN.password },
      `rotation-${randomUUID()}`,
    );
    if (!first.ok) throw new Error("bootstrap sign-in failed");
    const old = await cookieFor(first.user);
    expect((await sessionOf(old))?.user.role).toBe("admin");
    // What a restart with a new VIGIL_ADMIN_PASSWORD looks like: the stored hash is of a password the env no longer holds.
    await db.user.update({
      where: { id: first.user.id },
      data: { passwordHash: await bcrypt.hash("the-old-password-1", 4) },
    });
    await sleep(RECHECK_MS);
    expect(await sessionOf(old)).toBeNull();
    const second = await verifyCredentials(
      { email: TEST_ADMIN.email, password: TEST_ADMIN.password },
      `rotation-${randomUUID()}`,
    );
    if (!second.ok) throw new Error("bootstrap sign-in with the new password failed");
    expect(second.user.sessionVersion).toBe(first.user.sessionVersion + 1);
    await sleep(RECHECK_MS);
    expect(await sessionOf(old)).toBeNull();
    expect((await sessionOf(await cookieFor(second.user)))?.user.role).toBe("admin");
  });

  it("a pending user's session grants the pending role only, and an approval applies at once on this instance", async () => {
    const [pending, admin] = await Promise.all([createUser("pending"), createUser("admin")]);
    const cookie = await cookieFor(pending);
    expect((await sessionOf(cookie))?.user.role).toBe("pending");
    expect(await changeUserAccess(pending.id, "approve", admin.id)).toMatchObject({ ok: true });
    expect((await sessionOf(cookie))?.user.role).toBe("viewer");
    expect(await changeUserAccess(pending.id, "approve", admin.id)).toMatchObject({ ok: false });
    expect(await changeUserAccess(admin.id, "revoke", admin.id)).toMatchObject({ ok: false });
  });
});

describe("Auth.js redirects", () => {
  const redirect = (url: string) => authConfig.callbacks.redirect?.({ url, baseUrl: "http://127.0.0.1:3000" });
  it("stay on this origin by the browser's URL rules", async () => {
    expect(await redirect("/admin/uptime?x=1")).toBe("http://127.0.0.1:3000/admin/uptime?x=1");
    expect(await redirect("http://127.0.0.1:3000/login?signedOut=1")).toBe("http://127.0.0.1:3000/login?signedOut=1");
    for (const evil of [
      "/\t/evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "/.//evil.example",
      "http://127.0.0.1:3000.evil.example/",
    ]) {
      expect(await redirect(evil)).toBe("http://127.0.0.1:3000");
    }
  });
});

describe("GitHub users", () => {
  it("are created pending (no access) when no allowlist is configured", async () => {
    const email = `gh-${randomUUID().slice(0, 8)}@users.noreply.github.test`;
    const created = await vigilAdapter().createUser!({
      id: "123456",
      email,
      name: "Octo Cat",
      image: null,
      emailVerified: null,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).role).toBe("pending");
  });

  it("a pending user an email allowlist now admits is promoted to viewer on sign-in", async () => {
    const pending = await createUser("pending");
    const admitted = await gitHubSignIn({ id: pending.id, role: "pending" }, "gho_test", {
      allowlist: { emails: [pending.email], orgs: [] },
      identity: async () => ({ verifiedEmails: [pending.email], orgs: [] }),
      promote: (id) => changeUserRole(id, "pending", "viewer"),
    });
    expect(admitted).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: pending.id } })).role).toBe("viewer");
  });
});
