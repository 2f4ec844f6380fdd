import { describe, expect, it } from "vitest";
import { RouteInput, RouteKey } from "@/lib/notify/route-input";

describe("RouteInput", () => {
  it("turns ticked checkboxes into severities, in routing order", () => {
    expect(RouteInput.parse({ site: "shop", channelId: "c1", info: "on", page: "on" })).toEqual({
      site: "shop",
      channelId: "c1",
      severities: ["page", "info"],
    });
  });

  it("refuses no severity, no channel and a bad site slug, with the field named", () => {
    const none = RouteInput.safeParse({ site: "shop", channelId: "c1" });
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["page", "Tick at least one severity."]]);
    const noChannel = RouteInput.safeParse({ site: "shop", channelId: "", page: "on" });
    expect(noChannel.error?.issues.map((i) => i.path[0])).toEqual(["channelId"]);
    expect(RouteInput.safeParse({ site: "Not A Slug!", channelId: "c1", page: "on" }).success).toBe(false);
  });

  it("a route key takes only known severities and operations", () => {
    expect(RouteKey.safeParse({ op: "test", site: "shop", severity: "budget", channelId: "c1" }).success).toBe(true);
    expect(RouteKey.safeParse({ op: "test", site: "shop", severity: "critical", channelId: "c1" }).success).toBe(false);
    expect(RouteKey.safeParse({ op: "drop", site: "shop", severity: "page", channelId: "c1" }).success).toBe(false);
  });
});
