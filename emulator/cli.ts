#!/usr/bin/env node
import { start, type EmulatorHandle, type StartOptions } from "./index";

const USAGE = `Usage: atlas-apikeys-emulator [options]

Local emulator of the MongoDB Atlas Administration API v2 (programmatic API keys).
Prints one JSON line with the URL and the seeded credentials, then serves until SIGINT/SIGTERM.

Options:
  --port <n>                  TCP port (default 0: any free port; the first line shows it)
  --host <addr>               loopback address to listen on (default 127.0.0.1)
  --seed <s>                  seed of the id generator (same seed, same ids and credentials)
  --latency-ms <n>            delay added before every API answer, in milliseconds
  --state-file <path>         load state from this file if it exists; save it there on change and on exit
  --no-rate-limit             disable the rate limits (token buckets)
  --nonce-lifetime-ms <n>     digest nonce lifetime (default 60000)
  --no-nonce-reuse            every digest nonce is single-use
  --digest-algorithm <alg>    MD5 (default) or SHA-256
  --token-lifetime-seconds <n> OAuth token lifetime (default 3600)
  --enforce-access-list       refuse API-key calls from outside the key's access list
  --help                      show this help

Control plane (no auth): http://<host>:<port>/__emulator/{health,reset,seed,state,config,faults,requests}
`;

/** Parses command-line arguments; throws with a message on bad input. */
export function parseArgs(argv: readonly string[]): StartOptions | "help" {
  const options: StartOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const number = (): number => {
      const v = value();
      if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`${flag} needs a number, got ${v}`);
      return Number(v);
    };
    switch (flag) {
      case "--help":
      case "-h":
        return "help";
      case "--port":
        options.port = number();
        break;
      case "--host":
        options.host = value();
        break;
      case "--seed":
        options.seed = value();
        break;
      case "--latency-ms":
        options.latencyMs = number();
        break;
      case "--state-file":
        options.stateFile = value();
        break;
      case "--no-rate-limit":
        options.rateLimit = false;
        break;
      case "--nonce-lifetime-ms":
        options.nonceLifetimeMs = number();
        break;
      case "--no-nonce-reuse":
        options.nonceReuse = false;
        break;
      case "--digest-algorithm": {
        const alg = value().toUpperCase();
        if (alg !== "MD5" && alg !== "SHA-256") throw new Error("--digest-algorithm must be MD5 or SHA-256");
        options.digestAlgorithm = alg;
        break;
      }
      case "--token-lifetime-seconds":
        options.tokenLifetimeSeconds = number();
        break;
      case "--enforce-access-list":
        options.enforceAccessList = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: StartOptions | "help";
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    return;
  }
  // Handlers go in before the first line is printed: a supervisor may signal as soon as it reads it,
  // and a signal arriving before Node installs its handler would kill the process with no clean exit.
  // `stop` may run before `start` resolves, so `handle` starts out explicitly undefined.
  let handle: EmulatorHandle | undefined = undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!handle) process.exit(0);
    handle.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(
          `error while stopping on ${signal}: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  handle = await start(options);
  // The first stdout line is the machine-readable handoff; tools read exactly one JSON line.
  const { url, orgId, projectId, publicKey, privateKey, clientId, clientSecret } = handle;
  process.stdout.write(`${JSON.stringify({ url, orgId, projectId, publicKey, privateKey, clientId, clientSecret })}\n`);
  process.stderr.write(`atlas-apikeys-emulator listening on ${url} (control plane: ${url}/__emulator/)\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`atlas-apikeys-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
