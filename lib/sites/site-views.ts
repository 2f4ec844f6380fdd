import "server-only";
import { cache } from "react";
import { instanceOrigin } from "@/lib/settings/instance-url";
import { installSnippets, secretPlaceholder, type InstallSnippets } from "@/lib/sites/install-snippets";
import { listSites } from "@/lib/sites/site-repository";
import { VIGIL_SITE_ID } from "@/lib/sites/vigil-site";

/** A site as the console shell names it (switcher, headers): any signed-in user may see these. */
export type SiteOption = { slug: string; name: string };

/** A site as Settings → Sites shows it to admins: its public key and the hint of its server key, never the key. */
export type SiteSettingsView = SiteOption & {
  id: number;
  /** Vigil's own site: its slug stays and it cannot be deleted. */
  own: boolean;
  allowedOrigins: string[];
  publicKey: string;
  /** `sk_…abcd`, or null before a server key was made. */
  secretHint: string | null;
  secretRotatedAt: string | null;
  createdAt: string;
  snippets: InstallSnippets;
};

/** What a create or rotate answers, once: the new server key (only its hash is kept). */
export type SiteKeyShown = { slug: string; name: string; secretKey: string };

export const siteOption = (s: SiteOption): SiteOption => ({ slug: s.slug, name: s.name });

/** Every site for the switcher, oldest first (Vigil's own leads); one query per request, however many ask. */
export const loadSiteOptions = cache(async (): Promise<SiteOption[]> => (await listSites()).map(siteOption));

/** Settings → Sites (admins only: the page decides). */
export async function loadSiteSettings(): Promise<SiteSettingsView[]> {
  const origin = instanceOrigin();
  return (await listSites()).map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    own: s.id === VIGIL_SITE_ID,
    allowedOrigins: s.allowedOrigins,
    publicKey: s.publicKey,
    secretHint: s.secretHint ? secretPlaceholder(s.secretHint) : null,
    secretRotatedAt: s.secretRotatedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    snippets: installSnippets({ origin, publicKey: s.publicKey, secretHint: s.secretHint }),
  }));
}
