import specs, { vigilOwnSlos } from "@/config/slos";
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

let own: SloSpec[] | undefined;

/** SLOs only Vigil's own site has (migration 0010 seeds them for site 1), e.g. its notification deliveries. */
export function vigilOwnSloSpecs(): SloSpec[] {
  own ??= parseSloSpecs(vigilOwnSlos);
  return own;
}
