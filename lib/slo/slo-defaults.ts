import specs from "@/config/slos";
import { parseSloSpecs, type SloSpec } from "@/lib/slo/spec";

let loaded: SloSpec[] | undefined;

/**
 * The SLOs of config/slos.ts, validated once: the defaults a new site is seeded with (and migration 0010 seeded
 * every existing site with), and what `npm run monitoring:generate` renders. Sites read their own stored specs.
 */
export function defaultSloSpecs(): SloSpec[] {
  loaded ??= parseSloSpecs(specs);
  return loaded;
}
