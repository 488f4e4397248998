/**
 * Connection pools for the transport. Node's sockets have no connect timeout
 * of their own (a black-holed address waits for the OS, often minutes), so
 * each new socket gets a timer that is cleared once the connection (and the
 * TLS handshake) is up.
 */
import * as http from "http";
import * as https from "https";
import type { Agent as HttpAgent } from "http";
import type { Agent as HttpsAgent } from "https";
import type { Socket } from "net";

/** Error code given to a socket that did not connect in time (never sent anything). */
export const CONNECT_TIMEOUT_CODE = "ECONNECTTIMEOUT";

/**
 * Idle pooled sockets are closed after this many ms: below the 5 s keep-alive
 * timeout of Node servers (the emulator), so a request never goes out on a
 * socket the server is closing at that instant (which fails as ECONNRESET and
 * would be ambiguous for a create).
 */
const FREE_SOCKET_TIMEOUT_MS = 4_000;

/** The pair of agents a transport uses for one kind of connection. */
export interface AgentPair {
  http: HttpAgent;
  https: HttpsAgent;
}

/**
 * Creates an http and an https agent whose new sockets fail with
 * {@link CONNECT_TIMEOUT_CODE} when not connected within `connectTimeoutMs`.
 *
 * @param connectTimeoutMs connect (TCP + TLS) timeout in milliseconds; 0 disables it.
 * @param keepAlive whether sockets are pooled between requests.
 */
export function createAgents(connectTimeoutMs: number, keepAlive: boolean): AgentPair {
  const options = keepAlive ? { keepAlive: true, timeout: FREE_SOCKET_TIMEOUT_MS } : { keepAlive: false };

  class TimedHttpAgent extends http.Agent {
    override createConnection(...args: Parameters<HttpAgent["createConnection"]>) {
      const socket = super.createConnection(...args);
      if (socket) armConnectTimer(socket as Socket, "connect", connectTimeoutMs);
      return socket;
    }
  }
  class TimedHttpsAgent extends https.Agent {
    override createConnection(...args: Parameters<HttpsAgent["createConnection"]>) {
      const socket = super.createConnection(...args);
      if (socket) armConnectTimer(socket as Socket, "secureConnect", connectTimeoutMs);
      return socket;
    }
  }
  return { http: new TimedHttpAgent(options), https: new TimedHttpsAgent(options) };
}

function armConnectTimer(socket: Socket, readyEvent: string, ms: number): void {
  if (!(ms > 0) || !socket.connecting) return;
  const timer = setTimeout(() => {
    const error = Object.assign(new Error(`connection not established within ${ms} ms`), {
      code: CONNECT_TIMEOUT_CODE,
    });
    socket.destroy(error);
  }, ms);
  const clear = () => clearTimeout(timer);
  socket.once(readyEvent, clear);
  socket.once("close", clear);
}
