import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const prismaBin = path.join(repoRoot, "node_modules", ".bin", "prisma");

/** Applies prisma/migrations to the database at url with the local Prisma CLI (`migrate deploy`). */
export function migrateDeploy(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      prismaBin,
      ["migrate", "deploy"],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        timeout: 120_000,
        maxBuffer: 10 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve();
        const output = `${stdout}\n${stderr}`.trim();
        reject(new Error(`prisma migrate deploy failed (${error.message.split("\n")[0]}):\n${output}`));
      },
    );
  });
}
