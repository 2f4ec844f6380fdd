import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, forbidden, unauthorized } from "@/lib/errors";

const guard = vi.hoisted(() => ({ requireApiSession: vi.fn() }));
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/auth/guard", () => guard);
vi.mock("next/cache", () => cache);

const { action } = await import("./action");

const ADMIN = { user: { id: "u1", email: "a@example.com", role: "admin" }, expires: "" };
const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

const Input = z.object({
  name: z.string().trim().min(1, "Name is required."),
  size: z.coerce.number().int("Size must be a whole number.").max(10, "Size must be at most 10."),
  secret: z.string().optional(),
});
const FIELDS = ["name", "size", "secret"] as const;

beforeEach(() => {
  guard.requireApiSession.mockReset().mockResolvedValue(ADMIN);
  cache.revalidatePath.mockReset();
});

describe("action", () => {
  it("runs the verb with the parsed input and the session, revalidates, and counts answers", async () => {
    const run = vi.fn(async (input: z.output<typeof Input>) => ({ ok: true, message: `Saved ${input.name}.` }));
    const save = action({ role: "admin", fields: FIELDS, input: Input, echo: ["name"], revalidate: ["/x"] }, run);
    const answer = await save({ n: 4 }, form({ name: " Shop ", size: "3", secret: "s3cret-value" }));
    expect(answer).toEqual({ n: 5, ok: true, message: "Saved Shop." });
    expect(run).toHaveBeenCalledWith(
      { name: "Shop", size: 3, secret: "s3cret-value" },
      expect.objectContaining({ session: ADMIN }),
    );
    expect(guard.requireApiSession).toHaveBeenCalledWith("admin");
    expect(cache.revalidatePath).toHaveBeenCalledWith("/x");
  });

  it("refuses without the role: the guard's message, what was typed, and the verb never runs", async () => {
    const run = vi.fn();
    const save = action({ role: "admin", fields: FIELDS, input: Input, echo: ["name", "size"] }, run);
    guard.requireApiSession.mockRejectedValueOnce(forbidden());
    expect(await save({}, form({ name: "Shop", size: "3", secret: "never echoed" }))).toEqual({
      n: 1,
      ok: false,
      message: "Your role does not allow this action.",
      values: { name: "Shop", size: "3" },
    });
    guard.requireApiSession.mockRejectedValueOnce(unauthorized());
    expect((await save({}, form({}))).message).toBe("Sign in to access this resource.");
    expect(run).not.toHaveBeenCalled();
    expect(cache.revalidatePath).not.toHaveBeenCalled();
  });

  it("turns zod issues into the first message per field, echoes the typed values, never a secret", async () => {
    const run = vi.fn();
    const save = action({ role: "admin", fields: FIELDS, input: Input, echo: ["name", "size"] }, run);
    const answer = await save({}, form({ name: "  ", size: "99.5", secret: "s3cret-value" }));
    expect(answer).toEqual({
      n: 1,
      ok: false,
      errors: { name: "Name is required.", size: "Size must be a whole number." },
      values: { name: "  ", size: "99.5" },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers one message instead of field errors when the form's fields are hidden", async () => {
    const remove = action(
      { role: "admin", fields: ["id"], input: z.object({ id: z.string().regex(/^\d+$/) }), invalid: "Unknown thing." },
      vi.fn(),
    );
    expect(await remove({}, form({ id: "x" }))).toEqual({ n: 1, ok: false, message: "Unknown thing." });
  });

  it("turns an AppError from the verb into the form's message; other errors propagate", async () => {
    const fails = (err: unknown) =>
      action({ role: "admin", fields: FIELDS, input: Input, echo: ["name"], revalidate: ["/x"] }, async () => {
        throw err;
      });
    expect(
      await fails(new AppError("not_found", "This thing no longer exists."))({}, form({ name: "a", size: "1" })),
    ).toEqual({
      n: 1,
      ok: false,
      message: "This thing no longer exists.",
      values: { name: "a" },
    });
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/admin;307;" });
    await expect(fails(redirect)({}, form({ name: "a", size: "1" }))).rejects.toBe(redirect);
    expect(cache.revalidatePath).not.toHaveBeenCalled();
  });

  it("lets a guard failure that is not a refusal propagate instead of calling it one", async () => {
    const down = new Error("connect ECONNREFUSED");
    guard.requireApiSession.mockRejectedValueOnce(down);
    const save = action({ role: "admin", fields: FIELDS, input: Input }, vi.fn());
    await expect(save({}, form({ name: "a", size: "1" }))).rejects.toBe(down);
  });

  it("runs without a session when no role is needed (sign-in), and keeps the verb's own refusal", async () => {
    const login = action(
      { role: null, fields: ["email", "password"], input: z.object({ email: z.string(), password: z.string() }) },
      async (_input, { session }) => ({
        ok: false,
        message: session === null ? "Email or password is incorrect." : "?",
      }),
    );
    expect(await login({}, form({ email: "a@example.com", password: "pw" }))).toEqual({
      n: 1,
      ok: false,
      message: "Email or password is incorrect.",
    });
    expect(guard.requireApiSession).not.toHaveBeenCalled();
  });
});
