import "server-only";
import { captureServerEvent } from "@/lib/analytics/posthog-server";
import { env } from "@/lib/env.js";
import { logger } from "@/lib/log/logger";
import { safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";
import { DELIVERY_POLICY, type DeliveryPolicy } from "@/lib/notify/backoff";
import { deliveryIdOf, deliveryRequest } from "@/lib/notify/delivery-request";
import { emailMessage } from "@/lib/notify/email-message";
import { NotificationEvent } from "@/lib/notify/event";
import { scrubUrl } from "@/lib/notify/mask";
import { claimDueDeliveries, markDelivered, markFailed, type ClaimedDelivery } from "@/lib/notify/outbox-repository";
import { nextStep, type SendResult } from "@/lib/notify/outcome";
import { DELIVERY_HEADER, EVENT_HEADER } from "@/lib/notify/signature";
import { sendSmtp } from "@/lib/notify/smtp-send";
import { recordDeliveryOutcomes } from "@/lib/slo/delivery-slo";
import { telemetry } from "@/lib/telemetry/registry";

export type DeliverOptions = {
  /** The clock for due times, leases and signatures; tests move it instead of sleeping. */
  now?: () => Date;
  random?: () => number;
  /** Rows claimed per round, all sent at once. */
  concurrency?: number;
  /** Rows one run may claim in total. */
  maxPerRun?: number;
  /** No new round starts after this long: with the send timeout it keeps a run under Vercel's 60 s cron limit. */
  budgetMs?: number;
  /** Base of the console links in messages (AUTH_URL). */
  baseUrl?: string;
  policy?: DeliveryPolicy;
};

export type DeliverSummary = { claimed: number; delivered: number; retried: number; dead: number };
type Outcome = "delivered" | "retry" | "dead" | "lost";

const ANALYTICS_ID = "vigil-notifier";

async function send(
  row: ClaimedDelivery,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SendResult> {
  try {
    // No redirects: a signed body must not be replayed to wherever a 3xx points.
    const r = await safeFetch(row.url, {
      method: "POST",
      headers,
      body,
      timeoutMs,
      allowPrivate: row.allowPrivate,
      maxRedirects: 0,
      maxBodyBytes: 4096,
    });
    return { kind: "response", status: r.status, retryAfter: r.headers["retry-after"], body: r.body };
  } catch (err) {
    if (err instanceof SafeFetchError)
      return { kind: "error", code: err.code, message: scrubUrl(err.message, row.url) };
    return {
      kind: "error",
      code: "network",
      message: scrubUrl(err instanceof Error ? err.message : String(err), row.url),
    };
  }
}

/** One try over the channel's own transport: an HTTP POST (Slack, webhook) or a mail over SMTP. */
async function sendOnce(row: ClaimedDelivery, event: NotificationEvent, o: Required<DeliverOptions>) {
  if (row.kind === "email")
    return sendSmtp(
      {
        url: row.url,
        password: row.secret,
        allowPrivate: row.allowPrivate,
        from: row.emailFrom ?? "",
        to: row.emailTo,
      },
      {
        ...emailMessage(event, o.baseUrl),
        headers: { [DELIVERY_HEADER]: deliveryIdOf(row.channelId, String(row.id)), [EVENT_HEADER]: event.type },
      },
      o.policy.sendTimeoutMs,
    );
  const { body, headers } = deliveryRequest(
    {
      rowId: String(row.id),
      channelId: row.channelId,
      kind: row.kind,
      secret: row.secret,
      attempt: row.attempts,
      event,
    },
    { nowSeconds: Math.floor(o.now().getTime() / 1000), baseUrl: o.baseUrl },
  );
  return send(row, body, headers, o.policy.sendTimeoutMs);
}

async function deliverOne(row: ClaimedDelivery, o: Required<DeliverOptions>): Promise<Outcome> {
  const attempt = row.attempts;
  const log = logger.child({
    event: "notify.delivery",
    deliveryId: deliveryIdOf(row.channelId, String(row.id)),
    channelId: row.channelId,
    channel: row.channelName,
    attempt,
  });
  const fail = async (error: string, lastStatus: number | null = null): Promise<Outcome> => {
    const stored = await markFailed(row.id, attempt, { dead: true, lastStatus, error });
    log.warn({ outcome: "dead", error }, "notification delivery given up");
    return stored ? "dead" : "lost";
  };
  // A claim beyond the limit means the last try never finished (the worker died mid-send, maybe on this very row).
  if (attempt > o.policy.maxAttempts)
    return fail("gave up: the last attempt did not finish (the worker stopped while sending)");
  const event = NotificationEvent.safeParse(row.payload);
  if (!event.success) return fail("the queued payload is not a valid notification event");

  const result = await sendOnce(row, event.data, o);
  const now = o.now();
  const step = nextStep(result, attempt, now, o.random, o.policy);
  if (step.outcome === "delivered") {
    if (!(await markDelivered(row.id, { lastStatus: step.lastStatus, at: now }))) return "lost";
    log.info({ outcome: "delivered", status: step.lastStatus }, "notification delivered");
    captureServerEvent("notification delivered", ANALYTICS_ID, {
      channel_kind: row.kind,
      event_type: event.data.type,
      severity: event.data.severity,
      attempts: attempt,
      $process_person_profile: false,
    });
    return "delivered";
  }
  const stored = await markFailed(row.id, attempt, {
    dead: step.outcome === "dead",
    nextAttemptAt: step.outcome === "retry" ? step.nextAttemptAt : undefined,
    lastStatus: step.lastStatus,
    error: step.error,
  });
  if (!stored) return "lost";
  if (step.outcome === "dead")
    log.warn({ outcome: "dead", status: step.lastStatus, error: step.error }, "notification delivery given up");
  else
    log.info(
      { outcome: "retry", status: step.lastStatus, error: step.error, nextAttemptAt: step.nextAttemptAt },
      "notification delivery will be retried",
    );
  return step.outcome;
}

/**
 * The outbox worker (job "notify-deliver"): claims due deliveries a few at a time under a lease, sends each once,
 * and records delivered / retry (backoff) / dead. Safe to run from several places at once: a row is only ever
 * held by one claimer, and a delivered row is never claimed again.
 */
export async function deliverDueNotifications(options: DeliverOptions = {}): Promise<DeliverSummary> {
  const o: Required<DeliverOptions> = {
    now: () => new Date(),
    random: Math.random,
    concurrency: 5,
    maxPerRun: 50,
    budgetMs: 30_000,
    baseUrl: env.AUTH_URL ?? "",
    policy: DELIVERY_POLICY,
    ...options,
  };
  const started = performance.now();
  const summary: DeliverSummary = { claimed: 0, delivered: 0, retried: 0, dead: 0 };
  const counter = telemetry().notificationDeliveries;
  while (summary.claimed < o.maxPerRun && performance.now() - started < o.budgetMs) {
    const now = o.now();
    const batch = await claimDueDeliveries(
      now,
      new Date(now.getTime() + o.policy.leaseMs),
      Math.min(o.concurrency, o.maxPerRun - summary.claimed),
    );
    if (batch.length === 0) break;
    summary.claimed += batch.length;
    const outcomes = await Promise.all(
      batch.map((row) => deliverOne(row, o).then((outcome) => [row.kind, outcome] as const)),
    );
    for (const [kind, outcome] of outcomes) {
      if (outcome === "lost") continue;
      counter.inc({ kind, outcome });
      if (outcome === "delivered") summary.delivered++;
      else if (outcome === "retry") summary.retried++;
      else summary.dead++;
    }
    await recordDeliveryOutcomes(
      outcomes.map(([, outcome]) => outcome),
      o.now(),
    );
  }
  return summary;
}
