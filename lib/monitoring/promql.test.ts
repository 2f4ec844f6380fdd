import { describe, expect, it } from "vitest";
import {
  escapeRegex,
  goPrecision4,
  humanSpan,
  noneOf,
  oneOf,
  percent,
  promDuration,
  promqlString,
  selector,
} from "./promql";

describe("PromQL builders", () => {
  it("quotes strings the way Go reads them", () => {
    expect(promqlString("/api/v1")).toBe('"/api/v1"');
    expect(promqlString('a"b')).toBe('"a\\"b"');
    expect(promqlString("a\\.b")).toBe('"a\\\\.b"');
  });

  it("escapes every RE2 metacharacter and nothing else", () => {
    expect(escapeRegex("/blog/[slug]")).toBe("/blog/\\[slug\\]");
    expect(escapeRegex("(public)")).toBe("\\(public\\)");
    expect(escapeRegex("a.b+c*d?e|f{g}^h$i\\j")).toBe("a\\.b\\+c\\*d\\?e\\|f\\{g\\}\\^h\\$i\\\\j");
    expect(escapeRegex("/api/v1-x_y/")).toBe("/api/v1-x_y/");
  });

  it("matches one value with = and several with an escaped alternation", () => {
    expect(selector("m", [oneOf("route", ["/a.b"])])).toBe('m{route="/a.b"}');
    expect(selector("m", [oneOf("route", ["/a.b", "/c/[id]"])])).toBe('m{route=~"/a\\\\.b|/c/\\\\[id\\\\]"}');
    expect(selector("m", [noneOf("route", ["/_next/static", "(public)"])])).toBe(
      'm{route!~"/_next/static|\\\\(public\\\\)"}',
    );
    expect(selector("m", [])).toBe("m");
    expect(() => oneOf("route", [])).toThrow(/at least one/);
  });

  it("writes durations with the largest units first", () => {
    expect(promDuration(300_000)).toBe("5m");
    expect(promDuration(70_000)).toBe("1m10s");
    expect(promDuration(3_600_000)).toBe("1h");
    expect(promDuration(5_040_000)).toBe("1h24m");
    expect(promDuration(86_400_000)).toBe("1d");
    expect(promDuration(241_920_000)).toBe("2d19h12m");
    expect(promDuration(30 * 86_400_000)).toBe("30d");
    expect(() => promDuration(1500)).toThrow(/whole number of seconds/);
    expect(() => promDuration(0)).toThrow();
  });

  it("prints like Go's %.4g, as humanizePercentage does", () => {
    expect(goPrecision4(2.9000000000000004)).toBe("2.9");
    expect(goPrecision4(100)).toBe("100");
    expect(goPrecision4(87.5)).toBe("87.5");
    expect(goPrecision4(12.34567)).toBe("12.35");
    expect(goPrecision4(0.02)).toBe("0.02");
    expect(goPrecision4(0)).toBe("0");
  });

  it("formats ratios and spans for people", () => {
    expect(percent(0.999)).toBe("99.9 %");
    expect(percent(0.0144)).toBe("1.44 %");
    expect(percent(1 - 0.999)).toBe("0.1 %");
    expect(humanSpan((30 * 86_400_000) / 14.4)).toBe("2.1 days");
    expect(humanSpan(86_400_000)).toBe("1 day");
    expect(humanSpan((7 * 86_400_000) / 14.4)).toBe("11.7 hours");
  });
});
