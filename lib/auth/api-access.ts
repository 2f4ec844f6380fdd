import "server-only";
import type { Session } from "next-auth";
import { requireApiSession } from "@/lib/auth/guard";
import type { AccessRole } from "@/lib/auth/roles";
import { env } from "@/lib/env.js";
import { unauthorized } from "@/lib/errors";
import { bearerTokenMatches } from "@/lib/http/bearer";

export type ApiAccess = { via: "token" } | { via: "session"; session: Session };

/**
 * Machine or human access to the APIs outside /api/admin (which proxy.ts does not gate): `Authorization: Bearer
 * $VIGIL_API_TOKEN` (any role), else a signed-in session with the role `need`. A wrong token is refused outright
 * rather than falling back to cookies, so a misconfigured client learns it at once.
 */
export async function requireApiAccess(request: Request, need: AccessRole): Promise<ApiAccess> {
  const authorization = request.headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    if (bearerTokenMatches(authorization, env.VIGIL_API_TOKEN)) return { via: "token" };
    throw unauthorized(
      env.VIGIL_API_TOKEN
        ? "The API token is not valid."
        : "API tokens are off: set VIGIL_API_TOKEN (16+ characters) on the server.",
    );
  }
  return { via: "session", session: await requireApiSession(need) };
}

/** Token-only endpoints (POST /api/v1/slo-events): reporters are programs, not people. */
export function requireApiToken(request: Request): void {
  if (!env.VIGIL_API_TOKEN)
    throw unauthorized("API tokens are off: set VIGIL_API_TOKEN (16+ characters) on the server.");
  if (!bearerTokenMatches(request.headers.get("authorization"), env.VIGIL_API_TOKEN))
    throw unauthorized("Send Authorization: Bearer <VIGIL_API_TOKEN>.");
}
