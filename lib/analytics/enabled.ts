import "server-only";
import { env } from "@/lib/env.js";

/** Analytics runs when a project key is configured and the instance switch (VIGIL_ANALYTICS_DISABLED) is not set. */
export const analyticsEnabled = (): boolean => Boolean(env.NEXT_PUBLIC_POSTHOG_KEY) && !env.VIGIL_ANALYTICS_DISABLED;
