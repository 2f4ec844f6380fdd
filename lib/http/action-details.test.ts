import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const guard = vi.hoisted(() => ({ requireApiSession: vi.fn() }));
vi.mock("@/lib/auth/guard", () => guard);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { action } = await import("./action");

beforeEach(() => {
  guard.requireApiSession.mockReset().mockResolvedValue({ user: { id: "u1", role: "admin" }, expires: "" });
});

describe("action and the details of a verb's AppError", () => {
  it("shows a refusal the verb names a field of this form for under that field, and keeps the message", async () => {
    const save = action(
      {
        role: "admin",
        fields: ["name", "slug"],
        input: z.object({ name: z.string(), slug: z.string() }),
        echo: ["slug"],
      },
      async () => {
        throw new AppError("validation_failed", 'The slug "shop" is taken by another site.', {
          details: [
            { path: "slug", message: '"shop" is taken by another site.' },
            { path: "secret", message: "not a field of this form" },
            "not a detail",
          ],
        });
      },
    );
    const form = new FormData();
    form.set("name", "Shop");
    form.set("slug", "shop");
    expect(await save({}, form)).toEqual({
      n: 1,
      ok: false,
      message: 'The slug "shop" is taken by another site.',
      errors: { slug: '"shop" is taken by another site.' },
      values: { slug: "shop" },
    });
  });
});
