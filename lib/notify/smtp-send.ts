import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import { isPublicAddress } from "@/lib/net/address-policy";
import type { EmailMessage } from "@/lib/notify/email-message";
import type { SendResult } from "@/lib/notify/outcome";

export type SmtpTarget = {
  /** smtp://[user@]host[:port] (STARTTLS) or smtps://[user@]host[:port] (TLS from the first byte). */
  url: string;
  password: string | null;
  allowPrivate: boolean;
  from: string;
  to: string[];
};

type Refusal = Extract<SendResult, { kind: "error" }>;
const refuse = (code: Refusal["code"], message: string): Refusal => ({ kind: "error", code, message });

/**
 * The address to connect to, checked by the webhook SSRF policy: the host is resolved here and the connection
 * goes to the vetted IP (TLS still checks the certificate against the name), so DNS cannot change it in between.
 */
async function vettedAddress(host: string, allowPrivate: boolean, isPublic: (a: string) => boolean) {
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch (err) {
      return refuse("dns", `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? "error"}`);
    }
  }
  const usable = allowPrivate ? addresses : addresses.filter(isPublic);
  if (usable.length === 0)
    return refuse(
      "blocked_address",
      `${host} resolves to a private or reserved address; allow private addresses for this channel to reach it`,
    );
  return usable[0]!;
}

function resultOf(err: unknown): SendResult {
  const e = err as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  if (typeof e.responseCode === "number")
    return { kind: "smtp", code: e.responseCode, message: String(e.response ?? e.message ?? "") };
  const message = String(e.message ?? err);
  if (e.code === "ETIMEDOUT") return refuse("timeout", message);
  if (e.code === "EDNS") return refuse("dns", message);
  return refuse("network", `${typeof e.code === "string" ? `${e.code}: ` : ""}${message}`);
}

/** Sends one mail over SMTP and says what came of it in the terms of the retry policy (outcome.ts). */
export async function sendSmtp(
  target: SmtpTarget,
  message: EmailMessage & { headers: Record<string, string> },
  timeoutMs: number,
  isPublic: (a: string) => boolean = isPublicAddress,
): Promise<SendResult> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return refuse("bad_url", "not a valid SMTP URL");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return refuse("bad_url", "use smtp:// or smtps://");
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const address = await vettedAddress(hostname, target.allowPrivate, isPublic);
  if (typeof address !== "string") return address;
  const secure = url.protocol === "smtps:";
  const user = decodeURIComponent(url.username);
  const transport = nodemailer.createTransport({
    host: address,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    // A password never crosses the network in clear: with credentials, STARTTLS is required.
    requireTLS: !secure && Boolean(user),
    tls: isIP(hostname) ? {} : { servername: hostname },
    auth: user ? { user, pass: target.password ?? "" } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await Promise.race([
      transport.sendMail({
        from: target.from,
        to: target.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" })),
          timeoutMs,
        );
      }),
    ]);
    const code = Number(/^(\d{3})/.exec(String(info.response ?? ""))?.[1] ?? 250);
    return { kind: "smtp", code, message: String(info.response ?? "") };
  } catch (err) {
    return resultOf(err);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
