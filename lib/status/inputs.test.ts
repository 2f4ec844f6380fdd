import { describe, expect, it } from "vitest";
import { IncidentUpdateInput } from "@/lib/status/incident-update-input";
import { StatusPageInput } from "@/lib/status/status-page-input";

describe("incident update input", () => {
  const ok = { incident: "42", status: "identified", body: "  Fix rolling out.  " };

  it("trims, keeps a free label, and reads an unchecked box as internal", () => {
    expect(IncidentUpdateInput.parse(ok)).toEqual({
      incident: "42",
      status: "identified",
      body: "Fix rolling out.",
      public: false,
    });
    expect(IncidentUpdateInput.parse({ ...ok, status: "Waiting on AWS", public: "on" })).toMatchObject({
      status: "Waiting on AWS",
      public: true,
    });
  });

  it("refuses empty, oversized, unstorable and markup-like values, and ids that name no incident", () => {
    for (const bad of [
      { ...ok, body: "   " },
      { ...ok, body: "x".repeat(2001) },
      { ...ok, body: "a\u0000b" },
      { ...ok, body: "\uD800" },
      { ...ok, status: "" },
      { ...ok, status: "x".repeat(41) },
      { ...ok, status: "<b>down</b>" },
      { ...ok, incident: "0" },
      { ...ok, incident: "-1" },
      { ...ok, incident: "1e3" },
      { ...ok, incident: "9".repeat(19) },
    ])
      expect(IncidentUpdateInput.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    expect(IncidentUpdateInput.safeParse({ ...ok, body: "x".repeat(2000) }).success).toBe(true);
  });
});

describe("status page input", () => {
  it("turns empty title and description into none, and bounds both", () => {
    expect(StatusPageInput.parse({ enabled: "on", title: " ", description: "" })).toEqual({
      enabled: true,
      title: null,
      description: null,
    });
    expect(StatusPageInput.parse({ title: "Acme", description: "All of it" })).toEqual({
      enabled: false,
      title: "Acme",
      description: "All of it",
    });
    expect(StatusPageInput.safeParse({ enabled: "on", title: "t".repeat(121), description: "" }).success).toBe(false);
    expect(StatusPageInput.safeParse({ enabled: "on", title: "", description: "d".repeat(501) }).success).toBe(false);
    expect(StatusPageInput.safeParse({ enabled: "on", title: "a\u0000", description: "" }).success).toBe(false);
  });
});
