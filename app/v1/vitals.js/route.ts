import { apiRoute } from "@/lib/http/api-route";
import { vitalsScriptResponse } from "@/lib/vitals/script-response";

export const dynamic = "force-dynamic";

/** The script-tag install: `<script async src="<vigil>/v1/vitals.js" data-site="pk_…">` (packages/next README). */
export const GET = apiRoute("/v1/vitals.js", (request) => vitalsScriptResponse(request.headers.get("if-none-match")));
