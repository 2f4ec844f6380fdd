import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real local SMTP server (smtp-server, by nodemailer's authors) that records what arrived, for the email channel.

export type ReceivedMail = {
  from: string;
  to: string[];
  /** Unfolded headers, names lower-cased, encoded words (RFC 2047) decoded. */
  headers: Record<string, string>;
  raw: string;
  /** The raw message with quoted-printable undone and LF line ends (both parts, headers included), to search. */
  decoded: string;
};

/** An SMTP reply code and text to refuse the n-th message (0-based) with, or null to accept it. */
export type SmtpAnswer = (n: number) => { code: number; message: string } | null;

export type SmtpReceiver = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  tries: number;
  close: () => Promise<void>;
};

const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );

function headersOf(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const out: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  return out;
}

export async function startSmtpReceiver(answer: SmtpAnswer = () => null): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const state = { tries: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const refusal = answer(state.tries++);
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          headers: headersOf(raw),
          raw,
          decoded: Buffer.from(
            raw
              .replace(/=\r?\n/g, "")
              .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          )
            .toString("utf8")
            .replace(/\r\n/g, "\n"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get tries() {
      return state.tries;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
