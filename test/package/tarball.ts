/**
 * The npm tarball of this package, made the way `npm publish` makes it (`npm pack`, which runs the
 * `prepack` script), and what is inside it.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { repoRoot } from "../../harness/pulumi";

const execFileAsync = promisify(execFile);

/** A packed tarball. */
export interface Tarball {
  /** Absolute path of the `.tgz`. */
  file: string;
  /** Paths inside the tarball, relative to its `package/` root, sorted. */
  files: string[];
  /** The package.json as packed. */
  manifest: PackedManifest;
}

/** The fields of package.json the checks read. */
export interface PackedManifest {
  name: string;
  version: string;
  license?: string;
  repository?: string | { type: string; url: string };
  homepage?: string;
  bugs?: string | { url: string };
  main?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Environment of npm commands: no update notice, no audit or funding calls, quiet logs. */
export function npmEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_loglevel: "error",
  };
}

/**
 * Runs `npm pack` in the repository into `destination` and lists the tarball it wrote. With
 * `runScripts: false` the `prepack` build is skipped and `dist/` is packed as it is.
 */
export async function packTarball(destination: string, options: { runScripts?: boolean } = {}): Promise<Tarball> {
  fs.mkdirSync(destination, { recursive: true });
  const scripts = options.runScripts === false ? ["--ignore-scripts"] : [];
  const { stdout } = await execFileAsync("npm", ["pack", "--json", ...scripts, "--pack-destination", destination], {
    cwd: repoRoot,
    env: npmEnv(),
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  // Lifecycle scripts (prepack) may print before npm's JSON report: it starts at a line "[".
  const start = stdout.search(/^\[/m);
  if (start < 0) throw new Error(`npm pack printed no JSON report:\n${stdout.slice(0, 2000)}`);
  const report = JSON.parse(stdout.slice(start)) as { filename: string }[];
  const file = path.join(destination, path.basename(report[0].filename));
  return { file, files: await listTarball(file), manifest: await readPackedManifest(file) };
}

/** The file paths inside a tarball (from `tar`, not from npm's report), without the `package/` prefix. */
export async function listTarball(file: string): Promise<string[]> {
  const { stdout } = await execFileAsync("tar", ["-tzf", file], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split("\n")
    .filter((line) => line !== "" && !line.endsWith("/"))
    .map((line) => line.replace(/^package\//, ""))
    .sort();
}

/** Extracts one file of the tarball as text. */
export async function readTarballFile(file: string, inside: string): Promise<string> {
  const { stdout } = await execFileAsync("tar", ["-xzOf", file, `package/${inside}`], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function readPackedManifest(file: string): Promise<PackedManifest> {
  return JSON.parse(await readTarballFile(file, "package.json")) as PackedManifest;
}
