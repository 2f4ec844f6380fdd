import type { NotificationEvent } from "@/lib/notify/event";
import { consoleLink } from "@/lib/notify/slack-message";

const SEVERITY: Record<NotificationEvent["severity"], string> = {
  page: "PAGE",
  ticket: "TICKET",
  budget: "BUDGET",
  info: "INFO",
};
const WHAT: Record<NotificationEvent["type"], string> = {
  "alert.firing": "Alert firing",
  "alert.resolved": "Alert resolved",
  "incident.opened": "Incident opened",
  "incident.resolved": "Incident resolved",
  test: "Test notification",
};

export type EmailMessage = { subject: string; text: string; html: string };

const MAX_FIGURES = 40;
const MAX_VALUE = 200;
// Header injection is nodemailer's to prevent too, but a subject is one line whatever a title holds.
const oneLine = (s: string) =>
  [...s]
    .map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? " " : ch))
    .join("")
    .replace(/ {2,}/g, " ")
    .trim();
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The figures behind an event as `path: value` lines (nested objects dotted), bounded in count and length. */
export function figureLines(data: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (out.length >= MAX_FIGURES) return;
    if (value !== null && typeof value === "object" && !Array.isArray(value) && depth < 3) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, depth + 1);
      return;
    }
    const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "null");
    out.push([path, clip(oneLine(text), MAX_VALUE)]);
  };
  walk(data, "", 0);
  return out;
}

/**
 * A plain-text mail with a simple HTML twin: title, severity and what happened, the summary, a link to the console
 * (absolute with AUTH_URL) and the figures. Everything from the event is escaped in the HTML part.
 */
export function emailMessage(event: NotificationEvent, baseUrl?: string): EmailMessage {
  const link = consoleLink(event.path, baseUrl);
  const what = `${SEVERITY[event.severity]} · ${WHAT[event.type]}`;
  const subject = clip(oneLine(`[Vigil] ${what}: ${event.title}`), 250);
  const figures = figureLines(event.data);
  const text = [
    event.title,
    "",
    what,
    ...(event.summary ? [event.summary] : []),
    ...(link ? ["", `Open in Vigil: ${link}`] : []),
    ...(figures.length ? ["", "Figures:", ...figures.map(([k, v]) => `  ${k}: ${v}`)] : []),
    "",
    `At ${event.at}`,
  ].join("\n");
  const rows = figures
    .map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("");
  const html = [
    `<h2>${escapeHtml(event.title)}</h2>`,
    `<p><strong>${escapeHtml(what)}</strong></p>`,
    event.summary ? `<p>${escapeHtml(event.summary)}</p>` : "",
    link ? `<p><a href="${escapeHtml(link)}">Open in Vigil</a></p>` : "",
    rows ? `<table>${rows}</table>` : "",
    `<p><small>At ${escapeHtml(event.at)}</small></p>`,
  ].join("\n");
  return { subject, text, html };
}
