import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import type { ResourceKind } from "../../provider/runtime/serializable";

/**
 * Issue 10: a wrong base URL must never empty the state nor report a delete
 * that did not happen. Each resource kind is created with the right settings,
 * then read and deleted with a wrong base URL, then found intact.
 */
describe("a wrong base URL never takes a live resource for gone", () => {
  let emulator: Emulator;
  const created: { kind: ResourceKind; id: string; outs: Record<string, unknown> }[] = [];
  let keyId = "";

  before(async () => {
    emulator = await start({ port: 0, seed: "misconfiguration-tests", rateLimit: false });
    configureRuntime(emulator);
    const make = async (kind: ResourceKind, news: object) => {
      const checked = await handlers[kind].check({}, news);
      expect(checked.failures, kind).to.deep.equal([]);
      const result = await handlers[kind].create(checked.inputs);
      created.push({ kind, id: result.id, outs: result.outs });
      return result.outs;
    };
    const orgId = emulator.orgId;
    const org = await make("apiKey", {
      orgId,
      description: "live",
      roleNames: ["ORG_MEMBER"],
      accessList: ["10.0.0.0/8"],
    });
    keyId = org.apiKeyId as string;
    await make("projectApiKey", {
      description: "live project key",
      projectAssignments: [{ projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] }],
      accessList: ["192.0.2.1"],
    });
    await make("apiKeyProjectAssignment", { projectId: emulator.projectId, apiKeyId: keyId, roles: ["GROUP_OWNER"] });
    await make("accessListApiKey", { orgId, apiKeyId: keyId, cidrBlock: "198.51.100.0/24" });
  });
  after(async () => emulator.close());

  /** Every read and delete fails, naming the request and the fix; nothing is reported gone. */
  async function expectRefusals(pattern: RegExp) {
    for (const { kind, id, outs } of created) {
      const read = await handlers[kind].read(id, outs).then(
        (result: object) => ({ result }),
        (error: Error) => ({ error }),
      );
      expect(read, `${kind}: read must fail, not report the resource gone`).to.have.property("error");
      expect((read as { error: Error }).error.message, kind).to.match(pattern);
      const deleted = await handlers[kind].delete(id, outs).then(
        () => undefined,
        (error: Error) => error,
      );
      expect(deleted, `${kind}: delete must fail, not report success`).to.be.instanceOf(Error);
      expect(deleted!.message, kind).to.match(pattern);
    }
  }

  async function expectAllLive() {
    configureRuntime(emulator);
    for (const { kind, id, outs } of created) {
      const read = await handlers[kind].read(id, outs);
      expect(read.id, `${kind} is still live and readable with the right base URL`).to.equal(id);
    }
    const key = await adminClient(emulator).getOrgApiKey(emulator.orgId, keyId);
    expect(key.roles.map((r) => r.roleName)).to.include("GROUP_OWNER");
  }

  it("a path prefix that is not Atlas's (404s that are not Atlas errors): read and delete fail, naming the request", async () => {
    configureRuntime(emulator, { "mongodbatlas:baseUrl": `${emulator.url}/proxy` });
    await expectRefusals(/\/proxy\/api\/atlas\/v2\/\S+ answered HTTP 404 .*base URL looks wrong/);
    await expectAllLive();
  });

  it("the API root as Atlas's docs print it is refused before any request, naming the fix", async () => {
    configureRuntime(emulator, { "mongodbatlas:baseUrl": `${emulator.url}/api/atlas/v2` });
    emulator.clearRequests();
    await expectRefusals(/already contains \/api\/atlas.*must be the host root/);
    expect(emulator.requests()).to.have.length(0);
    await expectAllLive();
  });

  it("check and diff still work with a wrong base URL (preview of unrelated changes)", async () => {
    configureRuntime(emulator, { "mongodbatlas:baseUrl": `${emulator.url}/api/atlas/v2` });
    const checked = await handlers.apiKey.check(
      {},
      { orgId: emulator.orgId, description: "d", roleNames: ["ORG_MEMBER"] },
    );
    expect(checked.failures).to.deep.equal([]);
  });
});
