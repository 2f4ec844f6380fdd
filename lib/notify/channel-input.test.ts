import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/http/action-state";
import { CHANNEL_FIELDS, ChannelInput } from "./channel-input";

const ok = { name: " Ops ", kind: "webhook", url: " https://hooks.example.com/vigil ", secret: "", allowPrivate: null };
const errorsOf = (input: Record<string, unknown>) => {
  const r = ChannelInput.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error, CHANNEL_FIELDS).errors;
};

describe("ChannelInput", () => {
  it("trims, drops an empty secret and reads the checkbox", () => {
    expect(ChannelInput.parse(ok)).toEqual({
      name: "Ops",
      kind: "webhook",
      url: "https://hooks.example.com/vigil",
      secret: undefined,
      allowPrivate: false,
      emailTo: [],
    });
    expect(ChannelInput.parse({ ...ok, secret: "  0123456789abcdef  ", allowPrivate: "on" })).toMatchObject({
      secret: "0123456789abcdef",
      allowPrivate: true,
    });
  });

  it("explains each bad field", () => {
    expect(errorsOf({ ...ok, name: "  ", url: "ftp://x.example.com/", kind: "pager" })).toEqual({
      name: "Name is required.",
      kind: "Choose Slack, webhook or email.",
    });
    expect(errorsOf({ ...ok, url: "" })).toEqual({ url: "URL is required." });
    expect(errorsOf({ ...ok, url: "not a url" })).toEqual({ url: "Enter a valid URL." });
    expect(errorsOf({ ...ok, url: "ftp://x.example.com/" })).toEqual({ url: "Enter an http:// or https:// URL." });
    expect(errorsOf({ ...ok, url: "javascript:alert(1)" })).toEqual({ url: "Enter an http:// or https:// URL." });
    expect(errorsOf({ ...ok, url: "smtp://mail.example.com" })).toEqual({ url: "Enter an http:// or https:// URL." });
    expect(errorsOf({ ...ok, name: "n".repeat(121), secret: "short" })).toEqual({
      name: "Name must be at most 120 characters.",
      secret: "Secret must be at least 16 characters.",
    });
    expect(errorsOf({ ...ok, url: `https://x.example.com/${"a".repeat(2048)}` })).toEqual({
      url: "URL must be at most 2048 characters.",
    });
  });

  it("refuses a secret for Slack, credentials in the URL, and private addresses unless allowed", () => {
    expect(errorsOf({ ...ok, kind: "slack", secret: "0123456789abcdef" })).toEqual({
      secret: "Slack webhooks are not signed: leave the secret empty.",
    });
    expect(errorsOf({ ...ok, url: "https://user:pw@hooks.example.com/" })).toEqual({
      url: "Put credentials in the secret, not in the URL.",
    });
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://10.1.2.3/",
      "http://[::1]/",
      "http://169.254.169.254/",
    ]) {
      expect(errorsOf({ ...ok, url })).toEqual({
        url: "This is a private or loopback address: tick “Allow private addresses” to use it.",
      });
      expect(errorsOf({ ...ok, url, allowPrivate: "on" })).toEqual({});
    }
  });
});

describe("ChannelInput for email", () => {
  const mail = {
    name: "Ops mail",
    kind: "email",
    url: "smtps://alerts@smtp.example.com:465",
    secret: "app-password",
    emailFrom: " vigil@example.com ",
    emailTo: "a@example.com, b@example.com\nc@example.com",
    allowPrivate: null,
  };

  it("reads sender, recipients (comma, space or line separated) and a short SMTP password", () => {
    expect(ChannelInput.parse(mail)).toMatchObject({
      kind: "email",
      url: "smtps://alerts@smtp.example.com:465",
      secret: "app-password",
      emailFrom: "vigil@example.com",
      emailTo: ["a@example.com", "b@example.com", "c@example.com"],
    });
  });

  it("explains each bad email field", () => {
    expect(errorsOf({ ...mail, emailFrom: "", emailTo: "" })).toEqual({
      emailFrom: "Enter the sender's address.",
      emailTo: "Enter at least one recipient.",
    });
    expect(errorsOf({ ...mail, emailFrom: "nope", emailTo: "a@example.com, nope" })).toEqual({
      emailFrom: "Enter the sender's address, e.g. vigil@example.com.",
      emailTo: "Each recipient must be an email address.",
    });
    expect(errorsOf({ ...mail, emailTo: Array.from({ length: 11 }, (_, i) => `r${i}@example.com`).join(",") })).toEqual(
      { emailTo: "At most 10 recipients." },
    );
    expect(errorsOf({ ...mail, url: "https://smtp.example.com" })).toEqual({
      url: "Enter an smtp:// or smtps:// URL, e.g. smtps://user@smtp.example.com:465.",
    });
    expect(errorsOf({ ...mail, url: "smtp://u:pw@smtp.example.com" })).toEqual({
      secret: "The URL holds a password already: give it once.",
    });
    expect(errorsOf({ ...mail, url: "smtps://smtp.example.com" })).toEqual({
      secret: "A password needs a user: put it in the URL (smtps://user@host).",
    });
    expect(errorsOf({ ...mail, url: "smtp://127.0.0.1:2525", secret: "" })).toEqual({
      url: "This is a private or loopback address: tick “Allow private addresses” to use it.",
    });
    expect(errorsOf({ ...mail, url: "smtp://127.0.0.1:2525", secret: "", allowPrivate: "on" })).toEqual({});
    expect(errorsOf({ ...ok, emailTo: "a@example.com" })).toEqual({
      emailTo: "Sender and recipients are for email channels.",
    });
  });
});
