import { z } from "zod";

/** What happened, as every channel receives it (Slack renders `title`/`summary`; webhooks get the whole object). */
export const NotificationEvent = z.object({
  /** Stable per occurrence, e.g. "alert:42:firing": the outbox never queues one key twice for a channel. */
  key: z.string().min(1).max(200),
  type: z.enum(["alert.firing", "alert.resolved", "incident.opened", "incident.resolved", "test"]),
  severity: z.enum(["page", "ticket", "budget", "info"]),
  title: z.string().min(1).max(200),
  summary: z.string().max(2000),
  /** Console path to look at, e.g. "/admin/alerts"; channels make it absolute with AUTH_URL. */
  path: z.string().startsWith("/").max(300).optional(),
  at: z.iso.datetime(),
  /** The figures behind it (burn rates, windows, monitor, status codes). */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type NotificationEvent = z.infer<typeof NotificationEvent>;
