"use client";
import { useEffect } from "react";
import { identifyUser } from "@/lib/analytics/analytics";

/** Ties this browser's PostHog person to the signed-in user (id and role only); mounted by the admin layout. */
export function AnalyticsIdentity({ userId, role }: { userId: string; role: string }) {
  useEffect(() => identifyUser(userId, role), [userId, role]);
  return null;
}
