"use client";
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { fullLabel } from "@/components/requests/time-ticks";
import { formatMs } from "@/lib/requests/format";
import type { Span } from "@/lib/uptime/status-bar";
import type { LatencyPoint } from "@/lib/uptime/uptime-report";

const axis = { tick: { fontSize: 11, fill: "currentColor" }, stroke: "currentColor", strokeOpacity: 0.3 } as const;
const HOUR = 3_600_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** p50 and p95 probe latency per half hour over the last 24 h, on a fixed time axis so sparse data reads right. */
export function LatencyChart({
  points,
  start,
  end,
  name,
  maintenance = [],
}: {
  points: LatencyPoint[];
  start: number;
  end: number;
  name: string;
  /** Shaded and labelled; the probes inside are left out. */
  maintenance?: Span[];
}) {
  const shaded = maintenance.filter((m) => m.to > start && m.from < end);
  const ticks = Array.from({ length: 5 }, (_, i) => Math.ceil(start / (6 * HOUR)) * 6 * HOUR + i * 6 * HOUR).filter(
    (t) => t <= end,
  );
  const sparse = points.length < 12;
  return (
    <figure>
      <figcaption className="mb-1 text-xs font-medium text-muted">
        Latency, last 24 h per 30 min (UTC): <span className="text-blue-600 dark:text-blue-400">—</span> p50 ·{" "}
        <span className="text-violet-600 dark:text-violet-400">—</span> p95
        {shaded.length ? " · shaded: maintenance (not counted)" : ""}
      </figcaption>
      <div className="h-40 w-full" role="img" aria-label={`Probe latency of ${name} over the last 24 hours`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
            {shaded.map((m) => (
              <ReferenceArea
                key={m.from}
                x1={Math.max(m.from, start)}
                x2={Math.min(m.to, end)}
                fill="#0ea5e9"
                fillOpacity={0.15}
                ifOverflow="hidden"
                label={{ value: "maintenance", position: "insideTop", fontSize: 10, fill: "currentColor" }}
              />
            ))}
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[start, end]}
              ticks={ticks}
              tickFormatter={(t: number) => `${pad(new Date(t).getUTCHours())}:00`}
              {...axis}
            />
            <YAxis
              tickFormatter={(v: number) => (v === 0 ? "0" : formatMs(v))}
              width={60}
              domain={[0, "auto"]}
              {...axis}
            />
            <Tooltip
              labelFormatter={(t) => fullLabel(Number(t))}
              formatter={(v, key) => [formatMs(Number(v)), String(key)]}
              contentStyle={{ fontSize: 12 }}
            />
            <Line
              type="monotone"
              dataKey="p50"
              stroke="#2563eb"
              strokeWidth={2}
              dot={sparse}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="p95"
              stroke="#7c3aed"
              strokeWidth={2}
              dot={sparse}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
