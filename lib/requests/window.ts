const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Window lengths in minutes. Minute rollups are kept ~2 days, so only windows up to 24 h read them. */
export const REQUEST_WINDOWS = { "1h": 60, "24h": 24 * 60, "7d": 7 * 24 * 60, "30d": 30 * 24 * 60 } as const;
export type RequestWindowKey = keyof typeof REQUEST_WINDOWS;
export const REQUEST_WINDOW_KEYS = Object.keys(REQUEST_WINDOWS) as [RequestWindowKey, ...RequestWindowKey[]];
export type RequestGrain = "minute" | "hour";

// Chart step per window: 60–170 points, each a whole number of rollup buckets.
const STEP_MINUTES: Record<RequestWindowKey, number> = { "1h": 1, "24h": 15, "7d": 60, "30d": 6 * 60 };

export type RequestWindowPlan = {
  key: RequestWindowKey;
  grain: RequestGrain;
  /** Rows with start <= bucket_start < end are read: whole buckets, the running one included. */
  start: Date;
  end: Date;
  /** Minutes from start to now: the time the rows read actually cover, the denominator of every rate. */
  elapsedMinutes: number;
  stepMinutes: number;
  now: Date;
};

export function planRequestWindow(key: RequestWindowKey, now = new Date()): RequestWindowPlan {
  const minutes = REQUEST_WINDOWS[key];
  const grain: RequestGrain = minutes <= 24 * 60 ? "minute" : "hour";
  const size = grain === "minute" ? MINUTE : HOUR;
  const end = new Date(Math.floor(now.getTime() / size) * size + size);
  const start = new Date(end.getTime() - minutes * MINUTE);
  return {
    key,
    grain,
    start,
    end,
    elapsedMinutes: (now.getTime() - start.getTime()) / MINUTE,
    stepMinutes: STEP_MINUTES[key],
    now,
  };
}
