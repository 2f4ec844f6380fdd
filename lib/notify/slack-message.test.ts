import { describe, expect, it } from "vitest";
import type { NotificationEvent } from "./event";
import { consoleLink, escapeSlack, slackMessage } from "./slack-message";

const event: NotificationEvent = {
  key: "alert:42:firing",
  type: "alert.firing",
  severity: "page",
  title: "API availability <99.9%> & falling",
  summary: "Burn rate 14.4× over 1 h & 5 m: <script> stays text",
  path: "/admin/alerts?id=42&x=a|b",
  at: "2026-12-01T10:00:00.000Z",
  data: {},
};

describe("escapeSlack", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeSlack("a & b < c > d *e* _f_ `g`")).toBe("a &amp; b &lt; c &gt; d *e* _f_ `g`");
    expect(escapeSlack("&amp;")).toBe("&amp;amp;");
  });
});

describe("slackMessage", () => {
  it("builds text plus header, section and context blocks, escaping mrkdwn and linking to the console", () => {
    const m = slackMessage(event, "https://vigil.example.com/base");
    const link = "https://vigil.example.com/admin/alerts?id=42&amp;x=a%7Cb";
    expect(m).toEqual({
      text: `🔴 Page · Alert firing: API availability &lt;99.9%&gt; &amp; falling <${link}|Open in Vigil>`,
      blocks: [
        { type: "header", text: { type: "plain_text", text: "API availability <99.9%> & falling", emoji: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*🔴 Page* · Alert firing\nBurn rate 14.4× over 1 h &amp; 5 m: &lt;script&gt; stays text",
          },
        },
        {
          type: "context",
          elements: [
            { type: "mrkdwn", text: "<!date^1796119200^{date_short_pretty} {time_secs}|2026-12-01T10:00:00.000Z>" },
            { type: "mrkdwn", text: `<${link}|Open in Vigil>` },
          ],
        },
      ],
    });
  });

  it("leaves the link out without a base URL or a path, and labels resolutions and tests", () => {
    const resolved = slackMessage(
      { ...event, type: "alert.resolved", severity: "ticket", path: undefined, summary: "" },
      "https://vigil.example.com",
    );
    expect(resolved.text).toBe("🟠 Ticket · ✅ Alert resolved: API availability &lt;99.9%&gt; &amp; falling");
    expect(resolved.blocks[1]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "*🟠 Ticket* · ✅ Alert resolved" },
    });
    expect(resolved.blocks[2]).toMatchObject({ elements: [expect.anything()] });
    expect(slackMessage({ ...event, type: "test", severity: "info" }).text).toBe(
      "🔵 Info · Test notification: API availability &lt;99.9%&gt; &amp; falling",
    );
  });

  it("stays within Slack's block limits without cutting an entity in half", () => {
    const long = slackMessage({ ...event, title: "T".repeat(200), summary: "&".repeat(2000) });
    expect(long.blocks[0]).toMatchObject({ text: { text: `${"T".repeat(149)}…` } });
    const section = (long.blocks[1] as { text: { text: string } }).text.text;
    expect(section.length).toBeLessThanOrEqual(3000);
    expect(section).toMatch(/(&amp;)+…$/);
  });
});

describe("consoleLink", () => {
  it("resolves the event path against AUTH_URL", () => {
    expect(consoleLink("/admin/uptime", "http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000/admin/uptime");
    expect(consoleLink(undefined, "http://127.0.0.1:3000")).toBeNull();
    expect(consoleLink("/admin", undefined)).toBeNull();
  });
});
