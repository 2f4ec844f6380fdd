import specs from "@/config/slos";
import { parseSloSpecs, type SloSpec } from "@/lib/slo/spec";

let loaded: SloSpec[] | undefined;

/** The SLOs of config/slos.ts, validated once; a bad file throws with every problem named. */
export function sloSpecs(): SloSpec[] {
  loaded ??= parseSloSpecs(specs);
  return loaded;
}

export const sloSpec = (id: string): SloSpec | undefined => sloSpecs().find((s) => s.id === id);
