// Pure classification of database errors. They arrive raw from pg, wrapped by the Prisma driver adapter, or as
// Prisma errors, so each check walks the cause chain.

// SQLSTATE classes 08 (connection exception) and 53 (insufficient resources: too many connections, disk full),
// and 57P01–57P03 (server shutting down, crashed, not accepting connections yet).
const UNAVAILABLE_SQLSTATE = /^(08|53)[0-9A-Z]{3}$|^57P0[123]$/;
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
]);
// P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Connection refused|server closed the connection unexpectedly/i;

type Shape = {
  code?: unknown;
  kind?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  originalCode?: unknown;
};

function matches(e: Shape): boolean {
  const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : undefined;
  if (code && (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.name === "PrismaClientInitializationError") return true;
  return typeof e.message === "string" && MESSAGES.test(e.message.slice(0, 2_000));
}

// Causes nest (Prisma error → DriverAdapterError → { kind } → pg error); a bounded walk guards against cycles.
function someCause(err: unknown, test: (e: Shape) => boolean): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current !== null && typeof current === "object"; depth++) {
    if (test(current as Shape)) return true;
    if (current instanceof AggregateError && current.errors.some((e) => someCause(e, test))) return true;
    current = (current as Shape).cause;
  }
  return false;
}

/** "The database cannot be reached right now" (retry later), as opposed to "this statement is wrong". */
export const isDatabaseUnavailable = (err: unknown): boolean => someCause(err, matches);

// Class 22 (data exception: bad text, out of range) and 23 (integrity: unique, not null, check): the rows are at
// fault, not the database, so a batch holding them can be split and the rest stored.
const DATA_SQLSTATE = /^2[23][0-9A-Z]{3}$/;

/** The statement failed because of the values it carried. */
export const isDataError = (err: unknown): boolean =>
  someCause(
    err,
    (e) =>
      (typeof e.code === "string" && DATA_SQLSTATE.test(e.code)) ||
      (typeof e.originalCode === "string" && DATA_SQLSTATE.test(e.originalCode)),
  );
