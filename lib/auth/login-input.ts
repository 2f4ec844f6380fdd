import { z } from "zod";

export const LoginInput = z.object({
  email: z.email("Enter a valid email address.").max(254).transform((e) => e.toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(200, "Password is too long."),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** Only same-origin relative paths survive, so a crafted callbackUrl cannot redirect off-site. */
export function safeCallbackPath(raw: unknown, fallback = "/admin"): string {
  if (typeof raw !== "string" || raw.length > 512) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (raw.startsWith("/login") || raw.startsWith("/api/")) return fallback;
  return raw;
}
