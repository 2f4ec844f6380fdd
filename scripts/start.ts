// `npm start`: prepares secrets and the database, builds when sources changed, then serves with `next start`.
import "dotenv/config";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureBuild } from "./ensure-build";
import { localSecret } from "./local-secrets";
import { startEmbeddedPostgres } from "./db/embedded";
import { migrateDeploy } from "./db/migrate";

const root = resolve(import.meta.dirname, "..");
const stateDir = join(root, ".vigil");
const dev = process.argv.includes("--dev");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const say = (line: string) => console.log(`[vigil] ${line}`);

// Async on purpose: this process hosts the embedded database, which must keep answering while children run.
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    spawn(cmd, args, { cwd: root, env, stdio: "inherit" })
      .on("error", fail)
      .on("exit", (code, signal) =>
        code === 0 ? done() : fail(new Error(`${[cmd, ...args].join(" ")} exited with ${code ?? signal}`)),
      );
  });
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const host = env.HOSTNAME && env.HOSTNAME !== "localhost" ? env.HOSTNAME : "127.0.0.1";
  const port = Number(env.PORT ?? 3000);
  env.AUTH_URL ??= `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  env.AUTH_SECRET ??= localSecret(stateDir, "auth-secret", 32).value;
  const generatedPassword = env.VIGIL_ADMIN_PASSWORD ? null : localSecret(stateDir, "admin-password", 18);
  env.VIGIL_ADMIN_PASSWORD ??= generatedPassword?.value;

  let stopDatabase = async () => {};
  if (!env.DATABASE_URL) {
    const dbPort = Number(env.VIGIL_EMBEDDED_DB_PORT ?? 54329);
    say(`DATABASE_URL is not set: starting the embedded PGlite database (.vigil/pgdata, 127.0.0.1:${dbPort})`);
    const embedded = await startEmbeddedPostgres({ dataDir: join(stateDir, "pgdata"), port: dbPort });
    env.DATABASE_URL = embedded.url;
    env.VIGIL_DB_EMBEDDED = "1";
    stopDatabase = embedded.stop;
  }
  Object.assign(process.env, env);
  // Fails here, naming the variable, before any build starts.
  await import("../lib/env.js");

  if (!existsSync(join(root, "lib/db/generated"))) await run(bin("prisma"), ["generate"], env);
  say("applying database migrations");
  await migrateDeploy(env.DATABASE_URL!);

  if (!dev) await ensureBuild(root, env, say);

  const child = spawn(bin("next"), [dev ? "dev" : "start", "-H", host, "-p", String(port)], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  say(`Vigil: http://${host}:${port}  ·  sign in at http://${host}:${port}/login`);
  if (generatedPassword)
    say(
      `admin: ${env.VIGIL_ADMIN_EMAIL ?? "admin@vigil.local"}  ·  password: run \`cat .vigil/admin-password\` (generated${generatedPassword.created ? " just now" : " on first start"})`,
    );
  else say(`admin: ${env.VIGIL_ADMIN_EMAIL ?? "admin@vigil.local"} with the password from VIGIL_ADMIN_PASSWORD`);

  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", async (code, signal) => {
    await stopDatabase().catch((err) => console.error("[vigil] stopping the embedded database failed:", err));
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((err) => {
  console.error(`[vigil] start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
