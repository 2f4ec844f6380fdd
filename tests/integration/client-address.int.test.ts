import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

// A real node:http server with Vigil's server hook subscribed (the diagnostics channel `next start` also fires),
// handing each request to the real beacon route the way Next.js does: headers taken from request.headers.
process.env.VIGIL_INGEST_RATE_PER_MINUTE = "3";
const { instrumentHttpServer } = await import("@/lib/telemetry/http-server");
const { POST } = await import("@/app/api/v1/vitals/route");
const { clientIp, CLIENT_ADDRESS_HEADER } = await import("@/lib/http/client-ip");
instrumentHttpServer({ metrics: false, flushMs: 60_000, enterTraceContext: false, proxyTrust: { hops: 0 } });

const seen: string[] = [];
const readAll = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const server = createServer(async (req, res) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  seen.push(clientIp(headers));
  const response = await POST(
    new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: new Uint8Array(await readAll(req)),
    }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((done) => server.close(done)));

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const beacon = () =>
  JSON.stringify({
    v: 1,
    pageViewId: `pv_${randomUUID().replaceAll("-", "")}`,
    route: "/spoof-test",
    metrics: [{ name: "LCP", value: 1200, id: "a" }],
  });
const randomIp = () => Array.from({ length: 4 }, () => Math.floor(Math.random() * 254) + 1).join(".");

describe("client address behind the Node server hook", () => {
  it("keys the beacon rate limit on the socket: random X-Forwarded-For values and forged stamps do not buy more beacons", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const headers = {
        "content-type": "text/plain",
        "user-agent": CHROME,
        "x-forwarded-for": randomIp(),
        "x-real-ip": randomIp(),
        [CLIENT_ADDRESS_HEADER]: `forged ${randomIp()}`,
      };
      statuses.push((await fetch(`${base}/api/v1/vitals`, { method: "POST", headers, body: beacon() })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429, 429, 429, 429]);
    expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
  });

  it("ignores a stamp that did not come from this process's hook (no Node server saw the request)", () => {
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: "guessed-nonce 203.0.113.7" }))).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("unknown");
  });
});
