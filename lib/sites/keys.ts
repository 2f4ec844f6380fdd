import { createHash, randomInt, timingSafeEqual } from "node:crypto";

// A site's public key names it in beacons (it is in page HTML); its server key authenticates server-to-server
// calls (OTLP) and is kept only as a SHA-256, shown to the admin once. Base62, so both survive any header or URL.
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export { PUBLIC_KEY, SECRET_KEY } from "@/lib/sites/key-format";
import { SECRET_KEY } from "@/lib/sites/key-format";

const randomBase62 = (length: number) => Array.from({ length }, () => BASE62[randomInt(62)]).join("");

export const newPublicKey = () => `pk_${randomBase62(24)}`;
export const newSecretKey = () => `sk_${randomBase62(32)}`;

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
/** The last four characters, so an admin can tell which key a service holds without the key itself. */
export const secretHint = (secret: string) => secret.slice(-4);

/** Constant-time comparison of a presented key with a stored hash; false for anything not shaped like a key. */
export function secretMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash || !SECRET_KEY.test(presented)) return false;
  const a = Buffer.from(hashSecret(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
