"use client";
import { useEffect, useState } from "react";
import { analyticsState, setAnalyticsOnThisBrowser, type AnalyticsState } from "@/lib/analytics/analytics";

const NOTES: Record<AnalyticsState, string> = {
  unavailable: "Analytics is not running on this instance.",
  on: "Page views and clicks from this browser are sent to PostHog, without page text.",
  "opted-out": "Nothing is sent from this browser.",
  "do-not-track": "This browser asks not to be tracked (Do Not Track), so nothing is sent.",
};

/** Per-browser opt-out; PostHog stores the choice in this browser, so it also holds after signing out. */
export function AnalyticsToggle() {
  const [state, setState] = useState<AnalyticsState | null>(null);
  useEffect(() => {
    void analyticsState().then(setState);
  }, []);
  const usable = state === "on" || state === "opted-out";
  return (
    <div className="space-y-2 text-sm">
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          className="h-4 w-4"
          checked={state === "on"}
          disabled={!usable}
          onChange={(e) => void setAnalyticsOnThisBrowser(e.target.checked).then(setState)}
          data-testid="analytics-toggle"
        />
        Product analytics on this browser
      </label>
      <p className="text-muted" data-testid="analytics-state">
        {state ? NOTES[state] : "…"}
      </p>
    </div>
  );
}
