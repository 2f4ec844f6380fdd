"use client";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartPoint = { t: number; value: number | null; count: number };

type Props = { points: ChartPoint[]; budget: number; unit: "ms" | "score"; grain: "hour" | "day"; label: string };

const fmtValue = (unit: Props["unit"]) => (v: number) =>
  unit === "ms" ? (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) : v.toFixed(2);
const fmtTime = (grain: Props["grain"]) => (t: number) => {
  const d = new Date(t);
  return grain === "hour"
    ? `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${String(d.getUTCHours()).padStart(2, "0")}:00`
    : `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
};

// Points over budget are drawn red so breaches stand out without reading the axis.
function BreachDot(props: { cx?: number; cy?: number; payload?: ChartPoint; budget: number }) {
  const { cx, cy, payload, budget } = props;
  if (cx === undefined || cy === undefined || payload?.value == null) return null;
  const over = payload.value > budget;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={over ? 4 : 2.5}
      fill={over ? "#c53030" : "#0a8754"}
      stroke="none"
      data-breach={over ? "true" : undefined}
    />
  );
}

export function VitalsChart({ points, budget, unit, grain, label }: Props) {
  const format = fmtValue(unit);
  return (
    <div className="h-72 w-full" role="img" aria-label={`${label} over time with budget ${format(budget)}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={fmtTime(grain)}
            tick={{ fontSize: 11, fill: "currentColor" }}
            stroke="currentColor"
            strokeOpacity={0.3}
          />
          <YAxis
            tickFormatter={format}
            tick={{ fontSize: 11, fill: "currentColor" }}
            width={64}
            stroke="currentColor"
            strokeOpacity={0.3}
            domain={[0, (max: number) => Math.max(max, budget) * 1.1]}
          />
          <Tooltip
            labelFormatter={(t) => fmtTime(grain)(Number(t))}
            formatter={(v) => [format(Number(v)), label]}
            contentStyle={{ fontSize: 12 }}
          />
          <ReferenceLine
            y={budget}
            stroke="#c53030"
            strokeDasharray="6 4"
            label={{ value: `budget ${format(budget)}`, position: "insideTopRight", fontSize: 11, fill: "#c53030" }}
          />
          <Line
            type="monotone"
            dataKey="value"
            stroke="#2563eb"
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={(p) => <BreachDot key={`${p.index}`} {...p} budget={budget} />}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
