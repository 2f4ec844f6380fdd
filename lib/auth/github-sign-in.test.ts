import { describe, expect, it, vi } from "vitest";
import { fetchGitHubIdentity, gitHubSignIn, newGitHubUserRole, type GitHubSignInDeps } from "./github-sign-in";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("fetchGitHubIdentity", () => {
  it("keeps verified emails and active memberships only, asking with the user's token", async () => {
    const calls: Array<{ url: string; auth: string | null }> = [];
    const fake = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), auth: new Headers(init?.headers).get("authorization") });
      if (String(url).includes("/user/emails"))
        return json([
          { email: "Ops@Example.com", verified: true, primary: true },
          { email: "claimed@acme.test", verified: false },
        ]);
      return json([
        { state: "active", organization: { login: "ACME-Inc" } },
        { state: "pending", organization: { login: "invited-org" } },
      ]);
    });
    const identity = await fetchGitHubIdentity(
      "gho_token",
      { emails: true, orgs: true },
      fake as typeof fetch,
      "http://github.test",
    );
    expect(identity).toEqual({ verifiedEmails: ["ops@example.com"], orgs: ["acme-inc"] });
    expect(calls.map((c) => c.url).sort()).toEqual([
      "http://github.test/user/emails?per_page=100",
      "http://github.test/user/memberships/orgs?state=active&per_page=100",
    ]);
    expect(calls.every((c) => c.auth === "Bearer gho_token")).toBe(true);
  });

  it("asks only for what the allowlist needs", async () => {
    const fake = vi.fn(async () => json([]));
    await fetchGitHubIdentity("t", { emails: true, orgs: false }, fake as typeof fetch, "http://github.test");
    expect(fake).toHaveBeenCalledTimes(1);
  });

  it("fails on an error status or an unexpected body rather than guessing", async () => {
    await expect(
      fetchGitHubIdentity("t", { emails: true, orgs: false }, (async () =>
        json({ message: "Bad credentials" }, 401)) as typeof fetch),
    ).rejects.toThrow("401");
    await expect(
      fetchGitHubIdentity("t", { emails: true, orgs: false }, (async () => json({ not: "a list" })) as typeof fetch),
    ).rejects.toThrow();
  });
});

describe("gitHubSignIn", () => {
  const deps = (over: Partial<GitHubSignInDeps> = {}): GitHubSignInDeps => ({
    allowlist: { emails: [], orgs: [] },
    identity: vi.fn(async () => ({ verifiedEmails: [], orgs: [] })),
    promote: vi.fn(async () => undefined),
    ...over,
  });

  it("without an allowlist admits a newcomer without asking GitHub, to be created pending", async () => {
    const d = deps();
    expect(await gitHubSignIn({ id: "12345" }, "t", d)).toBe(true);
    expect(d.identity).not.toHaveBeenCalled();
    expect(newGitHubUserRole(d.allowlist)).toBe("pending");
  });

  it("with an email allowlist admits a verified listed email and refuses others", async () => {
    const allowlist = { emails: ["ops@example.com"], orgs: [] };
    expect(
      await gitHubSignIn(
        { id: "1" },
        "t",
        deps({ allowlist, identity: async () => ({ verifiedEmails: ["ops@example.com"], orgs: [] }) }),
      ),
    ).toBe(true);
    expect(newGitHubUserRole(allowlist)).toBe("viewer");
    expect(
      await gitHubSignIn(
        { id: "2" },
        "t",
        deps({ allowlist, identity: async () => ({ verifiedEmails: ["eve@example.com"], orgs: [] }) }),
      ),
    ).toBe(false);
    expect(await gitHubSignIn({ id: "3" }, undefined, deps({ allowlist }))).toBe(false);
  });

  it("promotes a pending user the list now admits, and lets approved users in without asking", async () => {
    const allowlist = { emails: ["@example.com"], orgs: [] };
    const promoted = deps({ allowlist, identity: async () => ({ verifiedEmails: ["dev@example.com"], orgs: [] }) });
    expect(await gitHubSignIn({ id: "u1", role: "pending" }, "t", promoted)).toBe(true);
    expect(promoted.promote).toHaveBeenCalledWith("u1");
    const approved = deps({ allowlist });
    expect(await gitHubSignIn({ id: "u2", role: "viewer" }, "t", approved)).toBe(true);
    expect(approved.identity).not.toHaveBeenCalled();
  });
});
