import { expect } from "chai";
import { KeyReader } from "../../../provider/atlas/key-reader";
import { AtlasApiError } from "../../../provider/atlas/errors";
import type { ApiKeyDetails, AtlasApi } from "../../../provider/atlas/types";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";

function key(i: number): ApiKeyDetails {
  return { id: i.toString(16).padStart(24, "0"), desc: `key ${i}`, publicKey: "abcdefgh", privateKey: "x", roles: [] };
}

/** A fake API that records calls; only the read calls the reader uses are implemented. */
function fakeApi(keys: ApiKeyDetails[]) {
  const calls: string[] = [];
  const api = {
    async listOrgApiKeys(orgId: string) {
      calls.push(`list ${orgId}`);
      return keys.map((k) => ({ ...k }));
    },
    async getOrgApiKey(orgId: string, id: string) {
      calls.push(`get ${id}`);
      const found = keys.find((k) => k.id === id);
      if (!found) throw new AtlasApiError({ status: 404, errorCode: "API_KEY_NOT_FOUND", method: "GET", path: "/x" });
      return { ...found };
    },
    async listProjectApiKeys(projectId: string) {
      calls.push(`project ${projectId}`);
      return keys;
    },
  } as unknown as AtlasApi;
  return { api, calls };
}

describe("KeyReader: coalesced reads", () => {
  it("answers 200 concurrent reads of one organization with one list call", async () => {
    const keys = Array.from({ length: 200 }, (_, i) => key(i + 1));
    const { api, calls } = fakeApi(keys);
    const reader = new KeyReader(() => api, { windowMs: 5, snapshotTtlMs: 1000 });
    const results = await Promise.all(keys.map((k) => reader.orgKey(ORG, k.id)));
    expect(results.map((r) => r?.desc)).to.deep.equal(keys.map((k) => k.desc));
    expect(calls).to.deep.equal([`list ${ORG}`]);
  });

  it("still detects a deleted key per key inside a batch", async () => {
    const { api } = fakeApi([key(1), key(2)]);
    const reader = new KeyReader(() => api, { windowMs: 5, snapshotTtlMs: 1000 });
    const [a, gone] = await Promise.all([reader.orgKey(ORG, key(1).id), reader.orgKey(ORG, key(99).id)]);
    expect(a?.id).to.equal(key(1).id);
    expect(gone).to.equal(undefined);
  });

  it("uses a single GET for a lone read, and undefined for not found", async () => {
    const { api, calls } = fakeApi([key(1)]);
    const reader = new KeyReader(() => api, { windowMs: 1, snapshotTtlMs: 1000 });
    expect((await reader.orgKey(ORG, key(1).id))?.id).to.equal(key(1).id);
    expect(await reader.orgKey(ORG, key(7).id)).to.equal(undefined);
    expect(calls).to.deep.equal([`get ${key(1).id}`, `get ${key(7).id}`]);
  });

  it("serves later reads from a fresh snapshot, and reads again after it expires or a write", async () => {
    let now = 0;
    const { api, calls } = fakeApi([key(1), key(2), key(3)]);
    const reader = new KeyReader(
      () => api,
      { windowMs: 1, snapshotTtlMs: 100 },
      () => now,
    );
    await Promise.all([reader.orgKey(ORG, key(1).id), reader.orgKey(ORG, key(2).id)]);
    await reader.orgKey(ORG, key(3).id);
    expect(calls).to.have.length(1);
    now = 101;
    await reader.orgKey(ORG, key(3).id);
    expect(calls).to.have.length(2);
    now = 150;
    await Promise.all([reader.orgKey(ORG, key(1).id), reader.orgKey(ORG, key(2).id)]);
    reader.invalidate();
    await reader.orgKey(ORG, key(3).id);
    expect(calls.at(-1)).to.equal(`get ${key(3).id}`);
  });

  it("passes a list failure to every waiting read", async () => {
    const api = {
      async listOrgApiKeys() {
        throw new AtlasApiError({ status: 500, errorCode: "UNEXPECTED_ERROR", method: "GET", path: "/x" });
      },
    } as unknown as AtlasApi;
    const reader = new KeyReader(() => api, { windowMs: 1, snapshotTtlMs: 1000 });
    const results = await Promise.allSettled([reader.orgKey(ORG, key(1).id), reader.orgKey(ORG, key(2).id)]);
    expect(results.map((r) => r.status)).to.deep.equal(["rejected", "rejected"]);
  });
});
