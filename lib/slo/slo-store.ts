import "server-only";
import type { z } from "zod";
import { db, Prisma, type DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defaultSloSpecs } from "@/lib/slo/slo-defaults";
import {
  countSloRows,
  deleteSloRow,
  insertSloRow,
  readSloRow,
  readSloRows,
  readSloVersions,
  saveSloSpec,
  setSloPaused,
  type SloRow,
} from "@/lib/slo/slo-store-repository";
import { startsNewVersion, versionSince } from "@/lib/slo/slo-version";
import { SloSpec } from "@/lib/slo/spec";

/** An SLO as a site stores it: the spec, whether it is paused, and which version of its definition runs. */
export type StoredSlo = {
  spec: SloSpec;
  paused: boolean;
  version: number;
  versionStartedAt: Date;
  /** Where budgets and charts of this version start (null for version 1: all data counts). */
  since: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
/** What the measuring code needs of an SLO: its spec, and since when its current version measures. */
export type VersionedSpec = { spec: SloSpec; version: number; since: Date | null };

export const MAX_SLOS_PER_SITE = 100;

/** Plain specs (tests, the generator's defaults) measure as version 1. */
export const versioned = (s: SloSpec | VersionedSpec): VersionedSpec =>
  "spec" in s ? s : { spec: s, version: 1, since: null };

/** Stored rows are validated again on read: a row the current schema refuses fails loudly, naming itself. */
function storedSlo(row: SloRow): StoredSlo {
  const parsed = SloSpec.safeParse(row.spec);
  if (!parsed.success || parsed.data.id !== row.slo) {
    const problems = parsed.success
      ? [`id "${parsed.data.id}" does not match the row`]
      : parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Invalid stored SLO "${row.slo}" of site ${row.siteId}: ${problems.join("; ")}`);
  }
  const { paused, version, versionStartedAt, createdAt, updatedAt } = row;
  return {
    spec: parsed.data,
    paused,
    version,
    versionStartedAt,
    since: versionSince(version, versionStartedAt),
    createdAt,
    updatedAt,
  };
}

/** Every SLO of a site, paused ones included, in creation order. Read per call: an edit shows at once. */
export async function listStoredSlos(siteId: number, client: DbClient = db): Promise<StoredSlo[]> {
  return (await readSloRows(siteId, client)).map(storedSlo);
}

/** The SLOs a site measures and alerts on: every stored one that is not paused. */
export async function activeSlos(siteId: number, client: DbClient = db): Promise<StoredSlo[]> {
  return (await listStoredSlos(siteId, client)).filter((s) => !s.paused);
}

export async function getStoredSlo(siteId: number, id: string): Promise<StoredSlo | null> {
  const row = await readSloRow(siteId, id);
  return row ? storedSlo(row) : null;
}

export async function sloVersions(siteId: number, id: string) {
  return readSloVersions(siteId, id);
}

/** The form field an issue belongs to: `alerting.minEvents` is the field `minEvents`, `routes.3` is `routes`. */
const fieldOf = (path: readonly PropertyKey[]) => String(path[0] === "alerting" && path[1] ? path[1] : (path[0] ?? ""));

function invalid(error: z.ZodError): AppError {
  const details = error.issues.map((i) => ({ path: fieldOf(i.path), message: i.message }));
  const first = error.issues[0];
  const where = first?.path.length ? `${fieldOf(first.path)}: ` : "";
  return new AppError("validation_failed", `The SLO is not valid. ${where}${first?.message ?? ""}`.trim(), { details });
}

/** Validates a spec from outside (a form, an API body); refusals name every field. */
export function parseSloInput(input: unknown): SloSpec {
  const parsed = SloSpec.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

const json = (spec: SloSpec) => spec as unknown as Prisma.InputJsonValue;
const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

export async function createSlo(siteId: number, input: unknown, now = new Date()): Promise<StoredSlo> {
  const spec = parseSloInput(input);
  if ((await countSloRows(siteId)) >= MAX_SLOS_PER_SITE)
    throw new AppError("bad_request", `A site has at most ${MAX_SLOS_PER_SITE} SLOs; delete one first.`);
  try {
    await insertSloRow(siteId, spec.id, json(spec), now);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const message = `This site already has an SLO "${spec.id}".`;
    throw new AppError("validation_failed", message, { details: [{ path: "id", message }] });
  }
  return (await getStoredSlo(siteId, spec.id))!;
}

/**
 * Saves a new spec over an SLO. Its id keys alerts and stays; a changed objective or SLI starts a new version
 * (the old one is kept), other edits update the current version in place.
 */
export async function updateSlo(
  siteId: number,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<{ slo: StoredSlo; newVersion: boolean }> {
  const spec = parseSloInput(input);
  if (spec.id !== id) {
    const message = "The id keys this SLO's alerts and cannot change; create a new SLO instead.";
    throw new AppError("validation_failed", message, { details: [{ path: "id", message }] });
  }
  const current = await getStoredSlo(siteId, id);
  if (!current) throw new AppError("not_found", `No SLO "${id}" on this site.`);
  const newVersion = startsNewVersion(current.spec, spec);
  const saved = await db.$transaction((tx) =>
    saveSloSpec(siteId, id, json(spec), current.version, newVersion, now, tx),
  );
  if (!saved) throw new AppError("bad_request", "Someone else changed this SLO meanwhile; reload and try again.");
  return { slo: (await getStoredSlo(siteId, id))!, newVersion };
}

/** Paused SLOs are neither measured nor alerted on; their open alerts resolve at the next evaluation. */
export async function setSloPausedState(siteId: number, id: string, paused: boolean): Promise<void> {
  if ((await setSloPaused(siteId, id, paused)) === 0) throw new AppError("not_found", `No SLO "${id}" on this site.`);
}

/** Deletes an SLO and its versions; its open alerts resolve at the next evaluation, its history stays. */
export async function deleteSlo(siteId: number, id: string): Promise<void> {
  if ((await deleteSloRow(siteId, id)) === 0) throw new AppError("not_found", `No SLO "${id}" on this site.`);
}

/** A new site's SLOs: the defaults of config/slos.ts, in the transaction that creates the site. */
export async function seedDefaultSlos(siteId: number, client: DbClient, now = new Date()): Promise<void> {
  for (const spec of defaultSloSpecs()) await insertSloRow(siteId, spec.id, json(spec), now, client);
}
