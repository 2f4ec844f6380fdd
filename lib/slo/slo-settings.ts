import "server-only";
import { measuresText } from "@/lib/slo/report-model";
import { formFromSpec, type SloFormValues } from "@/lib/slo/slo-form";
import { listStoredSlos } from "@/lib/slo/slo-store";
import { versionLabel } from "@/lib/slo/slo-version";
import type { SloKind, SloWindow } from "@/lib/slo/spec";

export type SloSetting = {
  id: string;
  name: string;
  kind: SloKind;
  objective: number;
  window: SloWindow;
  measures: string;
  paused: boolean;
  versionLabel: string;
  form: SloFormValues;
};

/** Settings → SLOs of one site: every stored SLO, paused ones included, with the form to edit it. */
export async function loadSloSettings(siteId: number): Promise<SloSetting[]> {
  return (await listStoredSlos(siteId)).map((s) => ({
    id: s.spec.id,
    name: s.spec.name,
    kind: s.spec.kind,
    objective: s.spec.objective,
    window: s.spec.window,
    measures: measuresText(s.spec),
    paused: s.paused,
    versionLabel: versionLabel(s.version, s.since),
    form: formFromSpec(s.spec),
  }));
}
