// Server metrics to Vigil over OTLP: every request this server answers, by route template (two lines, README).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerVigil } = await import("@vigil/next/server");
    registerVigil({
      endpoint: process.env.VIGIL_ENDPOINT,
      secretKey: process.env.VIGIL_SECRET_KEY,
      serviceName: "shop",
      exportIntervalMillis: Number(process.env.VIGIL_EXPORT_INTERVAL_MS ?? 10_000),
    });
  }
}
