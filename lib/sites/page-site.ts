import "server-only";
import { notFound } from "next/navigation";
import { findSiteBySlug, type Site } from "@/lib/sites/site-repository";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";

type SearchParams = Record<string, string | string[] | undefined>;

/** The site a console page shows: `?site=<slug>`, Vigil's own without one; an unknown slug is the 404 page. */
export async function pageSite(searchParams: SearchParams | Promise<SearchParams>): Promise<Site> {
  const raw = (await searchParams).site;
  const slug = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 40) || VIGIL_SITE_SLUG;
  const site = await findSiteBySlug(slug);
  if (!site) notFound();
  return site;
}
