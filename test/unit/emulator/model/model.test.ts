import { expect } from "chai";
import { seedDefaults } from "../../../../emulator/model/fixtures";
import { AtlasModel } from "../../../../emulator/model/model";
import { SeededRandom } from "../../../../emulator/model/random";
import { apiKeyView, redactPrivateKey } from "../../../../emulator/http/views";
import { domainError, freshModel, type FreshModel } from "../support/model-fixtures";

describe("emulator model", () => {
  describe("identifiers", () => {
    const random = new SeededRandom("ids");
    const cases: Array<[string, () => string, RegExp]> = [
      ["objectId", () => random.objectId(), /^[a-f0-9]{24}$/],
      ["publicKey", () => random.publicKey(), /^[a-z]{8}$/],
      [
        "privateKey (UUID v4)",
        () => random.uuidV4(),
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ],
    ];
    for (const [name, make, pattern] of cases) {
      it(`${name} matches ${pattern}`, () => {
        for (let i = 0; i < 200; i++) expect(make()).to.match(pattern);
      });
    }

    it("is deterministic per seed and differs between seeds", () => {
      const a = new SeededRandom("same");
      const b = new SeededRandom("same");
      const c = new SeededRandom("other");
      const take = (r: SeededRandom) => [r.objectId(), r.publicKey(), r.uuidV4()];
      const first = take(a);
      expect(take(b)).to.deep.equal(first);
      expect(take(c)).to.not.deep.equal(first);
    });

    it("continues the same sequence after saving and restoring its state", () => {
      const a = new SeededRandom(42);
      a.objectId();
      const restored = SeededRandom.fromState(a.saveState());
      expect(restored.objectId()).to.equal(a.objectId());
    });

    it("seeds the same default fixtures for the same seed", () => {
      const one = seedDefaults(new AtlasModel({ seed: "fixtures" }));
      const two = seedDefaults(new AtlasModel({ seed: "fixtures" }));
      expect(two).to.deep.equal(one);
      expect(one[0].clientId).to.match(/^mdb_sa_id_[a-f0-9]{24}$/);
      expect(one[0].clientSecret).to.match(/^mdb_sa_sk_[a-z0-9]{40}$/);
    });
  });

  describe("API keys", () => {
    it("creates an org key with a clear private key only in the create view", () => {
      const { model, orgId } = freshModel();
      const key = model.createOrgKey(orgId, { desc: "ci", roles: ["ORG_READ_ONLY"] });
      const created = apiKeyView(key, "http://x", true) as { privateKey: string };
      const read = apiKeyView(key, "http://x") as { privateKey: string };
      expect(created.privateKey).to.equal(key.privateKey);
      expect(read.privateKey).to.equal(`********-****-****-${key.privateKey.slice(-12)}`);
      expect(redactPrivateKey("c8150efd-c7a0-4afd-8c4f-01bdd56c8977")).to.equal("********-****-****-01bdd56c8977");
    });

    it("stores created as ISO 8601 without milliseconds", () => {
      const { model, orgId } = freshModel();
      expect(model.createOrgKey(orgId, { desc: "t", roles: ["ORG_MEMBER"] }).created).to.equal("2026-08-21T10:15:30Z");
    });

    it("adds ORG_MEMBER to a key created in a project, and puts it in the project's org", () => {
      const { model, orgId, projectId } = freshModel();
      const key = model.createProjectKey(projectId, { desc: "p", roles: ["GROUP_READ_ONLY"] });
      expect(key.orgId).to.equal(orgId);
      expect(key.orgRoles).to.deep.equal(["ORG_MEMBER"]);
      expect(key.projectRoles).to.deep.equal({ [projectId]: ["GROUP_READ_ONLY"] });
      const view = apiKeyView(key, "http://x") as { roles: unknown[]; links: Array<{ href: string }> };
      expect(view.roles).to.deep.equal([
        { orgId, roleName: "ORG_MEMBER" },
        { groupId: projectId, roleName: "GROUP_READ_ONLY" },
      ]);
      expect(view.links[0].href).to.equal(`http://x/api/atlas/v2/orgs/${orgId}/apiKeys/${key.id}`);
    });

    it("replaces project roles on update and org roles on org update", () => {
      const { model, orgId, projectId } = freshModel();
      const key = model.createProjectKey(projectId, { desc: "p", roles: ["GROUP_READ_ONLY"] });
      model.updateProjectKey(projectId, key.id, { roles: ["GROUP_OWNER"] });
      expect(key.projectRoles[projectId]).to.deep.equal(["GROUP_OWNER"]);
      model.updateOrgKey(orgId, key.id, { roles: ["ORG_READ_ONLY"] });
      expect(key.orgRoles).to.deep.equal(["ORG_READ_ONLY"]);
      expect(key.projectRoles[projectId]).to.deep.equal(["GROUP_OWNER"]);
    });

    it("deleting an org key removes it from every project; unassigning keeps it in the org", () => {
      const { model, orgId, projectId, otherProjectId } = freshModel();
      const a = model.createProjectKey(projectId, { desc: "a", roles: ["GROUP_READ_ONLY"] });
      model.assignKey(otherProjectId, a.id, [{ roles: ["GROUP_OWNER"] }]);
      const b = model.createProjectKey(projectId, { desc: "b", roles: ["GROUP_READ_ONLY"] });
      model.unassignKey(projectId, b.id);
      expect(model.listProjectKeys(projectId).map((k) => k.id)).to.deep.equal([a.id]);
      expect(model.getOrgKey(orgId, b.id).id).to.equal(b.id);
      model.deleteOrgKey(orgId, a.id);
      expect(model.listProjectKeys(projectId)).to.deep.equal([]);
      expect(model.listProjectKeys(otherProjectId)).to.deep.equal([]);
    });

    it("lists keys sorted by public key", () => {
      const { model, orgId } = freshModel();
      for (let i = 0; i < 20; i++) model.createOrgKey(orgId, { desc: `k${i}`, roles: ["ORG_MEMBER"] });
      const keys = model.listOrgKeys(orgId).map((k) => k.publicKey);
      expect(keys).to.deep.equal([...keys].sort());
    });

    const createRejects: Array<[string, unknown, string]> = [
      ["missing desc", { roles: ["ORG_MEMBER"] }, "MISSING_ATTRIBUTE"],
      ["empty desc", { desc: "", roles: ["ORG_MEMBER"] }, "INVALID_API_KEY_DESC"],
      ["251-character desc", { desc: "x".repeat(251), roles: ["ORG_MEMBER"] }, "INVALID_API_KEY_DESC"],
      ["numeric desc", { desc: 5, roles: ["ORG_MEMBER"] }, "INVALID_JSON_ATTRIBUTE"],
      ["missing roles", { desc: "d" }, "MISSING_ATTRIBUTE"],
      ["empty roles", { desc: "d", roles: [] }, "MISSING_API_KEY_ROLES"],
      ["project role on an org key", { desc: "d", roles: ["GROUP_OWNER"] }, "INVALID_ROLE_FOR_ORG"],
      ["unknown role", { desc: "d", roles: ["ORG_SUPERUSER"] }, "INVALID_ROLE_FOR_ORG"],
      ["unknown attribute", { desc: "d", roles: ["ORG_MEMBER"], description: "x" }, "INVALID_ATTRIBUTE"],
      ["array body", [], "INVALID_JSON"],
    ];
    for (const [name, body, code] of createRejects) {
      it(`createOrgKey rejects ${name} with ${code}`, () => {
        const { model, orgId } = freshModel();
        expect(domainError(() => model.createOrgKey(orgId, body as never)).errorCode).to.equal(code);
      });
    }

    it("accepts a 250-character desc", () => {
      const { model, orgId } = freshModel();
      expect(model.createOrgKey(orgId, { desc: "x".repeat(250), roles: ["ORG_MEMBER"] }).desc).to.have.length(250);
    });

    it("words invalid roles with 'Invalid role'", () => {
      const { model, orgId, projectId } = freshModel();
      expect(domainError(() => model.createOrgKey(orgId, { desc: "d", roles: ["GROUP_OWNER"] })).detail).to.match(
        /Invalid role/,
      );
      expect(
        domainError(() => model.createProjectKey(projectId, { desc: "d", roles: ["GROUP_NOPE"] })).detail,
      ).to.match(/Invalid role/);
    });

    const projectCases: Array<[string, (m: AtlasModel, ids: FreshModel, keyId: string) => unknown, string]> = [
      [
        "org role in update",
        (m, ids, k) => m.updateProjectKey(ids.projectId, k, { roles: ["ORG_OWNER"] }),
        "INVALID_ROLE_FOR_GROUP",
      ],
      ["neither desc nor roles", (m, ids, k) => m.updateProjectKey(ids.projectId, k, {}), "MISSING_ONE_OF_ATTRIBUTES"],
      [
        "assign twice",
        (m, ids, k) => m.assignKey(ids.projectId, k, [{ roles: ["GROUP_OWNER"] }]),
        "API_KEY_ALREADY_IN_GROUP",
      ],
      [
        "assign to another org's project",
        (m, ids, k) => m.assignKey(ids.otherOrgProjectId, k, [{ roles: ["GROUP_OWNER"] }]),
        "API_KEY_CAN_ONLY_BELONG_TO_ONE_ORG",
      ],
      [
        "assign an unknown key",
        (m, ids) => m.assignKey(ids.projectId, "0".repeat(24), [{ roles: ["GROUP_OWNER"] }]),
        "API_KEY_NOT_FOUND",
      ],
      ["unassign a key not in the project", (m, ids, k) => m.unassignKey(ids.otherProjectId, k), "API_KEY_NOT_FOUND"],
      ["unknown project", (m, _ids, k) => m.unassignKey("1".repeat(24), k), "GROUP_NOT_FOUND"],
      ["unknown org", (m) => m.listOrgKeys("2".repeat(24)), "ORG_NOT_FOUND"],
      [
        "project key without a project role",
        (m, ids) => m.createProjectKey(ids.projectId, { desc: "d", roles: ["ORG_OWNER"] }),
        "INVALID_ROLE_FOR_GROUP",
      ],
    ];
    for (const [name, act, code] of projectCases) {
      it(`${name} → ${code}`, () => {
        const ids = freshModel();
        const key = ids.model.createProjectKey(ids.projectId, { desc: "p", roles: ["GROUP_READ_ONLY"] });
        expect(domainError(() => act(ids.model, ids, key.id)).errorCode).to.equal(code);
      });
    }

    it("GROUP_NOT_FOUND carries Atlas's detail and parameters", () => {
      const { model } = freshModel();
      const err = domainError(() => model.getProject("111111111111111111111111"));
      expect(err.detail).to.equal("No group with ID 111111111111111111111111 exists.");
      expect(err.parameters).to.deep.equal(["111111111111111111111111"]);
    });
  });
});
