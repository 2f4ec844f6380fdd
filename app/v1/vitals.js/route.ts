import { vitalsScriptResponse } from "@/lib/vitals/script-response";

export const dynamic = "force-dynamic";

/** The script-tag install: `<script async src="<vigil>/v1/vitals.js" data-site="pk_…">` (packages/next README). */
export function GET(request: Request) {
  return vitalsScriptResponse(request.headers.get("if-none-match"));
}
