"use client";

import { useParams, usePathname } from "next/navigation";
import { useEffect } from "react";
import { startVitalsCollector } from "./collector/index.js";
import { routeTemplate } from "./collector/route-template.js";
import type { VitalsController } from "./collector/types.js";

export interface VigilVitalsProps {
  /** The site's public key (`pk_…`); leave it out when the page is served by Vigil itself. */
  siteKey?: string;
  /** Where beacons go, default "/api/v1/vitals"; an absolute URL for a Vigil on another origin. */
  endpoint?: string;
  /** 0..1, default 1; decided once per page load. */
  sampleRate?: number;
}

// Module scope, not a ref: strict mode and remounts of the layout must not start web-vitals twice,
// and web-vitals observers cannot be removed anyway. Props are read once, at the first mount.
let controller: VitalsController | undefined;

/**
 * Reports the Core Web Vitals of every page view to Vigil, tagged with the App Router route template
 * ("/blog/[slug]"), soft navigations included. Mount once, in the root layout.
 */
export function VigilVitals({ siteKey, endpoint, sampleRate }: VigilVitalsProps) {
  const route = routeTemplate(usePathname() ?? "/", useParams());

  useEffect(() => {
    if (controller) controller.setRoute(route);
    else controller = startVitalsCollector({ route, siteKey, endpoint, sampleRate });
  }, [route, siteKey, endpoint, sampleRate]);

  return null;
}
