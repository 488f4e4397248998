/**
 * Every lookup, in its Promise and its Output form, against the emulator, with the stack's
 * credentials from the environment: the shapes `@pulumi/mongodbatlas` returns (`id`, `orgId`,
 * `results`), ids checked before any request, and no private key in any result.
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as lookups from "../../provider";
import { forgetConnection } from "../../provider/atlas/connection";
import { adminClient, start, type Emulator } from "../support/provider-harness";

/** The value of an Output computed outside a program. */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

describe("lookups: every one, both forms", () => {
  let emulator: Emulator;
  let keyId: string;
  let privateKey: string;
  const saved = { ...process.env };

  before(async () => {
    emulator = await start({ seed: "lookups-both-forms", rateLimit: false });
    process.env.MONGODB_ATLAS_PUBLIC_KEY = emulator.publicKey;
    process.env.MONGODB_ATLAS_PRIVATE_KEY = emulator.privateKey;
    process.env.MONGODB_ATLAS_BASE_URL = emulator.url;
    const admin = adminClient(emulator);
    const key = await admin.createProjectApiKey(emulator.projectId, { desc: "looked up", roles: ["GROUP_READ_ONLY"] });
    keyId = key.id;
    privateKey = key.privateKey;
    await admin.assignApiKeyToProject(emulator.secondProjectId, keyId, ["GROUP_OWNER"]);
    await admin.createAccessListEntries(emulator.orgId, keyId, [
      { ipAddress: "203.0.113.7" },
      { cidrBlock: "198.51.100.0/24" },
    ]);
    admin.close();
  });
  after(async () => {
    process.env = saved;
    forgetConnection();
    await emulator.close();
  });

  it("getApiKey / getApiKeys: id, orgId, results", async () => {
    const orgId = emulator.orgId;
    const one = await lookups.getApiKey({ orgId, apiKeyId: keyId });
    expect(one).to.deep.include({ id: `${orgId}/${keyId}`, orgId, apiKeyId: keyId, description: "looked up" });
    expect(one.roleNames).to.deep.equal(["ORG_MEMBER"]);
    expect(await valueOf(lookups.getApiKeyOutput({ orgId: pulumi.output(orgId), apiKeyId: keyId }))).to.deep.equal(one);
    const all = await lookups.getApiKeys({ orgId });
    expect(all.id).to.equal(orgId);
    expect(all.orgId).to.equal(orgId);
    expect(all.results.map((k) => k.apiKeyId)).to.include.members([keyId, emulator.apiKeyId]);
    expect(await valueOf(lookups.getApiKeysOutput({ orgId }))).to.deep.equal(all);
    const page = await lookups.getApiKeys({ orgId, pageNum: 2, itemsPerPage: 1 });
    expect(page.results).to.deep.equal(all.results.slice(1, 2));
  });

  it("getProjectApiKey / getProjectApiKeys: every project of the key, privateKey empty", async () => {
    const projectId = emulator.projectId;
    const one = await lookups.getProjectApiKey({ projectId, apiKeyId: keyId });
    expect(one).to.deep.include({ id: `${projectId}/${keyId}`, projectId, apiKeyId: keyId, privateKey: "" });
    expect(one.projectAssignments).to.deep.include.members([
      { projectId, roleNames: ["GROUP_READ_ONLY"] },
      { projectId: emulator.secondProjectId, roleNames: ["GROUP_OWNER"] },
    ]);
    expect(await valueOf(lookups.getProjectApiKeyOutput({ projectId, apiKeyId: keyId }))).to.deep.equal(one);
    const all = await lookups.getProjectApiKeys({ projectId });
    expect(all).to.deep.include({ id: projectId, projectId });
    expect(all.results.map((k) => k.apiKeyId)).to.include(keyId);
    expect(await valueOf(lookups.getProjectApiKeysOutput({ projectId }))).to.deep.equal(all);
    let message = "";
    await lookups
      .getProjectApiKey({ projectId, apiKeyId: emulator.apiKeyId })
      .catch((e: Error) => (message = e.message));
    expect(message).to.equal(`API key ${emulator.apiKeyId} is not assigned to project ${projectId}.`);
  });

  it("getAccessListApiKey / getAccessListApiKeys: an address and a CIDR block", async () => {
    const args = { orgId: emulator.orgId, apiKeyId: keyId };
    const address = await lookups.getAccessListApiKey({ ...args, ipAddress: "203.0.113.7" });
    expect(address).to.deep.include({
      id: `${emulator.orgId}/${keyId}/203.0.113.7`,
      ipAddress: "203.0.113.7",
      cidrBlock: "203.0.113.7/32",
    });
    const block = await lookups.getAccessListApiKey({ ...args, ipAddress: "198.51.100.0/24" });
    expect(block.cidrBlock).to.equal("198.51.100.0/24");
    expect(await valueOf(lookups.getAccessListApiKeyOutput({ ...args, ipAddress: "203.0.113.7" }))).to.deep.equal(
      address,
    );
    const all = await lookups.getAccessListApiKeys(args);
    expect(all).to.deep.include({ id: `${emulator.orgId}/${keyId}`, ...args });
    expect(all.results.map((e) => e.cidrBlock).sort()).to.deep.equal(["198.51.100.0/24", "203.0.113.7/32"]);
    expect(await valueOf(lookups.getAccessListApiKeysOutput(args))).to.deep.equal(all);
  });

  it("getApiKeyProjectAssignment / getApiKeyProjectAssignments: the key's roles in the project", async () => {
    const projectId = emulator.secondProjectId;
    const one = await lookups.getApiKeyProjectAssignment({ projectId, apiKeyId: keyId });
    expect(one).to.deep.equal({ id: `${projectId}/${keyId}`, apiKeyId: keyId, projectId, roles: ["GROUP_OWNER"] });
    expect(await valueOf(lookups.getApiKeyProjectAssignmentOutput({ projectId, apiKeyId: keyId }))).to.deep.equal(one);
    const all = await lookups.getApiKeyProjectAssignments({ projectId });
    expect(all.projectId).to.equal(projectId);
    expect(all.results).to.deep.include({ apiKeyId: keyId, projectId, roles: ["GROUP_OWNER"] });
    expect(await valueOf(lookups.getApiKeyProjectAssignmentsOutput({ projectId }))).to.deep.equal(all);
  });

  it("the deprecated listApiKeys / listProjectApiKeys still answer", async () => {
    expect((await lookups.listApiKeys({ orgId: emulator.orgId })).map((k) => k.apiKeyId)).to.include(keyId);
    expect((await lookups.listProjectApiKeys({ projectId: emulator.projectId })).map((k) => k.apiKeyId)).to.include(
      keyId,
    );
  });

  it("checks ids and entries before any request, and never returns a private key", async () => {
    emulator.clearRequests();
    const refused: string[] = [];
    const calls = [
      lookups.getApiKeys({ orgId: "not-an-id" }),
      lookups.getProjectApiKeys({ projectId: "abcdefgh" }),
      lookups.getAccessListApiKey({ orgId: emulator.orgId, apiKeyId: keyId, ipAddress: "203.0.113.300" }),
      lookups.getApiKeyProjectAssignments({ projectId: "" }),
    ];
    for (const call of calls) await call.catch((e: Error) => refused.push(e.message));
    expect(refused).to.have.length(4);
    expect(refused[2]).to.match(/ipAddress/);
    expect(emulator.requests()).to.deep.equal([]);
    const everything = JSON.stringify(
      await Promise.all([
        lookups.getApiKeys({ orgId: emulator.orgId }),
        lookups.getProjectApiKeys({ projectId: emulator.projectId }),
      ]),
    );
    expect(everything.includes(privateKey), "a private key in a lookup result").to.equal(false);
  });
});
