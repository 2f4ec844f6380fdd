import { describe, expect, it } from "vitest";
import { relayTarget } from "./relay-target";

const hosts = { api: "https://us.i.posthog.com", assets: "https://us-assets.i.posthog.com" };
const target = (path: string, search = "") => relayTarget(path.split("/"), search, hosts)?.toString() ?? null;

describe("relayTarget", () => {
  it.each([
    ["e", "?compression=gzip-js&ver=1", "https://us.i.posthog.com/e/?compression=gzip-js&ver=1"],
    ["i/v0/e", "", "https://us.i.posthog.com/i/v0/e/"],
    ["batch", "", "https://us.i.posthog.com/batch/"],
    ["flags", "?v=2", "https://us.i.posthog.com/flags/?v=2"],
    ["static/recorder.js", "?v=1.449.2", "https://us-assets.i.posthog.com/static/recorder.js?v=1.449.2"],
    ["array/phc_abc/config.js", "", "https://us-assets.i.posthog.com/array/phc_abc/config.js"],
  ])("maps %s%s to the PostHog endpoint", (path, search, expected) => {
    expect(target(path, search)).toBe(expected);
  });

  it("keeps a path prefix of a self-hosted or local upstream", () => {
    expect(relayTarget(["e"], "", { api: "http://127.0.0.1:3621/ph/", assets: hosts.assets })?.toString()).toBe(
      "http://127.0.0.1:3621/ph/e/",
    );
  });

  it.each([
    ["", "empty"],
    ["api/projects/1/events", "a PostHog API outside ingestion"],
    ["e/../../api", "dot segments"],
    ["static/..", "a parent segment"],
    ["e/%2e%2e", "an encoded segment"],
    ["e/a b", "whitespace"],
    ["a/b/c/d/e/f/g", "too deep"],
    ["evil.example.com", "a host name"],
  ])("refuses %j (%s)", (path) => {
    expect(target(path)).toBeNull();
  });

  it("refuses an oversized query", () => {
    expect(target("e", `?x=${"a".repeat(3000)}`)).toBeNull();
  });
});
