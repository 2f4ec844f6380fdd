// The CLI stops reading .env once this file exists, so load it here.
import "dotenv/config";
import { defineConfig } from "prisma/config";
import { createMigrateAdapter, unrefSchemaEngineTimers } from "./lib/db/migrate-adapter";

const databaseUrl = process.env.DATABASE_URL;
// If env("DATABASE_URL") cannot resolve, the CLI loses the generator's engineType and tries to download a
// native query engine (fails offline). `prisma generate` never connects, so a placeholder is enough.
process.env.DATABASE_URL ??= "postgresql://unset@127.0.0.1:9/unset";

unrefSchemaEngineTimers();

// Prisma 6.19 with the bundled WASM schema engine over @prisma/adapter-pg; see docs/adr/0001.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    if (!databaseUrl) throw new Error("DATABASE_URL must be set for prisma migrate/db commands");
    return createMigrateAdapter(databaseUrl);
  },
});
