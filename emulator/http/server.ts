import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CONTROL_PREFIX, handleControlRequest } from "../control/plane";
import type { Emulator } from "../emulator";
import { parseTarget } from "./target";
import { handleApiRequest } from "./pipeline";

/** Largest request body accepted, in bytes (1 MiB); Admin API bodies here are tiny. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Host names the emulator may listen on: loopback only, it has no real security. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** A listening emulator server. */
export interface RunningServer {
  server: Server;
  /** `http://host:port`, with the real port when 0 was asked for. */
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server for `emu` on a loopback `host` and `port` (0 = any free port). */
export async function listen(emu: Emulator, host: string, port: number): Promise<RunningServer> {
  if (!isLoopbackHost(host))
    throw new Error(`refusing to listen on ${host}: the emulator listens on loopback addresses only`);
  const server = createServer((req, res) => {
    dispatch(emu, req, res).catch((err: unknown) => {
      console.error("emulator: request failed:", err instanceof Error ? err.message : String(err));
      if (!res.headersSent) res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  emu.baseUrl = url;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}

/**
 * Routes a request by its raw path: the control plane only under its own exact prefix (see
 * http/target.ts), everything else to the Admin API pipeline. An oversized body is read to the
 * end and dropped, then refused by whichever side answers, the Admin API after authentication.
 */
async function dispatch(emu: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const target = parseTarget(req.url);
  if (target.path.startsWith(CONTROL_PREFIX)) handleControlRequest(emu, req, res, target, body);
  else await handleApiRequest(emu, req, res, target, body);
}

/** The whole body, or `undefined` past {@link MAX_BODY_BYTES} (the rest is read and discarded). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    req.on("error", reject);
  });
}
