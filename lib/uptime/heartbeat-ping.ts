import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { heartbeatDeadline } from "@/lib/uptime/check-schedule";
import { recordCheck } from "@/lib/uptime/record-check";

/** 256 random bits, URL-safe: the only credential of a heartbeat URL. */
export const newHeartbeatToken = () => randomBytes(32).toString("base64url");

export type PingResult = { monitor: string; name: string; nextDeadline: string; incident: "resolved" | null };

/** A ping from the external job: an ok check, the next deadline one interval + grace away, an open incident resolved. */
export async function recordHeartbeatPing(token: string, now = new Date()): Promise<PingResult> {
  const recorded = await recordCheck({ heartbeatToken: token }, { ts: now, ok: true, statusCode: null, latencyMs: null, error: null }, (m) => ({
    nextCheckAt: heartbeatDeadline(now, m.intervalSeconds, m.graceSeconds),
    lastPingAt: now,
  }));
  if (!recorded) throw new AppError("not_found", "No heartbeat monitor has this token.");
  const { monitor } = recorded;
  return {
    monitor: monitor.slug,
    name: monitor.name,
    nextDeadline: heartbeatDeadline(now, monitor.intervalSeconds, monitor.graceSeconds).toISOString(),
    incident: recorded.incident === "resolved" ? "resolved" : null,
  };
}
