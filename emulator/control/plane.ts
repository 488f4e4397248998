import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConfigPatch } from "../options";
import type { Emulator } from "../emulator";
import { statusOf, toApiError } from "../http/errors";
import type { FaultSpec } from "../limits/faults";
import { toJson } from "../http/json";
import { writeRaw } from "../http/respond";
import type { RequestTarget } from "../http/target";
import { AtlasDomainError } from "../model/domain-error";
import type { SeedRequest } from "../model/fixtures";

/** Path prefix of the control plane. */
export const CONTROL_PREFIX = "/__emulator/";

type ControlHandler = (emu: Emulator, body: unknown) => { status: number; body?: unknown };

/**
 * The control plane: JSON over HTTP under `/__emulator/`, no authentication (the emulator only
 * listens on loopback). Not part of Atlas; not recorded in the request log.
 *
 *   GET    /__emulator/health    → {ok: true}
 *   POST   /__emulator/reset     {empty?}              → {defaults: SeedResult[]}
 *   POST   /__emulator/seed      SeedRequest           → SeedResult
 *   GET    /__emulator/state                           → StateDump (secrets redacted)
 *   GET    /__emulator/config                          → EmulatorConfig
 *   POST   /__emulator/config    ConfigPatch           → EmulatorConfig
 *   GET    /__emulator/faults                          → {faults: Fault[]}
 *   POST   /__emulator/faults    FaultSpec | FaultSpec[] → {faults: Fault[]} (the ones added)
 *   DELETE /__emulator/faults                          → 204
 *   GET    /__emulator/requests                        → {requests: RequestLogEntry[]}
 *   DELETE /__emulator/requests                        → 204
 *   GET    /__emulator/clock                           → {now}
 *   POST   /__emulator/clock     {advanceSeconds}      → {now} (moves the emulator's clock forward)
 */
const CONTROL_ROUTES: Record<string, ControlHandler> = {
  "GET health": () => ({ status: 200, body: { ok: true } }),
  "POST reset": (emu, body) => ({
    status: 200,
    body: { defaults: emu.reset({ empty: (body as { empty?: boolean } | undefined)?.empty === true }) },
  }),
  "POST seed": (emu, body) => ({ status: 200, body: emu.seed((body ?? {}) as SeedRequest) }),
  "GET state": (emu) => ({ status: 200, body: emu.stateDump() }),
  "GET config": (emu) => ({ status: 200, body: emu.config }),
  "POST config": (emu, body) => ({ status: 200, body: emu.configure((body ?? {}) as ConfigPatch) }),
  "GET faults": (emu) => ({ status: 200, body: { faults: emu.faults.list() } }),
  "POST faults": (emu, body) => {
    const specs = (Array.isArray(body) ? body : [body]) as FaultSpec[];
    return { status: 200, body: { faults: specs.map((spec) => emu.faults.add(spec)) } };
  },
  "DELETE faults": (emu) => {
    emu.faults.clear();
    return { status: 204 };
  },
  "GET requests": (emu) => ({ status: 200, body: { requests: emu.log.list() } }),
  "GET clock": (emu) => ({ status: 200, body: { now: new Date(emu.now()).toISOString() } }),
  "POST clock": (emu, body) => ({
    status: 200,
    body: { now: emu.advanceClock((body as { advanceSeconds?: number } | undefined)?.advanceSeconds as number) },
  }),
  "DELETE requests": (emu) => {
    emu.log.clear();
    return { status: 204 };
  },
};

/** Serves one control-plane request. Bad input → 400 `{error, detail}`; model errors keep their Atlas status. */
export function handleControlRequest(
  emu: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
  body: Buffer | undefined,
): void {
  // Exact names only: `/__emulator/../x` or `/__emulator/%2e%2e/x` name no endpoint.
  const name = target.path.slice(CONTROL_PREFIX.length);
  const handler = Object.hasOwn(CONTROL_ROUTES, `${req.method} ${name}`)
    ? CONTROL_ROUTES[`${req.method} ${name}`]
    : undefined;
  if (!handler) {
    send(res, 404, { error: 404, detail: `No control endpoint ${req.method} ${target.path}.` });
    return;
  }
  if (body === undefined) {
    send(res, 413, { error: 413, detail: "Request body larger than 1 MiB." });
    return;
  }
  try {
    const text = body.toString("utf8").trim();
    const reply = handler(emu, text === "" ? undefined : JSON.parse(text));
    send(res, reply.status, reply.body);
  } catch (err) {
    if (err instanceof AtlasDomainError) send(res, statusOf(err.errorCode), toApiError(err));
    else send(res, 400, { error: 400, detail: err instanceof Error ? err.message : String(err) });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  writeRaw(res, status, "application/json", body === undefined ? "" : toJson(body));
}
