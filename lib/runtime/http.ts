import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import next from "next";

export type HttpServer = { server: Server; close: () => Promise<void> };

/** Next.js behind our own HTTP server, so WebSocket paths can be added beside it later. */
export async function startHttpServer(opts: {
  dev: boolean;
  port: number;
  host: string;
  /** Takes WebSocket upgrades on its own path (the live canvas); returns false for others. */
  onUpgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
  /** A reverse proxy in front sets X-Forwarded-For (TRUST_PROXY); otherwise the socket decides. */
  trustProxy?: boolean;
}): Promise<HttpServer> {
  const app = next({ dev: opts.dev, dir: process.cwd(), hostname: opts.host, port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    setForwardedProto(req);
    setClientAddress(req.headers, req.socket.remoteAddress, opts.trustProxy ?? false);
    handle(req, res).catch((error: unknown) => {
      console.error("Request failed", error);
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  // Longer than clients' and proxies' idle timeouts, so a reused connection is never closed mid-request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const nextUpgrade = opts.dev ? app.getUpgradeHandler() : null;
  server.on("upgrade", (req, socket, head) => {
    if (opts.onUpgrade?.(req, socket, head)) return;
    // Next.js needs upgrades only in development (hot reload); anything else is not ours.
    if (nextUpgrade) nextUpgrade(req, socket, head).catch(() => socket.destroy());
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** next-auth derives its origin from this header when NEXTAUTH_URL is unset; default it truthfully. */
function setForwardedProto(req: IncomingMessage) {
  if (!req.headers["x-forwarded-proto"]) {
    req.headers["x-forwarded-proto"] = (req.socket as TLSSocket).encrypted ? "https" : "http";
  }
}

/**
 * Who is asking, for the per-address sign-in limit (lib/auth/options.ts reads the rightmost
 * X-Forwarded-For entry). Without a trusted proxy the header is the client's own word, so it is
 * replaced with the socket's address: nobody can pick the address their failures count against.
 * Behind a trusted proxy the proxy's header stands (the socket would be the proxy itself).
 */
export function setClientAddress(
  headers: IncomingMessage["headers"],
  remoteAddress: string | undefined,
  trustProxy: boolean,
): void {
  if (trustProxy && headers["x-forwarded-for"]) return;
  headers["x-forwarded-for"] = remoteAddress ?? "unknown";
  if (!trustProxy) delete headers["x-real-ip"];
}
