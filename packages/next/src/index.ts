// The browser side of @vigil/next: the framework-free collector and the App Router route template helper.
export type * from "./collector/types.js";
export { DEFAULT_VITALS_ENDPOINT, startVitalsCollector } from "./collector/index.js";
export { type RouteParams, routeTemplate } from "./collector/route-template.js";
