import { describe, expect, it } from "vitest";
import { allowlistAdmits, decideGitHubSignIn, needsIdentity, type GitHubAllowlist } from "./github-access";

const none: GitHubAllowlist = { emails: [], orgs: [] };
const list: GitHubAllowlist = { emails: ["ops@example.com", "@acme.test"], orgs: ["acme-inc"] };
const stranger = { verifiedEmails: ["someone@elsewhere.test"], orgs: ["other-org"] };

describe("decideGitHubSignIn without an allowlist", () => {
  it("admits every newcomer as pending (no access), never as a viewer", () => {
    expect(decideGitHubSignIn(null, none, null)).toEqual({ admit: true, role: "pending" });
  });
  it("keeps pending users pending and approved users as they are", () => {
    expect(decideGitHubSignIn("pending", none, null)).toEqual({ admit: true, role: "pending" });
    expect(decideGitHubSignIn("viewer", none, null)).toEqual({ admit: true, role: "viewer" });
    expect(decideGitHubSignIn("admin", none, null)).toEqual({ admit: true, role: "admin" });
  });
});

describe("decideGitHubSignIn with an allowlist", () => {
  it("admits listed emails, listed domains and members of listed organisations as viewers", () => {
    expect(decideGitHubSignIn(null, list, { verifiedEmails: ["Ops@Example.com"], orgs: [] })).toEqual({
      admit: true,
      role: "viewer",
    });
    expect(decideGitHubSignIn(null, list, { verifiedEmails: ["dev@acme.test"], orgs: [] })).toEqual({
      admit: true,
      role: "viewer",
    });
    expect(decideGitHubSignIn(null, list, { verifiedEmails: [], orgs: ["ACME-Inc"] })).toEqual({
      admit: true,
      role: "viewer",
    });
  });
  it("promotes a listed pending user to viewer", () => {
    expect(decideGitHubSignIn("pending", list, { verifiedEmails: ["ops@example.com"], orgs: [] })).toEqual({
      admit: true,
      role: "viewer",
    });
  });
  it("refuses everyone else, including when GitHub could not be asked", () => {
    expect(decideGitHubSignIn(null, list, stranger)).toEqual({ admit: false });
    expect(decideGitHubSignIn("pending", list, stranger)).toEqual({ admit: false });
    expect(decideGitHubSignIn(null, list, null)).toEqual({ admit: false });
  });
  it("still admits users an admin approved before the list existed", () => {
    expect(decideGitHubSignIn("viewer", list, stranger)).toEqual({ admit: true, role: "viewer" });
  });
});

describe("allowlistAdmits", () => {
  it("matches whole emails and whole domains only", () => {
    expect(allowlistAdmits({ verifiedEmails: ["ops@example.com.evil.test"], orgs: [] }, list)).toBe(false);
    expect(allowlistAdmits({ verifiedEmails: ["dev@sub.acme.test"], orgs: [] }, list)).toBe(false);
    expect(allowlistAdmits({ verifiedEmails: ["dev@evilacme.test"], orgs: [] }, list)).toBe(false);
    expect(allowlistAdmits({ verifiedEmails: [], orgs: ["acme-inc-fake"] }, list)).toBe(false);
  });
});

describe("needsIdentity", () => {
  it("asks GitHub only when a list decides: newcomers and pending users", () => {
    expect(needsIdentity(null, none)).toBe(false);
    expect(needsIdentity(null, list)).toBe(true);
    expect(needsIdentity("pending", list)).toBe(true);
    expect(needsIdentity("viewer", list)).toBe(false);
  });
});
