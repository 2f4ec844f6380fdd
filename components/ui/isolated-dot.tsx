/**
 * Which points of a line no segment reaches: a value between gaps, or with `connectNulls` the only value of the
 * series (gaps are bridged then). Recharts draws nothing for them when dots are off.
 */
export function isolatedIndexes(values: readonly (number | null | undefined)[], connectNulls: boolean): Set<number> {
  const present = values.flatMap((v, i) => (v == null ? [] : [i]));
  if (connectNulls) return new Set(present.length === 1 ? present : []);
  return new Set(present.filter((i) => values[i - 1] == null && values[i + 1] == null));
}

/** A line's `dot` that marks only its isolated points, so a step with data among empty ones still shows. */
export function isolatedDot<T>(
  data: readonly T[],
  value: (d: T) => number | null | undefined,
  color: string,
  { connectNulls = false } = {},
) {
  const isolated = isolatedIndexes(data.map(value), connectNulls);
  return (props: { cx?: number; cy?: number; index?: number }) => {
    const i = props.index ?? -1;
    if (!isolated.has(i) || props.cx === undefined || props.cy === undefined) return <g key={i} />;
    return <circle key={i} cx={props.cx} cy={props.cy} r={3} fill={color} stroke="none" />;
  };
}
