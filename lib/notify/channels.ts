import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChannelInput } from "@/lib/notify/channel-input";
import {
  createChannel,
  deleteChannel,
  findChannel,
  listChannels,
  setChannelEnabled,
  type ChannelRecord,
} from "@/lib/notify/channel-repository";
import type { NotificationEvent } from "@/lib/notify/event";
import { maskUrl } from "@/lib/notify/mask";
import { enqueueNotificationFor } from "@/lib/notify/outbox-repository";
import { generateWebhookSecret } from "@/lib/notify/signature";

/** A channel as the console may show it: the URL masked, the secret only as "signed" (or "password set"). */
export type ChannelView = Omit<ChannelRecord, "url" | "hasSecret"> & {
  maskedUrl: string;
  signed: boolean;
  hasPassword: boolean;
};

const toView = ({ url, hasSecret, ...c }: ChannelRecord): ChannelView => ({
  ...c,
  maskedUrl: maskUrl(url),
  signed: c.kind === "webhook" && hasSecret,
  hasPassword: c.kind === "email" && hasSecret,
});

/** An SMTP URL's password moves to the secret column: the stored URL keeps only scheme, user, host and port. */
function splitSmtpPassword(raw: string, typed: string | undefined): { url: string; password: string | null } {
  const url = new URL(raw);
  const password = url.password ? decodeURIComponent(url.password) : (typed ?? null);
  url.password = "";
  return { url: url.href.replace(/\/$/, ""), password };
}

export const listChannelViews = async (): Promise<ChannelView[]> => (await listChannels()).map(toView);

/**
 * Stores a new channel. A webhook without a secret gets a generated one, returned here once so Settings can show
 * it to the admin who created it; it is never readable again.
 */
export async function addChannel(
  input: Omit<ChannelInput, "emailTo"> & { emailTo?: string[] },
): Promise<{ channel: ChannelView; generatedSecret: string | null }> {
  const generatedSecret = input.kind === "webhook" && !input.secret ? generateWebhookSecret() : null;
  const smtp = input.kind === "email" ? splitSmtpPassword(input.url, input.secret) : null;
  const secret = input.kind === "webhook" ? (input.secret ?? generatedSecret) : (smtp?.password ?? null);
  const channel = await createChannel({
    name: input.name,
    kind: input.kind,
    url: smtp?.url ?? input.url,
    secret,
    allowPrivate: input.allowPrivate,
    ...(input.kind === "email" ? { emailFrom: input.emailFrom ?? null, emailTo: input.emailTo ?? [] } : {}),
  });
  return { channel: toView(channel), generatedSecret };
}

export async function setChannelActive(id: string, enabled: boolean): Promise<void> {
  if (!(await setChannelEnabled(id, enabled))) throw new AppError("not_found", "That channel no longer exists.");
}

export async function removeChannel(id: string): Promise<void> {
  if (!(await deleteChannel(id))) throw new AppError("not_found", "That channel no longer exists.");
}

/** A `test` event for this channel only, through the outbox like any other: the worker sends it within seconds. */
export function testEvent(channel: Pick<ChannelRecord, "name">, now: Date): NotificationEvent {
  return {
    key: `test:${randomUUID()}`,
    type: "test",
    severity: "info",
    title: "Test notification from Vigil",
    summary: `Sent from Settings to the channel “${channel.name}”. If you can read this, notifications reach it.`,
    path: "/admin/alerts",
    at: now.toISOString(),
    data: {},
  };
}

export async function sendTestNotification(id: string, now = new Date()): Promise<NotificationEvent> {
  const channel = await findChannel(id);
  if (!channel) throw new AppError("not_found", "That channel no longer exists.");
  if (!channel.enabled) throw new AppError("bad_request", "Enable the channel before sending a test.");
  const event = testEvent(channel, now);
  await enqueueNotificationFor(db, id, event);
  return event;
}
