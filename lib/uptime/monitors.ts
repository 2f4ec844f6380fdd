import "server-only";
import { Prisma } from "@/lib/db";
import { runJob } from "@/lib/scheduler/run-job";
import { heartbeatDeadline } from "@/lib/uptime/check-schedule";
import { newHeartbeatToken } from "@/lib/uptime/heartbeat-ping";
import { slugify, type FieldErrors, type MonitorInput } from "@/lib/uptime/monitor-input";
import {
  createMonitor,
  deleteMonitor,
  findMonitor,
  findMonitorBySlug,
  updateMonitor,
  type Monitor,
  type MonitorFields,
} from "@/lib/uptime/monitor-repository";
import { lastResultOf, type StoredResult } from "@/lib/uptime/probe-result-repository";

export type SaveResult = { ok: true; monitor: Monitor } | { ok: false; errors: FieldErrors };

const fieldsOf = (input: MonitorInput): MonitorFields =>
  input.kind === "http"
    ? {
        name: input.name,
        method: input.method,
        url: input.url,
        expectedStatus: input.expectedStatus,
        bodyContains: input.bodyContains,
        timeoutMs: input.timeoutSeconds * 1000,
        intervalSeconds: input.intervalSeconds,
        failureThreshold: input.failureThreshold,
        allowPrivate: input.allowPrivate,
        graceSeconds: 0,
      }
    : {
        name: input.name,
        method: "GET",
        url: null,
        expectedStatus: 200,
        bodyContains: null,
        timeoutMs: 10_000,
        intervalSeconds: input.intervalSeconds,
        failureThreshold: input.failureThreshold,
        allowPrivate: false,
        graceSeconds: input.graceSeconds,
      };

async function freeSlug(siteId: number, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await findMonitorBySlug(siteId, candidate))) return candidate;
  }
  return `${base}-${newHeartbeatToken()
    .slice(0, 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")}`;
}

const slugTaken = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** Adds a monitor: an HTTP one is checked by the next probe run; a heartbeat one gets its token and first deadline. */
export async function addMonitor(siteId: number, input: MonitorInput, now = new Date()): Promise<SaveResult> {
  const slug = input.slug ?? (await freeSlug(siteId, input.name));
  const heartbeat = input.kind === "heartbeat";
  try {
    const monitor = await createMonitor({
      siteId,
      ...fieldsOf(input),
      slug,
      kind: input.kind,
      heartbeatToken: heartbeat ? newHeartbeatToken() : null,
      nextCheckAt: heartbeat ? heartbeatDeadline(now, input.intervalSeconds, input.graceSeconds) : now,
    });
    return { ok: true, monitor };
  } catch (err) {
    if (slugTaken(err)) return { ok: false, errors: { slug: `Slug "${slug}" is already used by another monitor` } };
    throw err;
  }
}

/** Changes an admin's monitor (its type stays; the built-in self-check can only be paused or resumed). */
export async function editMonitor(id: string, input: MonitorInput, now = new Date()): Promise<SaveResult> {
  const current = await findMonitor(id);
  if (!current) return { ok: false, errors: { form: "This monitor no longer exists." } };
  if (current.builtIn) return { ok: false, errors: { form: "The built-in self-check can only be paused or resumed." } };
  if (current.kind !== input.kind)
    return { ok: false, errors: { kind: "The type of a monitor cannot change: add a new one instead" } };
  const schedule =
    input.kind === "heartbeat"
      ? { nextCheckAt: heartbeatDeadline(current.lastPingAt ?? now, input.intervalSeconds, input.graceSeconds) }
      : {};
  try {
    return {
      ok: true,
      monitor: await updateMonitor(id, {
        ...fieldsOf(input),
        ...(input.slug ? { slug: input.slug } : {}),
        ...schedule,
      }),
    };
  } catch (err) {
    if (slugTaken(err))
      return { ok: false, errors: { slug: `Slug "${input.slug}" is already used by another monitor` } };
    throw err;
  }
}

/** Pauses or resumes; a resumed monitor is checked at the next run, a heartbeat gets a fresh deadline. */
export async function setMonitorEnabled(id: string, enabled: boolean, now = new Date()): Promise<Monitor | null> {
  const current = await findMonitor(id);
  if (!current) return null;
  const nextCheckAt = !enabled
    ? current.nextCheckAt
    : current.kind === "heartbeat"
      ? heartbeatDeadline(now, current.intervalSeconds, current.graceSeconds)
      : now;
  return updateMonitor(id, { enabled, nextCheckAt });
}

export const removeMonitor = (id: string) => deleteMonitor(id);

export type CheckNowResult =
  | { state: "checked"; result: StoredResult }
  | { state: "queued" }
  | { state: "missing" | "not-http" | "paused" };

/**
 * Makes an HTTP monitor due and runs the probe job at once (under its lock, like any trigger). While another run
 * holds the job, tries again for a few seconds; after that the check is left to the next scheduled run.
 */
export async function checkMonitorNow(id: string, now = new Date()): Promise<CheckNowResult> {
  const monitor = await findMonitor(id);
  if (!monitor) return { state: "missing" };
  if (monitor.kind !== "http") return { state: "not-http" };
  if (!monitor.enabled) return { state: "paused" };
  await updateMonitor(id, { nextCheckAt: now });
  const giveUpAt = Date.now() + 10_000;
  for (;;) {
    const run = await runJob("uptime-probe", "manual", { force: true });
    const latest = await lastResultOf(id);
    if (latest && latest.ts >= now) return { state: "checked", result: latest };
    if (run.outcome !== "skipped" || Date.now() > giveUpAt) return { state: "queued" };
    await new Promise((r) => setTimeout(r, 500));
  }
}
