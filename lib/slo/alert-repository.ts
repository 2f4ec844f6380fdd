import "server-only";
import { db, type Prisma, type DbClient } from "@/lib/db";
import type { AnyAlertFigures } from "@/lib/slo/burn-verdicts";
import type { Severity } from "@/lib/slo/rules";

/** alerts.figures: what the alert fired on (null while pending) and what the latest evaluation saw. */
export type StoredFigures = { fired: AnyAlertFigures | null; latest: AnyAlertFigures };
export type AlertState = "pending" | "firing" | "resolved";
/** SLO rules page or ticket; web-vitals budget alerts (lib/vitals/budget-alerts) have their own class. */
export type AlertSeverity = Severity | "budget";

export type AlertRow = {
  siteId: number;
  id: bigint;
  fingerprint: string;
  slo: string;
  rule: string;
  severity: AlertSeverity;
  state: AlertState;
  startedAt: Date;
  firedAt: Date | null;
  resolvedAt: Date | null;
  lastEvalAt: Date;
  figures: StoredFigures;
  summary: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  ackNote: string | null;
};

export type OpenAlertRow = AlertRow & { state: "pending" | "firing" };

const json = (f: StoredFigures) => f as unknown as Prisma.InputJsonObject;

/** Open (pending or firing) alerts of a site, of some SLOs or all. */
export function readOpenAlerts(
  siteId: number,
  slos?: readonly string[],
  client: DbClient = db,
): Promise<OpenAlertRow[]> {
  return client.alert.findMany({
    where: { siteId, state: { in: ["pending", "firing"] }, ...(slos ? { slo: { in: [...slos] } } : {}) },
    orderBy: { startedAt: "desc" },
  }) as Promise<OpenAlertRow[]>;
}

export type OpenSloAlertRow = OpenAlertRow & { severity: Severity };

/** Open alerts of SLO rules only: budget alerts (slo "budget:<id>") belong to lib/vitals/budget-alerts. */
export function readOpenSloAlerts(
  siteId: number,
  slos?: readonly string[],
  client: DbClient = db,
): Promise<OpenSloAlertRow[]> {
  return client.alert.findMany({
    where: {
      siteId,
      state: { in: ["pending", "firing"] },
      severity: { not: "budget" },
      ...(slos ? { slo: { in: [...slos] } } : {}),
    },
    orderBy: { startedAt: "desc" },
  }) as Promise<OpenSloAlertRow[]>;
}

/** Newest first, resolved ones only (history), bounded. */
export function readResolvedAlerts(siteId: number, limit: number, client: DbClient = db): Promise<AlertRow[]> {
  return client.alert.findMany({
    where: { siteId, state: "resolved" },
    orderBy: { startedAt: "desc" },
    take: limit,
  }) as Promise<AlertRow[]>;
}

export type NewAlert = {
  siteId: number;
  fingerprint: string;
  slo: string;
  rule: string;
  severity: AlertSeverity;
  state: "pending" | "firing";
  now: Date;
  figures: StoredFigures;
  summary: string;
};

/**
 * Opens an alert unless one is already open for the fingerprint (another evaluator got there first: the partial
 * unique index decides). Returns the new id, or null.
 */
export async function insertOpenAlert(a: NewAlert, tx: DbClient): Promise<bigint | null> {
  const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
    INSERT INTO alerts (site_id, fingerprint, slo, rule, severity, state, started_at, fired_at, last_eval_at, figures,
                        summary)
    VALUES (${a.siteId}, ${a.fingerprint}, ${a.slo}, ${a.rule}, ${a.severity}::"AlertSeverity", ${a.state}::"AlertState",
            ${a.now}, ${a.state === "firing" ? a.now : null}, ${a.now}, ${JSON.stringify(a.figures)}::jsonb, ${a.summary})
    ON CONFLICT (site_id, fingerprint) WHERE state IN ('pending', 'firing') DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

// Each transition names the state it expects: of two evaluators racing, only one moves the row (and notifies).

export async function markFiring(
  id: bigint,
  now: Date,
  figures: StoredFigures,
  summary: string,
  tx: DbClient,
): Promise<boolean> {
  const { count } = await tx.alert.updateMany({
    where: { id, state: "pending" },
    data: { state: "firing", firedAt: now, lastEvalAt: now, figures: json(figures), summary },
  });
  return count === 1;
}

export async function markResolved(id: bigint, now: Date, figures: StoredFigures, tx: DbClient): Promise<boolean> {
  const { count } = await tx.alert.updateMany({
    where: { id, state: "firing" },
    data: { state: "resolved", resolvedAt: now, lastEvalAt: now, figures: json(figures) },
  });
  return count === 1;
}

/** A pending alert whose condition cleared leaves no trace. */
export async function deletePending(id: bigint, client: DbClient = db): Promise<boolean> {
  const { count } = await client.alert.deleteMany({ where: { id, state: "pending" } });
  return count === 1;
}

export async function refreshOpenAlert(
  id: bigint,
  now: Date,
  figures: StoredFigures,
  client: DbClient = db,
): Promise<void> {
  await client.alert.updateMany({
    where: { id, state: { in: ["pending", "firing"] } },
    data: { lastEvalAt: now, figures: json(figures) },
  });
}

/** Open alerts per (site, slo, severity, state), for the vigil_alerts_open gauge. */
export function countOpenAlerts(
  client: DbClient = db,
): Promise<Array<{ site: string; slo: string; severity: AlertSeverity; state: AlertState; n: number }>> {
  return client.$queryRaw`
    SELECT s.slug AS site, a.slo, a.severity::text AS severity, a.state::text AS state, count(*)::int AS n
    FROM alerts a JOIN sites s ON s.id = a.site_id
    WHERE a.state IN ('pending', 'firing') GROUP BY 1, 2, 3, 4`;
}
