#!/usr/bin/env node
import { start, type EmulatorHandle } from "./index";
import { SETTING_FLAGS, type StartOptions } from "./options";

const USAGE = `Usage: atlas-apikeys-emulator [options]

Local emulator of the MongoDB Atlas Administration API v2 (programmatic API keys, service accounts).
Prints one JSON line with the URL and the seeded credentials, then serves until SIGINT/SIGTERM.

Options:
${[...SETTING_FLAGS, { flag: "--help", help: "show this help" }]
  .map((f) => `  ${`${f.flag} ${"value" in f && f.value ? f.value : ""}`.padEnd(29)}${f.help}`)
  .join("\n")}

Control plane (no auth): http://<host>:<port>/__emulator/{health,reset,seed,state,config,faults,requests,clock}
`;

/** Parses command-line arguments (`--flag value` or `--flag=value`); throws with a message on bad input. */
export function parseArgs(argv: readonly string[]): StartOptions | "help" {
  const options: StartOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const [name, inline] = eq >= 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if (name === "--help" || name === "-h") return "help";
    const flag = SETTING_FLAGS.find((f) => f.flag === name);
    if (!flag) throw new Error(`unknown option ${arg}`);
    let value = "";
    if (flag.value) {
      const given = inline ?? argv[++i];
      if (given === undefined) throw new Error(`${name} needs a value`);
      value = given;
    }
    flag.apply(options, value);
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
