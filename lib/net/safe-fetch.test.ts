import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeFetch, SafeFetchError } from "./safe-fetch";
import { closeServers } from "@/tests/support/http-receiver";

// Two loopback addresses stand for "public" (127.0.0.1) and "private" (127.0.0.2) through the policy hook.
const onlyFirstLoopback = (a: string) => a === "127.0.0.1";
const servers: Server[] = [];
async function serve(host: string, handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a SafeFetchError");
    },
    (err: unknown) => err as SafeFetchError,
  );

let pub: string, priv: string;
beforeAll(async () => {
  priv = await serve("127.0.0.2", (_req, res) => res.end("private secret"));
  pub = await serve("127.0.0.1", (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/ok") return void res.end(`hello ${req.method}`);
    if (url.pathname === "/to-private") return void res.writeHead(302, { location: `${priv}/` }).end();
    if (url.pathname === "/loop") return void res.writeHead(302, { location: "/loop" }).end();
    if (url.pathname === "/see-other") return void res.writeHead(303, { location: "/ok" }).end();
    if (url.pathname === "/big") return void res.end("x".repeat(200_000));
    if (url.pathname === "/hang") return; // never answers
    res.writeHead(404).end("nope");
  });
});
afterAll(() => closeServers(servers));

describe("safeFetch", () => {
  it("fetches an allowed target and reports status, body and final URL", async () => {
    const r = await safeFetch(`${pub}/ok`, { timeoutMs: 2000, isPublic: onlyFirstLoopback });
    expect(r).toMatchObject({ status: 200, body: "hello GET", truncated: false, url: `${pub}/ok`, redirects: 0 });
  });

  it("refuses private IP literals and hostnames that resolve to private addresses, by default", async () => {
    expect((await failure(safeFetch(`${priv}/`, { timeoutMs: 2000, isPublic: onlyFirstLoopback }))).code).toBe(
      "blocked_address",
    );
    // The real policy: localhost resolves to loopback only.
    expect((await failure(safeFetch(`http://localhost:${new URL(pub).port}/ok`, { timeoutMs: 2000 }))).code).toBe(
      "blocked_address",
    );
    expect((await failure(safeFetch("http://169.254.169.254/latest/meta-data/", { timeoutMs: 2000 }))).code).toBe(
      "blocked_address",
    );
    expect((await failure(safeFetch("http://[::ffff:127.0.0.1]/", { timeoutMs: 2000 }))).code).toBe("blocked_address");
  });

  it("re-checks every redirect hop: a public page cannot bounce the probe to a private address", async () => {
    const err = await failure(safeFetch(`${pub}/to-private`, { timeoutMs: 2000, isPublic: onlyFirstLoopback }));
    expect(err.code).toBe("blocked_address");
    // Allowed explicitly, the same redirect is followed.
    expect(await safeFetch(`${pub}/to-private`, { timeoutMs: 2000, allowPrivate: true })).toMatchObject({
      status: 200,
      body: "private secret",
      redirects: 1,
    });
  });

  it("follows at most maxRedirects, turns a 303 into a GET, and can return redirects as they are", async () => {
    expect(
      (await failure(safeFetch(`${pub}/loop`, { timeoutMs: 2000, allowPrivate: true, maxRedirects: 3 }))).code,
    ).toBe("too_many_redirects");
    expect(
      await safeFetch(`${pub}/see-other`, { method: "POST", body: "{}", timeoutMs: 2000, allowPrivate: true }),
    ).toMatchObject({ status: 200, body: "hello GET" });
    expect(await safeFetch(`${pub}/loop`, { timeoutMs: 2000, allowPrivate: true, maxRedirects: 0 })).toMatchObject({
      status: 302,
    });
  });

  it("caps the body it reads and gives up at the deadline", async () => {
    const big = await safeFetch(`${pub}/big`, { timeoutMs: 2000, allowPrivate: true, maxBodyBytes: 1000 });
    expect([big.body.length, big.truncated]).toEqual([1000, true]);
    const t0 = Date.now();
    expect((await failure(safeFetch(`${pub}/hang`, { timeoutMs: 300, allowPrivate: true }))).code).toBe("timeout");
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it.each([["ftp://example.com/"], ["file:///etc/passwd"], ["http://user:pw@example.com/"], ["not a url"]])(
    "refuses %s before any connection",
    async (url) => {
      expect((await failure(safeFetch(url, { timeoutMs: 1000 }))).code).toBe("bad_url");
    },
  );

  it("reports a refused connection as a network error", async () => {
    const err = await failure(safeFetch("http://127.0.0.1:9/", { timeoutMs: 2000, allowPrivate: true }));
    expect(err).toBeInstanceOf(SafeFetchError);
    expect([err.code, err.message]).toEqual(["network", expect.stringContaining("ECONNREFUSED")]);
  });
});
