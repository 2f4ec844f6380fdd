import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer };

/** A local HTTP server that records what it receives and answers with `reply`; for tests of outbound calls. */
export async function startHttpRecorder(
  reply: { status?: number; headers?: Record<string, string>; body?: string } = {},
) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res
        .writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers })
        .end(reply.body ?? '{"status":1}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

type Closable = { close(callback?: (err?: Error) => void): unknown; closeAllConnections?(): void };

/** Closes test servers, dropping their kept-alive connections first so close() does not wait for them. */
export function closeServers(servers: readonly Closable[]): Promise<void> {
  return Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((done) => {
          s.closeAllConnections?.();
          s.close(() => done());
        }),
    ),
  ).then(() => undefined);
}
