import "server-only";
import { telemetry } from "@/lib/telemetry/registry";
import { processSingleton } from "@/lib/process-singleton";

// While Postgres is unreachable every request that needs it is refused with 503; the log gets one line when the
// outage starts and one when a probe sees the database again, not one per request (thousands a second under load).
const PROBE_EVERY_MS = 1_000;

type Outage = { since: number; refused: number; firstError: string };
type OutageState = { current: Outage | null };
const state = () => processSingleton<OutageState>("dbOutage", () => ({ current: null }));

// Imported when first needed: lib/http/errors (and its unit tests) load this module without a validated env.
const log = (level: "error" | "info", fields: Record<string, unknown>, msg: string) =>
  void import("@/lib/log/logger").then(
    ({ logger }) => logger[level](fields, msg),
    () => undefined,
  );

const describeError = (err: unknown) =>
  (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);

/** True while this instance knows the database to be unreachable. */
export const databaseOutage = (): Readonly<Outage> | null => state().current;

/** Counts a refusal caused by an unreachable database; the first of an outage logs it and starts the recovery probe. */
export function noteDatabaseUnavailable(err: unknown, where: string): void {
  const s = state();
  const t = telemetry();
  t.dbUnavailable.inc();
  if (s.current) {
    s.current.refused++;
    return;
  }
  s.current = { since: Date.now(), refused: 1, firstError: describeError(err) };
  t.dbOutages.inc();
  log(
    "error",
    { where, error: s.current.firstError },
    "database unreachable: requests that need it answer 503 until it is back",
  );
  probeLater();
}

function probeLater(): void {
  setTimeout(() => {
    void (async () => {
      try {
        const { pgPool } = await import("@/lib/db");
        await pgPool().query("SELECT 1");
      } catch {
        return probeLater();
      }
      const s = state();
      if (!s.current) return;
      const { since, refused } = s.current;
      s.current = null;
      log("info", { downMs: Date.now() - since, refused }, "database reachable again");
    })();
  }, PROBE_EVERY_MS).unref();
}
