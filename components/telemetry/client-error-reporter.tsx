"use client";

import { useParams, usePathname } from "next/navigation";
import { useEffect } from "react";
import { startClientErrorReporter, type ClientErrorReporter as Reporter } from "@/lib/client-errors/reporter";
import { routeTemplate } from "@vigil/next";

// Module scope: one set of window listeners per page load, whatever strict mode or remounts do.
let reporter: Reporter | undefined;

/** Counts this page's uncaught browser errors for Vigil's own error rate; mount once in the root layout. */
export function ClientErrorReporter() {
  const route = routeTemplate(usePathname() ?? "/", useParams());
  useEffect(() => {
    if (reporter) reporter.setRoute(route);
    else reporter = startClientErrorReporter(route);
  }, [route]);
  return null;
}
