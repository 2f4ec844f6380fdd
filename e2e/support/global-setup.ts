import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { provisionTestDatabase } from "../../scripts/db/provision";
import { ensureBuild } from "../../scripts/ensure-build";
import { TEST_ADMIN } from "../../tests/support/test-env";
import { E2E_API_TOKEN, E2E_BASE_URL, E2E_CRON_SECRET, E2E_PORT } from "./config";
import { RECEIVER_PORTS, receiverUrl, startRecorder } from "./recorder";

const root = resolve(import.meta.dirname, "../..");

async function waitForReady(server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited early with code ${server.exitCode}`);
    const ready = await fetch(`${E2E_BASE_URL}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become ready on ${E2E_BASE_URL} within ${timeoutMs} ms`);
}

/** Fresh database, production build, `next start` on the e2e port; returns the teardown. */
export default async function globalSetup() {
  const database = await provisionTestDatabase({ label: "e2e" });
  const receivers = await Promise.all(Object.values(RECEIVER_PORTS).map((port) => startRecorder(port)));
  const stopReceivers = () => Promise.all(receivers.map((r) => new Promise((done) => r.close(done))));
  const sentryDsn = `http://public@127.0.0.1:${RECEIVER_PORTS.sentry}/1`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    VIGIL_DB_EMBEDDED: database.embedded ? "1" : "0",
    AUTH_SECRET: "e2e-tests-only-secret-0123456789abcdefghij",
    AUTH_URL: E2E_BASE_URL,
    VIGIL_ADMIN_EMAIL: TEST_ADMIN.email,
    VIGIL_ADMIN_PASSWORD: TEST_ADMIN.password,
    // Telemetry goes to local receivers only (recorder.ts); nothing leaves 127.0.0.1.
    SENTRY_DSN: sentryDsn,
    NEXT_PUBLIC_SENTRY_DSN: sentryDsn,
    NEXT_PUBLIC_POSTHOG_KEY: "phc_e2e_local_receiver_only",
    POSTHOG_HOST: receiverUrl("posthog"),
    OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl("otlp"),
    VIGIL_TELEMETRY_FLUSH_MS: "1000",
    // Sessions re-read their user every second, so e2e/auth-trust.spec.ts sees demotions without waiting minutes.
    VIGIL_SESSION_RECHECK_SECONDS: "1",
    // Machine access to /api/observability/* and /api/v1/slo-events (e2e/slos.spec.ts).
    VIGIL_API_TOKEN: E2E_API_TOKEN,
    // /api/bench/crash: the deliberate server error e2e/sentry.spec.ts follows to the Sentry receiver.
    VIGIL_BENCH_ENDPOINTS: "1",
    // Specs run scheduled jobs on demand (POST /api/cron/<job>?force=1): uptime-probe, notify-deliver.
    CRON_SECRET: E2E_CRON_SECRET,
  };
  try {
    await ensureBuild(root, env, (line) => console.log(`[e2e] ${line}`));
  } catch (err) {
    await Promise.all([database.teardown(), stopReceivers()]);
    throw err;
  }

  const server = spawn(resolve(root, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(E2E_PORT)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  // The server's log is kept beside the test results for diagnosis (it never holds secrets: pino redacts them).
  mkdirSync(resolve(root, "test-results"), { recursive: true });
  const log = createWriteStream(resolve(root, "test-results/e2e-server.log"));
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    log.write(chunk);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  const teardown = async () => {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    await Promise.all([database.teardown(), stopReceivers()]);
  };
  try {
    await waitForReady(server, 60_000);
  } catch (err) {
    console.error(output.join(""));
    await teardown();
    throw err;
  }
  // Workers start after global setup and inherit these.
  process.env.E2E_DATABASE_URL = database.url;
  return teardown;
}
