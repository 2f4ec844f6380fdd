import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Migration folder names in apply order: what a freshly migrated database must list. */
export const MIGRATIONS = readdirSync(fileURLToPath(new URL("../../prisma/migrations", import.meta.url)), {
  withFileTypes: true,
})
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
