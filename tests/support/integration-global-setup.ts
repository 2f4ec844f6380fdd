import type { TestProject } from "vitest/node";
import { provisionTestDatabase } from "../../scripts/db/provision";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseEmbedded: boolean;
  }
}

// One fresh database per run: a new database on DATABASE_URL's server, or a new PGlite data folder without it.
export default async function setup(project: TestProject) {
  const database = await provisionTestDatabase({ label: "integration" });
  project.provide("databaseUrl", database.url);
  project.provide("databaseEmbedded", database.embedded);
  return () => database.teardown();
}
