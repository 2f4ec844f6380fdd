// Security headers (docs/adr/0010-content-security-policy.md). Pure and plain JS: next.config.mjs imports the
// static rules, proxy.ts the per-request page policy. No env reads here; callers pass securityConfig(env).

/** @typedef {{ dev: boolean, https: boolean, formTargets: string[] }} SecurityConfig */

/** Where browsers send violation reports of the page policy (app/api/v1/csp-reports). */
export const CSP_REPORT_PATH = "/api/v1/csp-reports";

/** Where GitHub sign-in sends the browser: a redirect after a form post, which form-action governs in Chromium. */
export const GITHUB_OAUTH_ORIGIN = "https://github.com";

// Two years. No includeSubDomains or preload: Vigil may live on an apex whose other hosts are not ours to pin.
const HSTS = "max-age=63072000";

// Browser features the console never uses, denied to this origin and any frame. Only names Chromium knows:
// an unknown one is logged as a console error on every page.
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((f) => `${f}=()`).join(", ");

// JSON, text and relay responses are not documents: nothing may load or frame them. form-action 'self' lets the
// one HTML page under /api (Auth.js's unlinked sign-out confirmation) post to this origin.
export const MACHINE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Machine paths get the static policy above (next.config.mjs); every other path the proxy sees gets the page policy.
// /v1/ holds what other sites' pages and servers call: the script tag, OTLP.
// MACHINE_SOURCES (Next's header-source syntax) and isMachinePath must describe the same paths: headers.test.ts checks.
export const MACHINE_SOURCES = ["/api/:path*", "/v1/:path*", "/metrics", "/lantern-r7/:path*"];
// Case-insensitive like Next's header matching, so no path ever gets both policies.
const MACHINE_PATH = /^\/(?:api(?:\/|$)|v1(?:\/|$)|metrics$|lantern-r7(?:\/|$))/i;

/** @param {string} path */
export function isMachinePath(path) {
  return MACHINE_PATH.test(path);
}

/**
 * @param {{ NODE_ENV?: string, AUTH_URL?: string, AUTH_GITHUB_ID?: string }} e
 * @returns {SecurityConfig}
 */
export function securityConfig(e) {
  return {
    dev: e.NODE_ENV === "development",
    https: Boolean(e.AUTH_URL && new URL(e.AUTH_URL).protocol === "https:"),
    formTargets: e.AUTH_GITHUB_ID ? [GITHUB_OAUTH_ORIGIN] : [],
  };
}

/** 128 random bits, base64: unguessable, and a valid CSP nonce-source. */
export function newNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy of one HTML response. Scripts run only with this response's nonce, or when loaded by a script that
 * has it ('strict-dynamic': Next's chunk loader); 'self' is the fallback of browsers without CSP3.
 * @param {string} nonce
 * @param {SecurityConfig} config
 */
export function pageContentSecurityPolicy(nonce, config) {
  const directives = [
    "default-src 'self'",
    // React's dev build rebuilds server error stacks with eval; production never evals.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${config.dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles for style attributes (recharts, server-rendered widths), not scripts: CSS can reach no other
    // origin here (img-src, font-src and connect-src are 'self'), so it cannot exfiltrate what it matches.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Beacons, the Sentry tunnel and the PostHog relay are all first-party; dev's HMR socket is same-origin too.
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...config.formTargets].join(" ")}`,
    "frame-ancestors 'none'",
    // report-uri, not report-to: every browser sends it at once; the Reporting API batches, and only over https.
    `report-uri ${CSP_REPORT_PATH}`,
  ];
  // Only over https: on a plain-http origin it would rewrite the app's own requests to an https that is not there.
  if (config.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** @param {SecurityConfig} config @returns {string | undefined} */
export function strictTransportSecurity(config) {
  return config.https ? HSTS : undefined;
}

/**
 * The nonce Next stamps on its scripts, read back from the request's policy (the header Next itself parses).
 * @param {string | null | undefined} policy
 */
export function nonceOf(policy) {
  return policy ? /(?:^|;)\s*script-src[^;]*'nonce-([\w+/=-]+)'/.exec(policy)?.[1] : undefined;
}

/** next.config.mjs headers(): the same on every response, whether or not the proxy runs for it. */
export function staticHeaderRules() {
  const everywhere = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
  ];
  const machine = [{ key: "Content-Security-Policy", value: MACHINE_CONTENT_SECURITY_POLICY }];
  return [
    { source: "/:path*", headers: everywhere },
    ...MACHINE_SOURCES.map((source) => ({ source, headers: machine })),
  ];
}
