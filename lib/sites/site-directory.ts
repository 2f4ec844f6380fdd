import "server-only";
import { processSingleton } from "@/lib/process-singleton";
import { hashSecret, PUBLIC_KEY, SECRET_KEY } from "@/lib/sites/keys";
import { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { listSiteKeys, type SiteKeys } from "@/lib/sites/site-repository";

// Every beacon and OTLP push names its site by key: answered from memory. The whole table is reloaded every
// REFRESH_MS (sites are few) and on an unknown key at most once per MISS_RELOAD_MS, so random keys cost no query
// each. Changes made on this instance apply at once (invalidate); other instances follow within REFRESH_MS.
const REFRESH_MS = 30_000;
const MISS_RELOAD_MS = 1_000;

type Snapshot = {
  byPublicKey: Map<string, SiteKeys>;
  bySecretHash: Map<string, SiteKeys>;
  bySlug: Map<string, SiteKeys>;
  byId: Map<number, SiteKeys>;
};
type Directory = { snapshot: Snapshot | null; loadedAt: number; loading: Promise<Snapshot> | null };

const directory = () =>
  processSingleton<Directory>("siteDirectory", () => ({ snapshot: null, loadedAt: 0, loading: null }));

function load(d: Directory): Promise<Snapshot> {
  d.loading ??= listSiteKeys()
    .then((sites) => {
      const snapshot: Snapshot = {
        byPublicKey: new Map(),
        bySecretHash: new Map(),
        bySlug: new Map(),
        byId: new Map(),
      };
      for (const s of sites) {
        snapshot.byId.set(s.id, s);
        snapshot.byPublicKey.set(s.publicKey, s);
        snapshot.bySlug.set(s.slug, s);
        if (s.secretHash) snapshot.bySecretHash.set(s.secretHash, s);
      }
      d.snapshot = snapshot;
      d.loadedAt = Date.now();
      return snapshot;
    })
    .finally(() => {
      d.loading = null;
    });
  return d.loading;
}

async function lookup(pick: (s: Snapshot) => SiteKeys | undefined): Promise<SiteKeys | null> {
  const d = directory();
  const age = Date.now() - d.loadedAt;
  const snapshot = d.snapshot && age < REFRESH_MS ? d.snapshot : await load(d);
  const found = pick(snapshot);
  if (found || age < MISS_RELOAD_MS || snapshot !== d.snapshot) return found ?? null;
  return pick(await load(d)) ?? null;
}

/** The site a beacon's public key names, or null. */
export function siteByPublicKey(key: string): Promise<SiteKeys | null> {
  if (!PUBLIC_KEY.test(key)) return Promise.resolve(null);
  return lookup((s) => s.byPublicKey.get(key));
}

/** The site a server key belongs to, or null (the key itself is never kept, only its SHA-256). */
export function siteBySecret(secret: string): Promise<SiteKeys | null> {
  if (!SECRET_KEY.test(secret)) return Promise.resolve(null);
  const hash = hashSecret(secret);
  return lookup((s) => s.bySecretHash.get(hash));
}

export function siteBySlugCached(slug: string): Promise<SiteKeys | null> {
  return lookup((s) => s.bySlug.get(slug));
}

/**
 * A site's slug for metric labels, from memory (no await on hot paths): a site this process has not loaded yet is
 * labelled by its id until the next refresh, which this call starts.
 */
export function siteSlugOf(id: number): string {
  if (id === VIGIL_SITE_ID) return VIGIL_SITE_SLUG;
  const d = directory();
  const found = d.snapshot?.byId.get(id);
  if (!found || Date.now() - d.loadedAt >= REFRESH_MS) void load(d).catch(() => undefined);
  return found?.slug ?? String(id);
}

/** After a site was created, edited, rotated or deleted on this instance. */
export function invalidateSiteDirectory(): void {
  directory().loadedAt = 0;
}
