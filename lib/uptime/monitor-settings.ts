import "server-only";
import type { MonitorFormValues } from "@/lib/uptime/monitor-input";
import { listMonitors, type Monitor } from "@/lib/uptime/monitor-repository";
import { heartbeatUrl } from "@/lib/uptime/self-monitor";

/** A monitor as Settings → Monitors lists it; never the raw token. */
export type MonitorSetting = Pick<
  Monitor,
  | "id"
  | "slug"
  | "name"
  | "kind"
  | "enabled"
  | "builtIn"
  | "method"
  | "url"
  | "bodyContains"
  | "allowPrivate"
  | "intervalSeconds"
  | "graceSeconds"
  | "failureThreshold"
> & {
  timeoutSeconds: number;
  /** Only for admins: the token in it is the heartbeat's only credential. */
  heartbeatUrl: string | null;
  /** The edit form's starting values. */
  form: MonitorFormValues;
};

const formOf = (m: Monitor): MonitorFormValues => ({
  kind: m.kind,
  name: m.name,
  slug: m.slug,
  method: m.method,
  url: m.url ?? "",
  expectedStatus: String(m.expectedStatus),
  bodyContains: m.bodyContains ?? "",
  timeoutSeconds: String(m.timeoutMs / 1000),
  intervalSeconds: String(m.intervalSeconds),
  failureThreshold: String(m.failureThreshold),
  allowPrivate: m.allowPrivate ? "on" : "",
  graceSeconds: String(m.graceSeconds),
});

/** Every monitor, the built-in one first, for Settings; the page says whether the reader may see ping URLs. */
export async function loadMonitorSettings(siteId: number, { admin }: { admin: boolean }): Promise<MonitorSetting[]> {
  return (await listMonitors(siteId)).map((m) => ({
    id: m.id,
    slug: m.slug,
    name: m.name,
    kind: m.kind,
    enabled: m.enabled,
    builtIn: m.builtIn,
    method: m.method,
    url: m.url,
    bodyContains: m.bodyContains,
    allowPrivate: m.allowPrivate,
    intervalSeconds: m.intervalSeconds,
    graceSeconds: m.graceSeconds,
    failureThreshold: m.failureThreshold,
    timeoutSeconds: m.timeoutMs / 1000,
    heartbeatUrl: admin && m.heartbeatToken ? heartbeatUrl(m.heartbeatToken) : null,
    form: formOf(m),
  }));
}
