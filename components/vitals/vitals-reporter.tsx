"use client";

import { useParams, usePathname } from "next/navigation";
import { useEffect } from "react";
import { routeTemplate, startVitalsCollector, type VitalsController } from "@vigil/next";

// Module scope, not a ref: strict mode and remounts of the layout must not start web-vitals twice,
// and web-vitals observers cannot be removed anyway.
let controller: VitalsController | undefined;

/** Reports Core Web Vitals of every page view to /api/v1/vitals; mount once in the root layout. */
export function VitalsReporter({ sampleRate }: { sampleRate?: number }) {
  const pathname = usePathname();
  const params = useParams();
  const route = routeTemplate(pathname ?? "/", params);

  useEffect(() => {
    if (controller) controller.setRoute(route);
    else controller = startVitalsCollector({ route, sampleRate });
  }, [route, sampleRate]);

  return null;
}
