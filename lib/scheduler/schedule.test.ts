import { describe, expect, it } from "vitest";
import { HOUR, isDue, MINUTE, nextLocalCheck, SECOND } from "./schedule";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("isDue", () => {
  it("is due when the job never ran", () => expect(isDue(null, HOUR, now)).toBe(true));
  it("is due a period after the last start, allowing 10 % early for tick jitter", () => {
    expect(isDue(ago(MINUTE), MINUTE, now)).toBe(true);
    expect(isDue(ago(54 * SECOND), MINUTE, now)).toBe(true);
    expect(isDue(ago(53 * SECOND), MINUTE, now)).toBe(false);
    expect(isDue(ago(30 * MINUTE), HOUR, now)).toBe(false);
  });
  it("treats a last start in the future (clock skew between instances) as not due", () =>
    expect(isDue(ago(-5 * SECOND), MINUTE, now)).toBe(false));
});

describe("nextLocalCheck", () => {
  const t = now.getTime();
  it("waits a whole period after a run, failed or not", () => {
    expect(nextLocalCheck("ok", HOUR, t)).toBe(t + HOUR);
    expect(nextLocalCheck("failed", MINUTE, t)).toBe(t + MINUTE);
  });
  it("looks again within a quarter period (5 s to 1 min) when another instance ran it", () => {
    expect(nextLocalCheck("skipped", HOUR, t)).toBe(t + MINUTE);
    expect(nextLocalCheck("not-due", MINUTE, t)).toBe(t + 15 * SECOND);
    expect(nextLocalCheck("not-due", 10 * SECOND, t)).toBe(t + 5 * SECOND);
  });
});
