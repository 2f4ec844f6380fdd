// Small PromQL builders: every string that ends up in a query goes through these, so quoting lives in one place.

/** A PromQL double-quoted string literal (Go escaping: backslash and quote). */
export const promqlString = (value: string) =>
  `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/** Escapes RE2 metacharacters so a literal (a route template, a prefix) matches only itself. */
export const escapeRegex = (literal: string) => literal.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");

export type Matcher = { label: string; op: "=" | "!=" | "=~" | "!~"; value: string };

export const eq = (label: string, value: string): Matcher => ({ label, op: "=", value });

/** `label` equal to one of `values` (exactly): `=` for one value, an escaped alternation for several. */
export function oneOf(label: string, values: readonly string[]): Matcher {
  if (values.length === 0) throw new Error(`oneOf(${label}) needs at least one value`);
  return values.length === 1 ? eq(label, values[0]!) : { label, op: "=~", value: values.map(escapeRegex).join("|") };
}

/** `label` equal to none of `values` (PromQL regexes are anchored, so this is exact too). */
export const noneOf = (label: string, values: readonly string[]): Matcher => ({
  label,
  op: "!~",
  value: values.map(escapeRegex).join("|"),
});

export const selector = (metric: string, matchers: readonly Matcher[]) =>
  matchers.length === 0
    ? metric
    : `${metric}{${matchers.map((m) => `${m.label}${m.op}${promqlString(m.value)}`).join(",")}}`;

const UNITS: [string, number][] = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
];

/** A Prometheus duration for whole seconds, largest units first: 70 s → "1m10s", 67 h 12 min → "2d19h12m". */
export function promDuration(ms: number): string {
  if (!Number.isInteger(ms / 1000) || ms <= 0)
    throw new Error(`a Prometheus window must be a positive whole number of seconds, got ${ms} ms`);
  let rest = ms;
  let out = "";
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** Go's `%.4g` for the magnitudes alerts show, which is what Prometheus' humanizePercentage prints. */
export function goPrecision4(x: number): string {
  if (x === 0) return "0";
  if (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e4) throw new Error(`goPrecision4 covers 1e-4 ≤ |x| < 1e4, got ${x}`);
  return x
    .toPrecision(4)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

/** A ratio as a percentage for people: 0.999 → "99.9 %", 0.0144 → "1.44 %". */
export const percent = (ratio: number) => `${Number((ratio * 100).toPrecision(6))} %`;

/** A span for people: "2.1 days", "11.7 hours". */
export function humanSpan(ms: number): string {
  const days = ms / 86_400_000;
  if (days >= 1) return `${Number(days.toFixed(1))} day${days === 1 ? "" : "s"}`;
  const hours = ms / 3_600_000;
  return `${Number(hours.toFixed(1))} hour${hours === 1 ? "" : "s"}`;
}
