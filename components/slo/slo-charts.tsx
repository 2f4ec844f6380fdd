"use client";
import {
  Area,
  AreaChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { fullLabel, tickLabel, timeTicks } from "@/components/requests/time-ticks";
import { BURN_THRESHOLDS, budgetDomain, burnAxis, sliDomain } from "@/components/slo/chart-scales";
import { ChartFigure } from "@/components/ui/chart-figure";
import { isolatedDot } from "@/components/ui/isolated-dot";
import { formatBudget, formatBurn, formatObjective, formatSli } from "@/lib/slo/format";
import type { SloPoint } from "@/lib/slo/series";

type Props = {
  name: string;
  points: SloPoint[];
  stepMinutes: number;
  objective: number;
  /** Site-wide maintenance (ms): its events are left out of the figures; shaded and labelled on every chart. */
  maintenance?: Array<{ from: number; to: number }>;
};

const axis = { tick: { fontSize: 11, fill: "currentColor" }, stroke: "currentColor", strokeOpacity: 0.3 } as const;
const margin = { top: 10, right: 12, bottom: 4, left: 0 };
const grid = <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />;
const step = (m: number) => (m < 60 ? `${m} min` : `${m / 60} h`);

type Datum = { t: number; sli: number | null; budget: number | null; burn: number | null };
export function SloCharts({ name, points, stepMinutes, objective, maintenance = [] }: Props) {
  const data: Datum[] = points.map((p) => ({
    t: p.t,
    sli: p.sli === null ? null : p.sli * 100,
    budget: p.budgetRemaining === null ? null : p.budgetRemaining * 100,
    burn: p.burn,
  }));
  const ticks = points.length ? timeTicks(points[0]!.t, points.at(-1)!.t, stepMinutes) : [];
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
  const label = (t: unknown) => fullLabel(Number(t));
  const first = points[0]?.t ?? 0;
  const lastT = points.at(-1)?.t ?? 0;
  const shade = maintenance
    .filter((m) => m.to > first && m.from < lastT)
    .map((m) => (
      <ReferenceArea
        key={m.from}
        x1={Math.max(m.from, first)}
        x2={Math.min(m.to, lastT)}
        fill="#0ea5e9"
        fillOpacity={0.15}
        ifOverflow="hidden"
        label={{ value: "maintenance", position: "insideTop", fontSize: 10, fill: "currentColor" }}
      />
    ));
  const sli = sliDomain(
    data.flatMap((d) => (d.sli === null ? [] : [d.sli])),
    objective * 100,
  );
  const burn = burnAxis(data.flatMap((d) => (d.burn === null ? [] : [d.burn])));
  const lastBudget = data.at(-1)?.budget ?? null;
  const budgetColor = lastBudget !== null && lastBudget < 0 ? "#dc2626" : "#059669";

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFigure
        label={`${name}: SLI per ${step(stepMinutes)} against the ${formatObjective(objective)} target`}
        caption={
          <>
            <span className="text-blue-600 dark:text-blue-400">—</span> SLI per {step(stepMinutes)} ·{" "}
            <span className="text-red-600 dark:text-red-400">- -</span> target {formatObjective(objective)}
            {shade.length ? " · shaded: maintenance (left out)" : ""}
          </>
        }
      >
        <LineChart data={data} margin={margin}>
          {grid}
          {x}
          {shade}
          <YAxis
            domain={sli.domain}
            allowDataOverflow
            tickFormatter={(v: number) => `${v.toFixed(sli.digits)}%`}
            width={64}
            {...axis}
          />
          <Tooltip
            labelFormatter={label}
            formatter={(v) => [formatSli(v === null ? null : Number(v) / 100), "SLI"]}
            contentStyle={{ fontSize: 12 }}
          />
          <ReferenceLine
            y={objective * 100}
            stroke="#dc2626"
            strokeDasharray="6 4"
            label={{
              value: `target ${formatObjective(objective)}`,
              position: "insideBottomRight",
              fontSize: 11,
              fill: "#dc2626",
            }}
          />
          <Line
            type="linear"
            dataKey="sli"
            stroke="#2563eb"
            strokeWidth={2}
            dot={isolatedDot(data, (d) => d.sli, "#2563eb")}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFigure>
      <ChartFigure
        label={`${name}: error budget left over the window`}
        caption={
          <>
            <span style={{ color: budgetColor }}>■</span> error budget left (burn-down over the window) ·{" "}
            <span className="text-muted">- -</span> spent
          </>
        }
      >
        <AreaChart data={data} margin={margin}>
          {grid}
          {x}
          {shade}
          <YAxis
            domain={budgetDomain(data.flatMap((d) => (d.budget === null ? [] : [d.budget])))}
            tickFormatter={(v: number) => `${v}%`}
            width={52}
            {...axis}
          />
          <Tooltip
            labelFormatter={label}
            formatter={(v) => [formatBudget(v === null ? null : Number(v) / 100), "budget left"]}
            contentStyle={{ fontSize: 12 }}
          />
          <ReferenceLine y={0} stroke="#71717a" strokeDasharray="6 4" />
          <Area
            type="linear"
            dataKey="budget"
            stroke={budgetColor}
            fill={budgetColor}
            fillOpacity={0.15}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </AreaChart>
      </ChartFigure>
      <div className="lg:col-span-2">
        <ChartFigure
          label={`${name}: burn rate per ${step(stepMinutes)} with the alert thresholds 14.4, 6, 3 and 1`}
          caption={
            <>
              <span className="text-violet-600 dark:text-violet-400">—</span> burn rate per {step(stepMinutes)} (1×
              spends the budget exactly over the window) · dashed: alert thresholds
            </>
          }
          className="h-64"
        >
          <LineChart data={data} margin={{ ...margin, right: 16 }}>
            {grid}
            {x}
            {shade}
            <YAxis
              scale="sqrt"
              domain={[0, burn.max]}
              ticks={burn.ticks}
              allowDataOverflow
              tickFormatter={(v: number) => `${v}×`}
              width={52}
              {...axis}
            />
            <Tooltip
              labelFormatter={label}
              formatter={(v) => [formatBurn(v === null ? null : Number(v)), "burn rate"]}
              contentStyle={{ fontSize: 12 }}
            />
            {BURN_THRESHOLDS.map((th) => (
              <ReferenceLine
                key={th.factor}
                y={th.factor}
                stroke={th.color}
                strokeDasharray="6 4"
                label={{ value: th.label, position: "insideTopLeft", fontSize: 10, fill: th.color }}
              />
            ))}
            <Line
              type="linear"
              dataKey="burn"
              stroke="#7c3aed"
              strokeWidth={2}
              dot={isolatedDot(data, (d) => d.burn, "#7c3aed")}
              isAnimationActive={false}
            />
          </LineChart>
        </ChartFigure>
      </div>
    </div>
  );
}
