import { describe, expect, it } from "vitest";
import {
  EMPTY_SLO_FORM,
  formFromSpec,
  objectiveFromPercent,
  SLO_TEMPLATES,
  SloFormInput,
  specFromForm,
} from "./slo-form";
import { SloSpec } from "./spec";
import { defaultSloSpecs } from "./slo-defaults";

describe("SLO form", () => {
  it("turns a percentage into an objective without float noise", () => {
    expect(objectiveFromPercent("99.9")).toBe(0.999);
    expect(objectiveFromPercent("99.95")).toBe(0.9995);
    expect(objectiveFromPercent("75")).toBe(0.75);
  });

  it("round-trips every default spec through the form", () => {
    for (const spec of defaultSloSpecs())
      expect(SloSpec.parse(specFromForm(SloFormInput.parse(formFromSpec(spec)))), spec.id).toEqual(spec);
  });

  it("refuses objectives that are not a percentage strictly between 50 and 100", () => {
    for (const objective of ["100", "50", "abc", "99.9%", "", "1e2"])
      expect(SloFormInput.safeParse({ ...EMPTY_SLO_FORM, objective }).success, objective).toBe(false);
  });

  it("sends only the fields of the chosen kind (the spec's schemas are strict)", () => {
    const custom = specFromForm(
      SloFormInput.parse({ ...EMPTY_SLO_FORM, kind: "custom", id: "c", name: "C", owner: "o" }),
    );
    expect(Object.keys(custom)).not.toContain("routePrefix");
    expect(SloSpec.safeParse(custom).success).toBe(true);
  });

  it("offers a webhook success template that is a valid custom SLO at 99 %", () => {
    const t = SLO_TEMPLATES.find((x) => x.name === "webhook-success")!;
    expect(SloSpec.parse(specFromForm(SloFormInput.parse(t.values)))).toMatchObject({
      kind: "custom",
      objective: 0.99,
      id: "webhook-success",
    });
  });
});

describe("SLO form grouping", () => {
  it("turns the per-route box into groupBy with its bound, and back", () => {
    const values = { ...EMPTY_SLO_FORM, id: "api", name: "API", owner: "o", groupBy: "route", maxGroups: "5" };
    const spec = SloSpec.parse(specFromForm(SloFormInput.parse(values)));
    expect(spec).toMatchObject({ groupBy: "route", maxGroups: 5 });
    expect(formFromSpec(spec)).toMatchObject({ groupBy: "route", maxGroups: "5" });
    expect(SloSpec.safeParse(specFromForm(SloFormInput.parse({ ...values, maxGroups: "50" }))).success).toBe(false);
  });
});
