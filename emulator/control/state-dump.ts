import { redactPrivateKey } from "../http/views";
import type { AtlasModel } from "../model/model";
import { countActiveTokens } from "../model/tokens";
import type { ApiKeyRecord, ServiceAccountRecord } from "../model/types";

/** `GET /__emulator/state`: what exists, for test invariants. Secrets are redacted. */
export interface StateDump {
  /** Every organization with its projects (ids and names). */
  orgs: Array<{ id: string; name: string; projects: Array<{ id: string; name: string }> }>;
  /**
   * Every API key of every organization. `privateKey` is masked except its last 12 characters, as
   * Atlas shows it outside the create answers; `accessList` holds the CIDR blocks of the entries.
   */
  apiKeys: Array<Omit<ApiKeyRecord, "accessList" | "created"> & { accessList: string[] }>;
  /** Every service account, without its client secret. */
  serviceAccounts: Array<Pick<ServiceAccountRecord, "clientId" | "orgId" | "name" | "orgRoles" | "projectRoles">>;
  /** OAuth access tokens that would still be accepted (neither expired nor revoked). */
  activeTokens: number;
}

/** The state as `GET /__emulator/state` shows it: private keys masked, no client secret, no token. */
export function dumpState(model: AtlasModel): StateDump {
  const s = model.state;
  return {
    orgs: Object.values(s.orgs).map((org) => ({
      id: org.id,
      name: org.name,
      projects: Object.values(s.projects)
        .filter((p) => p.orgId === org.id)
        .map((p) => ({ id: p.id, name: p.name })),
    })),
    apiKeys: Object.values(s.apiKeys).map((k) => ({
      id: k.id,
      orgId: k.orgId,
      desc: k.desc,
      publicKey: k.publicKey,
      privateKey: redactPrivateKey(k.privateKey),
      orgRoles: [...k.orgRoles],
      projectRoles: structuredClone(k.projectRoles),
      accessList: k.accessList.map((e) => e.cidrBlock),
    })),
    serviceAccounts: Object.values(s.serviceAccounts).map((sa) => ({
      clientId: sa.clientId,
      orgId: sa.orgId,
      name: sa.name,
      orgRoles: [...sa.orgRoles],
      projectRoles: structuredClone(sa.projectRoles),
    })),
    activeTokens: countActiveTokens(model.ctx),
  };
}
