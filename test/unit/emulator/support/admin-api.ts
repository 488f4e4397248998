import { expect } from "chai";
import { start, type EmulatorHandle, type StartOptions } from "../../../../emulator";
import { DigestClient } from "./http-client";

/** An emulator and a digest client of its seeded admin key. */
export interface AdminApi {
  emu: EmulatorHandle;
  /** Reuses nonces, as Atlas's own clients do, so that a call costs one request. */
  api: DigestClient;
}

/** Starts an emulator with `options` and a client of its admin key; the caller closes `emu`. */
export async function startWithAdmin(options: StartOptions): Promise<AdminApi> {
  const emu = await start(options);
  return { emu, api: new DigestClient(emu.url, emu.publicKey, emu.privateKey, { reuseNonce: true }) };
}

/** An organization key created through the API, as Atlas answers it (private key included). */
export interface CreatedOrgKey {
  id: string;
  publicKey: string;
  privateKey: string;
  roles: Array<Record<string, string>>;
}

/** Creates an organization key through the API; fails the test unless the answer is 200. */
export async function createOrgKey(
  { emu, api }: AdminApi,
  desc = "key",
  roles = ["ORG_MEMBER"],
): Promise<CreatedOrgKey> {
  const res = await api.post(`/api/atlas/v2/orgs/${emu.orgId}/apiKeys`, { desc, roles });
  expect(res.status, res.text).to.equal(200);
  return res.json as CreatedOrgKey;
}
