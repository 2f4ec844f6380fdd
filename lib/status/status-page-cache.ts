import "server-only";
import { processSingleton } from "@/lib/process-singleton";

/** A built status page and when it was built, per site id, per process. */
export const statusPageCache = <V>() =>
  processSingleton("status-page-cache", () => new Map<number, { at: number; view: Promise<V> }>());

/** Forget a site's built page (its settings or its timeline changed on this instance; others catch up within the max age). */
export const invalidateStatusPage = (siteId: number) => void statusPageCache().delete(siteId);
