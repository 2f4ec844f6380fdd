import { MonitorForm, EMPTY_MONITOR, type MonitorFormValues } from "@/components/uptime/monitor-form";
import { MonitorRowActions } from "@/components/uptime/monitor-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { listMonitors, type Monitor } from "@/lib/uptime/monitor-repository";
import { heartbeatUrl } from "@/lib/uptime/self-monitor";

const valuesOf = (m: Monitor): MonitorFormValues => ({
  kind: m.kind, name: m.name, slug: m.slug, method: m.method, url: m.url ?? "", expectedStatus: String(m.expectedStatus), bodyContains: m.bodyContains ?? "",
  timeoutSeconds: String(m.timeoutMs / 1000), intervalSeconds: String(m.intervalSeconds), failureThreshold: String(m.failureThreshold),
  allowPrivate: m.allowPrivate ? "on" : "", graceSeconds: String(m.graceSeconds),
});

function Target({ m }: { m: Monitor }) {
  if (m.kind === "http") {
    return (
      <span className="break-all font-mono text-xs">
        {m.method} {m.url}
        {m.bodyContains ? <span className="text-zinc-500"> · body contains “{m.bodyContains}”</span> : null}
        {m.allowPrivate ? <> <Badge tone="warn">private allowed</Badge></> : null}
      </span>
    );
  }
  return (
    <span className="text-xs">
      Ping <code className="break-all rounded bg-zinc-100 px-1 dark:bg-zinc-800" data-testid="settings-heartbeat-url">{m.heartbeatToken ? heartbeatUrl(m.heartbeatToken) : "—"}</code>
      <span className="block text-zinc-500">every {m.intervalSeconds} s + {m.graceSeconds} s grace · keep the URL secret</span>
    </span>
  );
}

/** Settings → Monitors (admins only, like the whole Settings page): the list with actions, and the add form. */
export async function MonitorsSection() {
  const monitors = await listMonitors();
  return (
    <Card id="monitors" data-testid="monitors-card" className="lg:col-span-2">
      <CardHeader title="Monitors" description="HTTP probes run from this instance through the SSRF-guarded client; heartbeats expect a ping from your jobs. Results and incidents are on the Uptime page." />
      {monitors.length ? (
        <Table caption="Monitors" head={["Monitor", "Target", "Every", "Incident after", "State", ""]}>
          {monitors.map((m) => (
            <tr key={m.id} data-testid="monitor-row" data-monitor={m.slug} className="align-top">
              <Td>
                <span className="font-medium">{m.name}</span>
                <span className="block font-mono text-xs text-zinc-500">{m.slug}{m.builtIn ? " · built-in" : ""}</span>
                {!m.builtIn ? (
                  <details className="mt-1 w-[min(52rem,80vw)]">
                    <summary className="cursor-pointer text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300">Edit</summary>
                    <div className="mt-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"><MonitorForm id={m.id} initial={valuesOf(m)} submitLabel="Save changes" /></div>
                  </details>
                ) : null}
              </Td>
              <Td><Target m={m} /></Td>
              <Td>{m.intervalSeconds} s{m.kind === "http" ? <span className="block text-xs text-zinc-500">timeout {m.timeoutMs / 1000} s</span> : null}</Td>
              <Td>{m.failureThreshold} {m.failureThreshold === 1 ? "failure" : "failures"}</Td>
              <Td><Badge tone={m.enabled ? "good" : "neutral"}>{m.enabled ? "active" : "paused"}</Badge></Td>
              <Td><MonitorRowActions id={m.id} name={m.name} enabled={m.enabled} http={m.kind === "http"} deletable={!m.builtIn} /></Td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No monitors yet. The built-in self-check appears with the first run of the uptime-probe job.</p>
      )}
      <h3 className="mb-3 mt-6 text-sm font-semibold">Add a monitor</h3>
      <MonitorForm initial={EMPTY_MONITOR} submitLabel="Add monitor" />
    </Card>
  );
}
