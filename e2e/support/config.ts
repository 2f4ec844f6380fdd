// Unusual ports: the machine may be shared, and tests never reuse a server they did not start. E2E_PORT_BASE lets
// two checkouts run their browser tests side by side (the app on the base, local receivers on base + 10…12).
export const E2E_PORT = Number(process.env.E2E_PORT_BASE ?? 3411);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The example shop of e2e/example-app.spec.ts (+10…12 are the receivers, +20 Prometheus in telemetry.spec). */
export const E2E_SHOP_PORT = E2E_PORT + 21;
/** Bearer token of /api/cron/* on the e2e server (set as CRON_SECRET by global-setup): specs run jobs on demand. */
export const E2E_CRON_SECRET = "e2e-tests-only-cron-secret-0123456789";
/** VIGIL_API_TOKEN of the app under test (test-only). */
export const E2E_API_TOKEN = "e2e-api-token-0123456789abcdef";
