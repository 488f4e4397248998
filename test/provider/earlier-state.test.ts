/**
 * State written by release 0.1.0, run through today's runtime. The serialized stub in every
 * resource's state loads the installed runtime, so each release reads, diffs, updates and deletes
 * what all earlier releases wrote. The fixtures (test/fixtures/state-0.1.0/README.md) hold the
 * outputs of a real 0.1.0 deployment and the emulator state with the same ids.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { configureRuntime, handlers, start, stackConfig, type Emulator } from "../support/provider-harness";
import { ProviderHost } from "../support/provider-host";
import type { ResourceKind } from "../../provider/runtime/serializable";

type Props = Record<string, unknown>;

/** One resource as release 0.1.0 left it in state (secrets as fake plaintext). */
interface Fixture {
  kind: ResourceKind;
  urn: string;
  id: string;
  inputs: Props;
  outputs: Props;
}

const FIXTURES = path.resolve(__dirname, "..", "..", "..", "test", "fixtures", "state-0.1.0");

function fixture(kind: ResourceKind): Fixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${kind}.json`), "utf8")) as Fixture;
}

/** Without the serialized stub: what the engine hands the runtime's handlers. */
function withoutProvider(props: Props): Props {
  const { __provider, ...rest } = props;
  void __provider;
  return rest;
}

describe("state written by release 0.1.0, handled by the current runtime", function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let stateDir: string;

  // The emulator rewrites its state file, so each test starts from a fresh copy of the fixture.
  beforeEach(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "state-0.1.0-"));
    const stateFile = path.join(stateDir, "emulator-state.json");
    fs.copyFileSync(path.join(FIXTURES, "emulator-state.json"), stateFile);
    emulator = await start({ port: 0, stateFile, rateLimit: false });
    configureRuntime(emulator);
  });
  afterEach(async () => {
    await emulator?.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  function keyOf(apiKeyId: unknown) {
    return emulator.model.state.apiKeys[String(apiKeyId)];
  }

  /** read finds the resource with the stored values; check + diff of the stored inputs plan nothing. */
  async function readAndDiff(kind: ResourceKind): Promise<{ state: Fixture; read: Props; inputs: Props }> {
    const state = fixture(kind);
    const olds = withoutProvider(state.outputs);
    const read = await handlers[kind].read(state.id, olds);
    expect(read.id, `${kind}: read finds the resource`).to.equal(state.id);
    expect(read.props, `${kind}: read keeps the stored values`).to.deep.equal(olds);
    const checked = await handlers[kind].check(olds, withoutProvider(state.inputs));
    expect(checked.failures ?? []).to.deep.equal([]);
    const diff = await handlers[kind].diff(state.id, read.props as Props, checked.inputs);
    expect(diff.changes, `${kind}: the 0.1.0 inputs plan no change`).to.equal(false);
    return { state, read: read.props as Props, inputs: checked.inputs };
  }

  it("the fixture's ids exist in the emulator state it ships with", () => {
    for (const kind of ["apiKey", "projectApiKey"] as const) {
      const outputs = fixture(kind).outputs;
      expect(keyOf(outputs.apiKeyId)?.orgId, kind).to.equal(outputs.orgId);
    }
    expect(fixture("apiKey").outputs.orgId).to.equal(emulator.orgId);
  });

  it("the fixtures hold no real secret: every private key is a fake of zeros", () => {
    const stored = fs.readFileSync(path.join(FIXTURES, "emulator-state.json"), "utf8");
    const privateKeys = [...stored.matchAll(/"privateKey": "([^"]*)"/g)].map((m) => m[1]);
    privateKeys.push(String(fixture("apiKey").outputs.privateKey), String(fixture("projectApiKey").outputs.privateKey));
    expect(privateKeys).to.have.length(6);
    for (const value of privateKeys) expect(value).to.match(/^00000000-0000-4000-8000-0000000000\d\d$/);
  });

  it("apiKey: read, no diff, update of description and roles, delete", async () => {
    const { state, read, inputs } = await readAndDiff("apiKey");
    expect(read.privateKey, "the stored private key is kept").to.equal(state.outputs.privateKey);
    const news = { ...inputs, description: "fixture org key v2", roleNames: ["ORG_MEMBER"] };
    const diff = await handlers.apiKey.diff(state.id, read, news);
    expect(diff).to.deep.include({ changes: true, replaces: [] });
    const updated = (await handlers.apiKey.update(state.id, read, news)).outs as Props;
    expect(updated.privateKey).to.equal(state.outputs.privateKey);
    expect(keyOf(read.apiKeyId).desc).to.equal("fixture org key v2");
    expect(keyOf(read.apiKeyId).orgRoles).to.deep.equal(["ORG_MEMBER"]);
    await handlers.apiKey.delete(state.id, updated);
    expect(keyOf(read.apiKeyId)).to.equal(undefined);
  });

  it("projectApiKey: read, no diff, update of the description, delete", async () => {
    const { state, read, inputs } = await readAndDiff("projectApiKey");
    expect(read.privateKey, "the stored private key is kept").to.equal(state.outputs.privateKey);
    const news = { ...inputs, description: "fixture project key v2" };
    const updated = (await handlers.projectApiKey.update(state.id, read, news)).outs as Props;
    expect(updated.description).to.equal("fixture project key v2");
    expect(keyOf(read.apiKeyId).desc).to.equal("fixture project key v2");
    await handlers.projectApiKey.delete(state.id, updated);
    expect(keyOf(read.apiKeyId)).to.equal(undefined);
  });

  it("apiKeyProjectAssignment: read, no diff, update of the roles, delete", async () => {
    const { state, read, inputs } = await readAndDiff("apiKeyProjectAssignment");
    const projectId = String(read.projectId);
    const news = { ...inputs, roles: ["GROUP_READ_ONLY", "GROUP_DATA_ACCESS_READ_ONLY"] };
    const diff = await handlers.apiKeyProjectAssignment.diff(state.id, read, news);
    expect(diff).to.deep.include({ changes: true, replaces: [] });
    const updated = (await handlers.apiKeyProjectAssignment.update(state.id, read, news)).outs as Props;
    expect([...keyOf(read.apiKeyId).projectRoles[projectId]].sort()).to.deep.equal([
      "GROUP_DATA_ACCESS_READ_ONLY",
      "GROUP_READ_ONLY",
    ]);
    await handlers.apiKeyProjectAssignment.delete(state.id, updated);
    expect(keyOf(read.apiKeyId).projectRoles[projectId]).to.equal(undefined);
    expect(keyOf(read.apiKeyId), "only the assignment is removed").to.not.equal(undefined);
  });

  it("accessListApiKey: read, no diff, a new address replaces, update keeps the entry, delete", async () => {
    const { state, read, inputs } = await readAndDiff("accessListApiKey");
    const entries = () => keyOf(read.apiKeyId).accessList.map((entry: { cidrBlock: string }) => entry.cidrBlock);
    const moved = await handlers.accessListApiKey.diff(state.id, read, { ...inputs, ipAddress: "203.0.113.11" });
    expect(moved).to.deep.include({ changes: true, replaces: ["ipAddress"] });
    // Every change of an entry is a replacement; an update with the same inputs must leave it as it is.
    const updated = (await handlers.accessListApiKey.update(state.id, read, inputs)).outs as Props;
    expect(updated).to.deep.equal(read);
    expect(entries()).to.include("203.0.113.10/32");
    await handlers.accessListApiKey.delete(state.id, updated);
    expect(entries()).to.deep.equal([]);
    expect(keyOf(read.apiKeyId), "only the entry is removed").to.not.equal(undefined);
  });

  describe("the 0.1.0 stub text itself, through the real dynamic-provider host", () => {
    let host: ProviderHost;
    beforeEach(async () => {
      host = await ProviderHost.start();
      await host.configure(stackConfig(emulator));
    });
    afterEach(async () => host?.close());

    it("deserializes the stored __provider of each kind and forwards read, update and delete", async () => {
      const apiKey = fixture("apiKey");
      const read = await host.read(apiKey.urn, apiKey.id, apiKey.outputs);
      expect(read.id).to.equal(apiKey.id);
      expect(read.properties.description).to.equal("fixture org key");
      const news = { ...apiKey.inputs, description: "updated through the 0.1.0 stub" };
      const updated = await host.update(apiKey.urn, apiKey.id, read.properties, news);
      expect(updated.description).to.equal("updated through the 0.1.0 stub");
      expect(keyOf(apiKey.outputs.apiKeyId).desc).to.equal("updated through the 0.1.0 stub");

      for (const kind of ["accessListApiKey", "apiKeyProjectAssignment", "projectApiKey"] as const) {
        const state = fixture(kind);
        const found = await host.read(state.urn, state.id, state.outputs);
        expect(found.id, `${kind} read through its 0.1.0 stub`).to.equal(state.id);
        await host.delete(state.urn, state.id, state.outputs);
      }
      expect(keyOf(fixture("projectApiKey").outputs.apiKeyId)).to.equal(undefined);
      expect(keyOf(apiKey.outputs.apiKeyId).projectRoles).to.deep.equal({});
      await host.delete(apiKey.urn, apiKey.id, updated);
      expect(keyOf(apiKey.outputs.apiKeyId)).to.equal(undefined);
    });
  });
});
