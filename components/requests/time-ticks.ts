// Axis ticks on round UTC times (every 10 min, 3 h, day, 5 days) instead of wherever the window happens to start.
const TICK_MINUTES: Record<number, number> = { 1: 10, 15: 180, 60: 1440, 360: 5 * 1440 };
const pad = (n: number) => String(n).padStart(2, "0");

export function timeTicks(first: number, last: number, stepMinutes: number): number[] {
  const every = (TICK_MINUTES[stepMinutes] ?? stepMinutes * 10) * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(first / every) * every; t <= last; t += every) ticks.push(t);
  return ticks;
}

/** Tick label: the time of day while ticks are under a day apart, else the date. */
export function tickLabel(stepMinutes: number) {
  const daily = (TICK_MINUTES[stepMinutes] ?? 0) >= 1440;
  return (t: number) => {
    const d = new Date(t);
    return daily ? `${d.getUTCMonth() + 1}/${d.getUTCDate()}` : `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };
}

export function fullLabel(t: number): string {
  const d = new Date(t);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
