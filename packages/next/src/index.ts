"use client";
// The browser side of @vigil/next: the App Router component and the framework-free collector underneath it.
// Named exports only: a "use client" entry may not `export *` values.
export type * from "./collector/types.js";
export { DEFAULT_VITALS_ENDPOINT, startVitalsCollector } from "./collector/index.js";
export { type RouteParams, routeTemplate } from "./collector/route-template.js";
export { VigilVitals, type VigilVitalsProps } from "./vigil-vitals.js";
