// Request path → App Router route template, from the manifests of `next build`: shared by Vigil's own server
// telemetry and @vigil/next/server. Node only (the labeler reads the build's manifest).
export { IMAGE_OPTIMIZER, loadRouteTemplates, RouteLabeler } from "./route-labeler.js";
export { PUBLIC_FILE, RouteTable, STATIC_ASSETS, UNMATCHED } from "./route-table.js";
