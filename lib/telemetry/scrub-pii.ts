// Pure PII scrubbing for everything Sentry sends (browser and server): no SDK import, no I/O, unit-tested beside it.

export const REDACTED = "[redacted]";
export const EMAIL = "[email]";

// Object keys whose values are secrets or personal data wherever they appear (headers, request data, extra, contexts).
const SECRET_KEY =
  /^(?:x-)?(?:auth|authorization|proxy-authorization|cookies?|set-cookie|passw(?:or)?d|pwd|secret|session(?:[-_]?id)?|sessionid|credentials?|jwt|otp|ip_address|email)$|passw|secret|token|api[-_]?key|cookie|authorization|private[-_]?key/i;
// Query parameter names; broader than keys ("code", "key", "sig") because OAuth codes and signed URLs live there.
const SECRET_PARAM =
  /^(?:key|code|sig|signature|state|session|jwt|otp|credentials?|email)$|token|secret|passw|pwd|api[-_]?key|auth/i;

// Every pattern runs in linear time: a quantified run is tried from one start per run (lookbehind or \b) and is
// followed by a character it cannot contain, so a failed attempt gives back at most that run.
// Also URL-encoded (`%40`), as emails appear in query strings; the lookbehind starts the local part at its run's start.
const EMAIL_RE = /(?<![\w.%+-])[\w.%+-]+(?:@|%40)[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}/gi;
const AUTH_SCHEME_RE = /\b(Bearer|Basic|Token|Digest)\s+[\w.~+/=-]{4,}/gi;
// The header stops before another "-eyJ", so "eyJ-eyJ-…" is not rescanned from every "eyJ".
const JWT_RE = /\beyJ(?:\w|-(?!eyJ)){5,}\.[\w-]{5,}\.[\w-]*/g;
// Well-known API key shapes (Stripe, PostHog, GitHub, Slack, AWS, Sentry user tokens).
const API_KEY_RE =
  /\bwhsec_[\w-]{16,}|\b(?:sk|pk|rk)_(?:live|test)_[\w]{8,}|\bph[cx]_[\w]{16,}|\bgh[pousr]_[\w]{20,}|\bgithub_pat_[\w]{20,}|\bxox[abpr]-[\w-]{10,}|\bAKIA[A-Z\d]{16}\b|\bsntry[su]_[\w=+/]{20,}/g;
// Secrets that live in URL paths: heartbeat tokens and Slack incoming-webhook paths.
const SECRET_PATH_RE =
  /(\/api\/v1\/heartbeat\/|hooks\.slack\.com\/(?:services|workflows|triggers)\/)[^\s?#"'<>:,;)]+/gi;
const COOKIE_RE = /\b((?:set-)?cookie)\s*([:=])\s*[^\n]+/gi;
const QUERY_PARAM_RE = /([?&;])([^=&#\s?;"'<>]+)=([^&#\s"'<>;]*)/g;
const KEY_VALUE_RE =
  /\b(passw(?:or)?d|pwd|secret|token|api[-_]?key|access[-_]?token|refresh[-_]?token|client[-_]?secret)(["']?\s*[:=]\s*)(["']?)[^\s"',;&]+/gi;

/** No pattern runs on more than this; longer strings are cut (Sentry itself keeps far less of a value). */
export const MAX_SCRUB_CHARS = 16_384;
export const TRUNCATED = "…[truncated]";
// Characters that end every secret shape above; a cut elsewhere backs up to one, so no half-secret stays unmatched.
const TOKEN_END = /[\s"'<>,;&]/;

function capped(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  if (!TOKEN_END.test(text[end]!)) while (end > 0 && !TOKEN_END.test(text[end - 1]!)) end--;
  return text.slice(0, end) + TRUNCATED;
}

/** Removes emails, auth tokens, API keys, cookies and secret query parameters from free text (cut to `maxChars`). */
export function scrubString(input: string, maxChars = MAX_SCRUB_CHARS): string {
  if (input.length < 4) return input;
  const text = capped(input, maxChars);
  return text
    .replace(COOKIE_RE, (_m, name: string, sep: string) => `${name}${sep} ${REDACTED}`)
    .replace(AUTH_SCHEME_RE, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT_RE, REDACTED)
    .replace(SECRET_PATH_RE, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(API_KEY_RE, REDACTED)
    .replace(QUERY_PARAM_RE, (m, sep: string, name: string) =>
      SECRET_PARAM.test(percentDecode(name)) ? `${sep}${name}=${REDACTED}` : m,
    )
    .replace(KEY_VALUE_RE, (_m, name: string, sep: string, quote: string) => `${name}${sep}${quote}${REDACTED}`)
    .replace(EMAIL_RE, EMAIL);
}

/** A bare query string (`a=1&token=x`), as Sentry stores it in `request.query_string`. */
export function scrubQueryString(query: string): string {
  return scrubString(`?${query}`).slice(1);
}

// Byte-wise and without exceptions (a throw per malformed name made "%=;%=;…" slow); names compared are ASCII.
const percentDecode = (s: string) =>
  s.includes("%") ? s.replace(/%([\da-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

// Internal or structural fields that carry no user data; skipping them also keeps the SDK's own bookkeeping intact.
const SKIP_KEYS = new Set([
  "sdkProcessingMetadata",
  "sdk",
  "debug_meta",
  "event_id",
  "timestamp",
  "start_timestamp",
  "release",
  "environment",
  "platform",
  "level",
  "trace_id",
  "span_id",
  "parent_span_id",
]);
const MAX_DEPTH = 12;

/** Deep copy of any JSON-like value with secret keys redacted and every string scrubbed. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SKIP_KEYS.has(key)) out[key] = v;
    else if (key === "query_string" && typeof v === "string") out[key] = scrubQueryString(v);
    else if ((key.length > MAX_SCRUB_CHARS || SECRET_KEY.test(key)) && v !== null && v !== undefined && v !== "")
      out[key] = REDACTED;
    else out[key] = scrubValue(v, depth + 1);
  }
  return out;
}

type SentryLikeEvent = { request?: { cookies?: unknown }; user?: { id?: unknown } };

/** beforeSend / beforeSendTransaction: cookies and user identity beyond an id are dropped, the rest is scrubbed. */
export function scrubEvent<E extends SentryLikeEvent>(event: E): E {
  const copy = { ...event };
  if (copy.request) {
    const { cookies: _cookies, ...request } = copy.request;
    copy.request = request;
  }
  if (copy.user) copy.user = copy.user.id === undefined ? {} : { id: copy.user.id };
  return scrubValue(copy) as E;
}

/** beforeBreadcrumb: URLs, console messages and fetch data are scrubbed like events. */
export function scrubBreadcrumb<B extends object>(breadcrumb: B): B {
  return scrubValue(breadcrumb) as B;
}

/** The same hooks for the browser, server and edge SDKs. */
export const scrubHooks = {
  beforeSend: scrubEvent,
  beforeSendTransaction: scrubEvent,
  beforeBreadcrumb: scrubBreadcrumb,
};
