/**
 * Runs a `pulumi` command line exactly as written in a workflow or a guide, against a program
 * supplied in-process.
 *
 * A user's `pulumi up` starts the Node.js language host (`pulumi-language-nodejs`), which runs the
 * project's program. That host cannot be built here, so the program is served instead the way the
 * Automation API serves inline programs: this process starts Pulumi's language runtime service on
 * 127.0.0.1 and the command gets `--client=<address> --exec-kind auto.inline` appended. Every other
 * argument, the working directory (the project), the environment (credentials as environment
 * variables) and the exit code are the command's own. Commands that do not run the program
 * (`stack select`, `config set`, `state delete`, ...) run unchanged.
 */
import { spawn } from "child_process";
import { createRequire } from "module";
import * as path from "path";
import type { PulumiFn } from "@pulumi/pulumi/automation";

/** Subcommands that run the program and so need the language runtime. */
const PROGRAM_COMMANDS = ["preview", "up", "update", "refresh", "destroy"];

/** The outcome of one command. */
export interface CommandResult {
  /** The command line as written (before the program address was appended). */
  line: string;
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** What {@link runPulumiCommand} needs. */
export interface RunOptions {
  /** Directory holding the `pulumi` binary. */
  binDir: string;
  /** The project directory (holds Pulumi.yaml); also the working directory of the provider process. */
  cwd: string;
  /** Complete environment of the command. */
  env: Record<string, string | undefined>;
  /** The program, for commands that run it. */
  program?: PulumiFn;
  /**
   * `require` of the directory whose `@pulumi/pulumi` serves the program (default: this
   * repository's). It must be the copy the program itself uses: two copies in one run do not
   * share their protocol classes and registration fails.
   */
  pulumiFrom?: NodeRequire;
  /** Text written to the command's standard input (e.g. a secret for `pulumi config set --secret`). */
  stdin?: string;
}

/**
 * Splits a shell command line into words: whitespace separates, single and double quotes group,
 * and `$NAME` / `${NAME}` expand from `env` (outside single quotes). Enough for the lines of this
 * project's workflows and guides; anything else (pipes, `;`, `&&`, backticks) is refused.
 */
export function shellWords(line: string, env: Record<string, string | undefined>): string[] {
  if (/[|;&`<>]/.test(line.replace(/'[^']*'|"[^"]*"/g, ""))) {
    throw new Error(`not a simple command line: ${line}`);
  }
  const words: string[] = [];
  const pattern = /'([^']*)'|"((?:[^"\\]|\\.)*)"|([^\s'"]+)|(\s+)/g;
  let current: string | undefined;
  for (const match of line.trim().matchAll(pattern)) {
    const [, single, double, bare, space] = match;
    if (space !== undefined) {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    const piece = single !== undefined ? single : expand(double ?? bare ?? "", env);
    current = (current ?? "") + piece;
  }
  if (current !== undefined) words.push(current);
  return words;
}

function expand(text: string, env: Record<string, string | undefined>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_all, braced: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const value = env[name];
    if (value === undefined) throw new Error(`$${name} is not set`);
    return value;
  });
}

/** Runs one `pulumi ...` command line. Never throws for a non-zero exit: the code is the result. */
export async function runPulumiCommand(line: string, options: RunOptions): Promise<CommandResult> {
  const words = shellWords(line, options.env);
  if (words[0] !== "pulumi") throw new Error(`not a pulumi command: ${line}`);
  const args = words.slice(1);
  const started = Date.now();
  const runsProgram = PROGRAM_COMMANDS.includes(args.find((arg) => !arg.startsWith("-")) ?? "");
  let stopServer = async (_failed: boolean) => {};
  if (runsProgram) {
    if (!options.program) throw new Error(`${line}: runs the program, but none was given`);
    const served = await serveProgram(options.program, options.pulumiFrom ?? require);
    args.push(`--client=127.0.0.1:${served.port}`, "--exec-kind", "auto.inline");
    stopServer = served.stop;
  }
  const child = spawn(path.join(options.binDir, "pulumi"), args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? "");
  const code = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
  });
  await stopServer(code !== 0);
  return { line, code, stdout, stderr, durationMs: Date.now() - started };
}

/**
 * Starts the language runtime service for `program` on a free loopback port, as the Automation
 * API does for inline programs (`@pulumi/pulumi/automation/stack.js`).
 */
async function serveProgram(
  program: PulumiFn,
  from: NodeRequire,
): Promise<{ port: number; stop: (failed: boolean) => Promise<void> }> {
  // Internal modules of @pulumi/pulumi (no declarations), and the gRPC library that copy uses.
  const pulumiRequire = createRequire(from.resolve("@pulumi/pulumi/package.json"));
  const grpc = pulumiRequire("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
  const langrpc = from("@pulumi/pulumi/proto/language_grpc_pb") as { LanguageRuntimeService: never };
  const { LanguageServer } = from("@pulumi/pulumi/automation/server") as {
    LanguageServer: new (program: PulumiFn) => { onPulumiExit(hasError: boolean): void };
  };
  const { grpcChannelOptions } = from("@pulumi/pulumi/runtime/settings") as { grpcChannelOptions: object };
  const server = new grpc.Server({ ...grpcChannelOptions });
  const languageServer = new LanguageServer(program);
  server.addService(langrpc.LanguageRuntimeService, languageServer as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    port,
    stop: async (failed) => {
      try {
        languageServer.onPulumiExit(failed);
      } finally {
        server.forceShutdown();
      }
    },
  };
}
