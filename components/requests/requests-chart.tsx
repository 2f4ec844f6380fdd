"use client";
import { Bar, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";
import { isolatedDot } from "@/components/ui/isolated-dot";
import { formatMs, formatPerMinute, formatRate } from "@/lib/requests/format";
import type { SeriesPoint } from "@/lib/requests/read-model";
import { fullLabel, tickLabel, timeTicks } from "@/components/requests/time-ticks";

type Props = { points: SeriesPoint[]; stepMinutes: number };

const axis = { tick: { fontSize: 11, fill: "currentColor" }, stroke: "currentColor", strokeOpacity: 0.3 } as const;

export function RequestsChart({ points, stepMinutes }: Props) {
  const ticks = points.length ? timeTicks(points[0]!.t, points.at(-1)!.t, stepMinutes) : [];
  const data = points.map((p) => ({ ...p, errorPct: p.errorRate === null ? null : p.errorRate * 100 }));
  const x = (
    <XAxis
      dataKey="t"
      type="number"
      scale="time"
      domain={["dataMin", "dataMax"]}
      ticks={ticks}
      tickFormatter={tickLabel(stepMinutes)}
      {...axis}
    />
  );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFigure
        label="Request rate and 5xx share over time"
        caption={
          <>
            <span className="text-blue-600 dark:text-blue-400">■</span> requests / min ·{" "}
            <span className="text-red-600 dark:text-red-400">—</span> 5xx share
          </>
        }
      >
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
          {x}
          <YAxis yAxisId="rate" tickFormatter={formatPerMinute} width={56} {...axis} />
          <YAxis
            yAxisId="errors"
            orientation="right"
            tickFormatter={(v: number) => `${v}%`}
            width={44}
            domain={[0, (max: number) => Math.max(1, Math.ceil(max))]}
            {...axis}
          />
          <Tooltip
            labelFormatter={(t) => fullLabel(Number(t))}
            formatter={(v, name) =>
              name === "errorPct"
                ? [formatRate(v === null ? null : Number(v) / 100), "5xx"]
                : [formatPerMinute(Number(v)), "req/min"]
            }
            contentStyle={{ fontSize: 12 }}
          />
          <Bar yAxisId="rate" dataKey="perMinute" fill="#2563eb" fillOpacity={0.75} isAnimationActive={false} />
          <Line
            yAxisId="errors"
            type="linear"
            dataKey="errorPct"
            stroke="#dc2626"
            strokeWidth={1.5}
            dot={isolatedDot(data, (d) => d.errorPct, "#dc2626", { connectNulls: true })}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ChartFigure>
      <ChartFigure
        label="Latency p95 over time"
        caption={
          <>
            <span className="text-violet-600 dark:text-violet-400">—</span> latency p95
          </>
        }
      >
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
          {x}
          <YAxis tickFormatter={(v: number) => (v === 0 ? "0" : formatMs(v))} width={64} {...axis} />
          <Tooltip
            labelFormatter={(t) => fullLabel(Number(t))}
            formatter={(v) => [formatMs(Number(v)), "p95"]}
            contentStyle={{ fontSize: 12 }}
          />
          <Line
            type="monotone"
            dataKey="p95"
            stroke="#7c3aed"
            strokeWidth={2}
            dot={isolatedDot(data, (d) => d.p95, "#7c3aed", { connectNulls: true })}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFigure>
    </div>
  );
}
