import { z } from "zod";

export const LoginInput = z.object({
  email: z
    .email("Enter a valid email address.")
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(200, "Password is too long."),
});
export type LoginInput = z.infer<typeof LoginInput>;
export const LOGIN_FIELDS = ["email", "password"] as const;
export type LoginField = (typeof LOGIN_FIELDS)[number];

// Never this app's real origin, so only relative references resolve to it.
const RELATIVE_BASE = "http://vigil.invalid";

/**
 * The path, query and hash `raw` leads to when it stays on `origin`, else null. Resolved with the URL parser
 * browsers use, so tabs, newlines, backslashes and "https:host" forms mean here what they mean to the browser.
 */
export function sameOriginPath(raw: unknown, origin: string = RELATIVE_BASE): string | null {
  if (typeof raw !== "string" || raw.length > 512) return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (url.pathname.startsWith("//")) return null;
  return url.pathname + url.search + url.hash;
}

/** A callbackUrl reduced to a path on this app (never the login page or an API), else `fallback`. */
export function safeCallbackPath(raw: unknown, fallback = "/admin"): string {
  const path = sameOriginPath(raw);
  if (path === null || path.startsWith("/login") || path.startsWith("/api/")) return fallback;
  return path;
}
