import type { NotificationEvent } from "@/lib/notify/event";

/** Slack's control characters in mrkdwn text; anything else (including `*` and `_`) is left as written. */
export const escapeSlack = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const SEVERITY: Record<NotificationEvent["severity"], string> = {
  page: "🔴 Page",
  ticket: "🟠 Ticket",
  budget: "🟡 Budget",
  info: "🔵 Info",
};
const WHAT: Record<NotificationEvent["type"], string> = {
  "alert.firing": "Alert firing",
  "alert.resolved": "✅ Alert resolved",
  "incident.opened": "Incident opened",
  "incident.resolved": "✅ Incident resolved",
  test: "Test notification",
};

type TextObject = { type: "plain_text" | "mrkdwn"; text: string; emoji?: boolean };
export type SlackBlock =
  | { type: "header"; text: TextObject }
  | { type: "section"; text: TextObject }
  | { type: "context"; elements: TextObject[] };
export type SlackMessage = { text: string; blocks: SlackBlock[] };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
// Clipping escaped text must not leave half an entity ("&am…") behind.
const clipEscaped = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).replace(/&[a-z]{0,3}$/, "")}…` : text;

/** Absolute console link for the event, or null without a base URL or a path. */
export function consoleLink(path: string | undefined, baseUrl: string | undefined): string | null {
  if (!path || !baseUrl) return null;
  try {
    return new URL(path, baseUrl).href;
  } catch {
    return null;
  }
}

// Inside <url|label>, a "|" or ">" would end the URL early; "&" must be escaped like everywhere else.
const slackUrl = (url: string) => escapeSlack(url).replace(/\|/g, "%7C");

/**
 * A Slack incoming-webhook message: `text` (notifications, and Slack-compatible tools that ignore blocks) plus
 * blocks with the title, severity, summary and a link to the console. Sizes stay within Slack's block limits.
 */
export function slackMessage(event: NotificationEvent, baseUrl?: string): SlackMessage {
  const link = consoleLink(event.path, baseUrl);
  const severity = SEVERITY[event.severity];
  const what = WHAT[event.type];
  const text = clipEscaped(
    `${severity} · ${what}: ${escapeSlack(event.title)}${link ? ` <${slackUrl(link)}|Open in Vigil>` : ""}`,
    3000,
  );
  const blocks: SlackBlock[] = [
    // plain_text is shown as written: no escaping there, or "&" would read "&amp;".
    { type: "header", text: { type: "plain_text", text: clip(event.title, 150), emoji: true } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: clipEscaped(`*${severity}* · ${what}${event.summary ? `\n${escapeSlack(event.summary)}` : ""}`, 3000),
      },
    },
  ];
  const context: TextObject[] = [
    {
      type: "mrkdwn",
      text: `<!date^${Math.floor(Date.parse(event.at) / 1000)}^{date_short_pretty} {time_secs}|${escapeSlack(event.at)}>`,
    },
  ];
  if (link) context.push({ type: "mrkdwn", text: `<${slackUrl(link)}|Open in Vigil>` });
  blocks.push({ type: "context", elements: context });
  return { text, blocks };
}
