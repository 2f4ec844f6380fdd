import { describe, expect, it } from "vitest";
import { emailMessage, figureLines } from "@/lib/notify/email-message";
import type { NotificationEvent } from "@/lib/notify/event";

const event: NotificationEvent = {
  key: "alert:42:firing",
  type: "alert.firing",
  severity: "ticket",
  title: "Shop <checkout> & payments\r\nBcc: evil@example.com",
  summary: "Burn rate 3.2× over 1 d & 2 h",
  path: "/admin/alerts?site=shop",
  at: "2026-12-01T10:00:00.000Z",
  data: { site: "shop", slo: "checkout", figures: { longBurn: 3.2, long: { good: 990, total: 1000 } }, note: null },
};

describe("emailMessage", () => {
  it("puts severity, what and title on one subject line (no header injection)", () => {
    expect(emailMessage(event).subject).toBe(
      "[Vigil] TICKET · Alert firing: Shop <checkout> & payments Bcc: evil@example.com",
    );
  });

  it("writes text with the summary, an absolute console link and the figures", () => {
    expect(emailMessage(event, "https://vigil.example.com").text).toBe(
      [
        "Shop <checkout> & payments\r\nBcc: evil@example.com",
        "",
        "TICKET · Alert firing",
        "Burn rate 3.2× over 1 d & 2 h",
        "",
        "Open in Vigil: https://vigil.example.com/admin/alerts?site=shop",
        "",
        "Figures:",
        "  site: shop",
        "  slo: checkout",
        "  figures.longBurn: 3.2",
        "  figures.long.good: 990",
        "  figures.long.total: 1000",
        "  note: null",
        "",
        "At 2026-12-01T10:00:00.000Z",
      ].join("\n"),
    );
  });

  it("escapes everything from the event in the HTML part", () => {
    const { html } = emailMessage(event, "https://vigil.example.com");
    expect(html).toContain("<h2>Shop &lt;checkout&gt; &amp; payments");
    expect(html).toContain('<a href="https://vigil.example.com/admin/alerts?site=shop">Open in Vigil</a>');
    expect(html).toContain('<tr><th align="left">figures.longBurn</th><td>3.2</td></tr>');
    expect(html).not.toContain("<checkout>");
  });

  it("has no link without a base URL", () => {
    const m = emailMessage(event);
    expect(m.text).not.toContain("Open in Vigil");
    expect(m.html).not.toContain("<a ");
  });
});

describe("figureLines", () => {
  it("is bounded in count and value length", () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, "x".repeat(300)]));
    const lines = figureLines(many);
    expect(lines).toHaveLength(40);
    expect(lines[0]![1]).toHaveLength(200);
  });
});
