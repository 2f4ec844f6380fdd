import { requireSiteKey } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { readBodyLimited } from "@/lib/http/read-body";
import { ingestOtlpMetrics } from "@/lib/ingest/ingest-otlp";
import { OTLP_LIMITS } from "@/lib/otlp";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** OTLP/HTTP metrics of an app (docs/OTLP.md): the site's server key in x-vigil-key; protobuf or JSON, gzip. */
export const POST = apiRoute("/v1/metrics", async (request) => {
  const site = await requireSiteKey(request);
  const body = await readBodyLimited(request, OTLP_LIMITS.bodyBytes);
  const result = await ingestOtlpMetrics(site, body, {
    contentType: request.headers.get("content-type"),
    contentEncoding: request.headers.get("content-encoding"),
  });
  return new Response(Buffer.from(result.body), { status: 200, headers: { "content-type": result.contentType } });
});
