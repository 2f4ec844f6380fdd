import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { heartbeatDeadline } from "@/lib/uptime/check-schedule";
import { checkPingMonitor, checkPingSender } from "@/lib/uptime/heartbeat-limits";
import { findHeartbeatMonitorId } from "@/lib/uptime/monitor-repository";
import { recordCheck } from "@/lib/uptime/record-check";

/** 256 random bits, URL-safe: the only credential of a heartbeat URL. */
export const newHeartbeatToken = () => randomBytes(32).toString("base64url");

export type PingResult = { monitor: string; name: string; nextDeadline: string; incident: "resolved" | null };

// Tokens are 43 base64url characters; anything else cannot match a monitor.
const HeartbeatToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);
const unknownToken = () => new AppError("not_found", "No heartbeat monitor has this token.");

/** The heartbeat endpoint's verb: the sender's rate limit first, then the token, then the monitor's own limit. */
export async function pingHeartbeat(rawToken: string, sender: string, now = new Date()): Promise<PingResult> {
  checkPingSender(sender);
  const token = HeartbeatToken.safeParse(rawToken);
  if (!token.success) throw unknownToken();
  const monitorId = await findHeartbeatMonitorId(token.data);
  if (!monitorId) throw unknownToken();
  checkPingMonitor(monitorId);
  return recordHeartbeatPing(token.data, now);
}

/** A ping from the external job: an ok check, the next deadline one interval + grace away, an open incident resolved. */
export async function recordHeartbeatPing(token: string, now = new Date()): Promise<PingResult> {
  const recorded = await recordCheck(
    { heartbeatToken: token },
    { ts: now, ok: true, statusCode: null, latencyMs: null, error: null },
    (m) => ({
      nextCheckAt: heartbeatDeadline(now, m.intervalSeconds, m.graceSeconds),
      lastPingAt: now,
    }),
  );
  if (!recorded) throw unknownToken();
  const { monitor } = recorded;
  return {
    monitor: monitor.slug,
    name: monitor.name,
    nextDeadline: heartbeatDeadline(now, monitor.intervalSeconds, monitor.graceSeconds).toISOString(),
    incident: recorded.incident === "resolved" ? "resolved" : null,
  };
}
