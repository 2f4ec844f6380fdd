import "server-only";
import { env } from "@/lib/env.js";

// Where this instance is reached from outside: heartbeat ping URLs, the self-probe, the install snippets of sites.
const base = () => env.AUTH_URL ?? `http://127.0.0.1:${env.PORT}`;

/** An absolute URL of this instance: AUTH_URL's origin, or http://127.0.0.1:$PORT as `npm start` serves it. */
export const instanceUrl = (path: string) => new URL(path, base()).href;

/** This instance's origin (`scheme://host[:port]`, no trailing slash), for snippets that append their own paths. */
export const instanceOrigin = () => new URL(base()).origin;
