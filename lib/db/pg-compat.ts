import pg from "pg";

// Column type OIDs that @prisma/adapter-pg cannot deserialize (prisma/orm#27403) mapped to text equivalents:
// char (18) and name (19) → text (25); char[] (1002) and name[] (1003) → text[] (1009).
const TEXT_EQUIVALENT = new Map<number, number>([
  [18, 25],
  [19, 25],
  [1002, 1009],
  [1003, 1009],
]);

type RowDescription = { fields: Array<{ dataTypeID: number }> };
type RowDescriptionHandler = (this: pg.Client, msg: RowDescription) => void;

// pg has no public hook between a row description and its parsers; fail loudly if a pg upgrade moves it.
const baseHandler = (pg.Client.prototype as unknown as { _handleRowDescription?: RowDescriptionHandler })
  ._handleRowDescription;
if (typeof baseHandler !== "function") {
  throw new Error("pg-compat: pg.Client#_handleRowDescription not found; re-check the prisma/orm#27403 mend");
}

/** pg.Client that reports char/name columns as text so the Prisma pg adapter can read catalog queries. */
export class PgCompatClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection that drops while this client is checked out but between queries emits "error"; with no listener
    // that is an uncaught exception. The pool still sees the client is no longer queryable and discards it.
    this.on("error", () => undefined);
  }

  _handleRowDescription(msg: RowDescription): void {
    for (const field of msg.fields) {
      field.dataTypeID = TEXT_EQUIVALENT.get(field.dataTypeID) ?? field.dataTypeID;
    }
    baseHandler!.call(this, msg);
  }
}

/** Returns the connection string with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Double-quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
