import { expect } from "chai";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { start } from "../../../emulator";
import { DigestClient, rawRequest } from "./support/http-client";

const CLI = join(__dirname, "..", "..", "..", "emulator", "cli.js");

interface Handoff {
  url: string;
  orgId: string;
  projectId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
  clientSecret: string;
}

/** Starts the CLI and resolves with the process and its first stdout line, parsed. */
function launch(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; first: Handoff; raw: string }> {
  const child = spawn(process.execPath, [CLI, ...args]);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (raw) => resolve({ child, first: JSON.parse(raw) as Handoff, raw }));
    child.once("exit", (code) => reject(new Error(`emulator exited early with ${code}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

function runToEnd(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args]);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  return exitOf(child).then((code) => ({ code, stdout, stderr }));
}

describe("emulator command line and state file", function () {
  this.timeout(30_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "atlas-emulator-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints exactly one JSON object with the seeded credentials as its first line, then exits 0 on SIGTERM", async () => {
    const { child, first, raw } = await launch(["--port", "0", "--seed", "cli-test"]);
    try {
      expect(Object.keys(first)).to.deep.equal([
        "url",
        "orgId",
        "projectId",
        "publicKey",
        "privateKey",
        "clientId",
        "clientSecret",
      ]);
      expect(raw).to.equal(JSON.stringify(first));
      expect(first.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(first.url).to.not.match(/:0$/);
      const res = await new DigestClient(first.url, first.publicKey, first.privateKey).get(
        `/api/atlas/v2/orgs/${first.orgId}/apiKeys`,
      );
      expect(res.status).to.equal(200);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exitOf(child)).to.equal(0);
  });

  it("exits 0 on SIGINT as well", async () => {
    const { child } = await launch(["--port", "0"]);
    child.kill("SIGINT");
    expect(await exitOf(child)).to.equal(0);
  });

  it("gives the same credentials for the same seed", async () => {
    const a = await launch(["--seed", "same", "--no-rate-limit"]);
    const b = await launch(["--seed", "same", "--latency-ms", "0"]);
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect({ ...a.first, url: "" }).to.deep.equal({ ...b.first, url: "" });
    await Promise.all([exitOf(a.child), exitOf(b.child)]);
  });

  it("prints usage with --help and refuses unknown flags", async () => {
    const help = await runToEnd(["--help"]);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.match(/^Usage: atlas-apikeys-emulator/);
    expect(help.stdout).to.include("--state-file");
    const bad = await runToEnd(["--frobnicate"]);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include("unknown option --frobnicate");
    const remote = await runToEnd(["--host", "0.0.0.0"]);
    expect(remote.code).to.equal(1);
    expect(remote.stderr).to.include("loopback");
  });

  it("keeps state across restarts with --state-file", async () => {
    const file = join(dir, "cli-state.json");
    const one = await launch(["--state-file", file, "--seed", "persist"]);
    const api = new DigestClient(one.first.url, one.first.publicKey, one.first.privateKey);
    const created = (
      await api.post(`/api/atlas/v2/orgs/${one.first.orgId}/apiKeys`, { desc: "survives", roles: ["ORG_MEMBER"] })
    ).json;
    one.child.kill("SIGTERM");
    expect(await exitOf(one.child)).to.equal(0);
    expect(existsSync(file)).to.equal(true);
    expect(statSync(file).mode & 0o777).to.equal(0o600);

    const two = await launch(["--state-file", file]);
    try {
      expect({ ...two.first, url: "" }).to.deep.equal({ ...one.first, url: "" });
      const again = new DigestClient(two.first.url, two.first.publicKey, two.first.privateKey);
      const got = await again.get(`/api/atlas/v2/orgs/${two.first.orgId}/apiKeys/${created.id}`);
      expect(got.status).to.equal(200);
      expect(got.json.desc).to.equal("survives");
      // New ids continue the sequence instead of repeating the first run's.
      const next = (
        await again.post(`/api/atlas/v2/orgs/${two.first.orgId}/apiKeys`, { desc: "new", roles: ["ORG_MEMBER"] })
      ).json;
      expect(next.id).to.not.equal(created.id);
      expect(next.publicKey).to.not.equal(created.publicKey);
    } finally {
      two.child.kill("SIGTERM");
      await exitOf(two.child);
    }
  });

  it("round-trips state through start({stateFile}) in process", async () => {
    const file = join(dir, "in-process.json");
    const first = await start({ stateFile: file, seed: "in-process" });
    const key = first.model.createOrgKey(first.orgId, { desc: "saved", roles: ["ORG_MEMBER"] });
    first.model.addAccessListEntries(first.orgId, key.id, [{ ipAddress: "192.0.2.7" }]);
    await first.close();
    const second = await start({ stateFile: file });
    try {
      expect(second.seed).to.equal("in-process");
      expect(second.privateKey).to.equal(first.privateKey);
      expect(second.model.getOrgKey(second.orgId, key.id).accessList[0].cidrBlock).to.equal("192.0.2.7/32");
      expect((await rawRequest(second.url, "GET", "/__emulator/health")).status).to.equal(200);
    } finally {
      await second.close();
    }
  });
});
