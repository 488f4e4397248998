/**
 * A pass-through HTTP proxy on 127.0.0.1 that records every response the
 * target sends: the contract tests put it between the client and the emulator
 * (or real Atlas), then validate each recorded body against the official
 * OpenAPI spec. Bodies are kept in memory only, never printed.
 */
import * as http from "http";
import * as https from "https";
import type { AddressInfo } from "net";

/** One recorded exchange. */
export interface RecordedResponse {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  contentType: string;
  body: string;
}

/** A running recording proxy. */
export interface RecordingProxy {
  url: string;
  recorded: RecordedResponse[];
  close(): Promise<void>;
}

/** Starts a proxy forwarding every request to `target` (an origin such as http://127.0.0.1:1234). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const transport = upstream.protocol === "https:" ? https : http;
  const recorded: RecordedResponse[] = [];
  const server = http.createServer((req, res) => {
    const forward = transport.request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(chunks);
          recorded.push({
            method: req.method ?? "GET",
            path: (req.url ?? "/").split("?")[0],
            status: answer.statusCode ?? 0,
            contentType: String(answer.headers["content-type"] ?? ""),
            body: body.toString("utf8"),
          });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(body);
        });
      },
    );
    // A dropped upstream connection is passed on as a dropped connection.
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
