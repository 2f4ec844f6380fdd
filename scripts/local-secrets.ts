import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Reads a secret from the state folder, creating it (mode 0600) on first use, so restarts keep sessions valid. */
export function localSecret(stateDir: string, name: string, bytes: number): { value: string; created: boolean } {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = join(stateDir, name);
  if (existsSync(file)) return { value: readFileSync(file, "utf8").trim(), created: false };
  const value = randomBytes(bytes).toString("base64url");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}
