import { describe, expect, it } from "vitest";
import { alertmanagerConfig } from "./example-configs";

describe("Alertmanager example", () => {
  const config = alertmanagerConfig();

  it("groups every route by site and SLO, so one site's alerts never share a notification with another's", () => {
    for (const route of [config.route, ...config.route.routes]) {
      expect(route.group_by.slice(0, 2), route.receiver).toEqual(["site", "slo"]);
    }
  });

  it("lets a page mute the ticket of its own SLO on its own site only", () => {
    expect(config.inhibit_rules).toEqual([
      { source_matchers: ['severity="page"'], target_matchers: ['severity="ticket"'], equal: ["site", "slo"] },
    ]);
    expect(config.receivers[1]!.slack_configs![0]!.title).toContain("{{ .CommonLabels.site }}");
  });
});
