import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { EMPTY_SLO_FORM, type SloFormValues } from "@/lib/slo/slo-form";

// The Settings → SLOs server actions as the form posts them: the role is checked on every call, bad input comes
// back per field with what was typed, and nothing is stored unless the whole spec is valid.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; role: string } } }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { saveSloAction, pauseSloAction, deleteSloAction } = await import("@/app/admin/settings/slo-actions");

const tag = randomUUID().slice(0, 8);
const ID = `it-form-${tag}`;
const as = (role: "admin" | "viewer") => {
  session.current = { user: { id: `it-${role}`, email: `${role}@vigil.test`, role } };
};
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const values = (over: Partial<SloFormValues> & { editing?: string } = {}): Record<string, string> => ({
  ...EMPTY_SLO_FORM,
  id: ID,
  name: "Form SLO",
  owner: "it",
  kind: "custom",
  site: "vigil",
  ...over,
});
const stored = () => db.sloSpecRow.findUnique({ where: { siteId_slo: { siteId: 1, slo: ID } } });

beforeEach(() => {
  session.current = null;
});

describe("Settings → SLOs actions", () => {
  it("refuses viewers and stores nothing", async () => {
    as("viewer");
    const r = await saveSloAction({}, form(values()));
    expect(r.ok).toBe(false);
    expect(await stored()).toBeNull();
  });

  it("answers bad input per field with what was typed, and stores nothing", async () => {
    as("admin");
    const r = await saveSloAction({}, form(values({ objective: "100", name: "", minEvents: "-3" })));
    expect(r.ok).toBe(false);
    expect(r.errors?.objective).toMatch(/between 50 % and 100 %/);
    expect((await saveSloAction({}, form(values({ name: "" })))).errors?.name).toBeTruthy();
    expect((await saveSloAction({}, form(values({ minEvents: "-3" })))).errors?.minEvents).toBeTruthy();
    expect((await saveSloAction({}, form(values({ id: "Not A Slug" })))).errors?.id).toBeTruthy();
    expect(r.values?.objective).toBe("100");
    expect(await stored()).toBeNull();
  });

  it("creates, edits (new version only when the objective changes), pauses and deletes", async () => {
    as("admin");
    expect((await saveSloAction({}, form(values()))).ok).toBe(true);
    expect((await saveSloAction({}, form(values()))).errors?.id).toMatch(/already has/);
    const renamed = await saveSloAction({}, form(values({ name: "Renamed", editing: ID })));
    expect(renamed).toMatchObject({ ok: true, message: "Saved (same version)." });
    const tightened = await saveSloAction({}, form(values({ objective: "99.5", editing: ID })));
    expect(tightened.message).toMatch(/version 2/);
    expect(await stored()).toMatchObject({ version: 2, spec: { objective: 0.995 } });
    expect((await pauseSloAction({}, form({ id: ID, paused: "true", site: "vigil" }))).ok).toBe(true);
    expect((await stored())?.paused).toBe(true);
    expect((await deleteSloAction({}, form({ id: ID, site: "vigil" }))).ok).toBe(true);
    expect(await stored()).toBeNull();
    expect((await deleteSloAction({}, form({ id: ID, site: "vigil" }))).ok).toBe(false);
  });
});
