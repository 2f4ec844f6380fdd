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
    });
    expect(ChannelInput.parse({ ...ok, secret: "  0123456789abcdef  ", allowPrivate: "on" })).toMatchObject({
      secret: "0123456789abcdef",
      allowPrivate: true,
    });
  });

  it("explains each bad field", () => {
    expect(errorsOf({ ...ok, name: "  ", url: "ftp://x.example.com/", kind: "email" })).toEqual({
      name: "Name is required.",
      url: "Enter an http:// or https:// URL.",
      kind: "Choose Slack or webhook.",
    });
    expect(errorsOf({ ...ok, url: "" })).toEqual({ url: "URL is required." });
    expect(errorsOf({ ...ok, url: "not a url" })).toEqual({ url: "Enter an http:// or https:// URL." });
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
