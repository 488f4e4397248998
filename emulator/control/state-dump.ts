import { redactPrivateKey } from "../http/views";
import { isoSeconds } from "../model/context";
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
  /**
   * Every service account without any secret value: its secrets by id and expiry (ISO 8601, and
   * whether expired), its access list as CIDR blocks.
   */
  serviceAccounts: Array<
    Pick<ServiceAccountRecord, "clientId" | "orgId" | "name" | "description" | "orgRoles" | "projectRoles"> & {
      secrets: Array<{ id: string; expiresAt: string; expired: boolean }>;
      accessList: string[];
    }
  >;
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
      description: sa.description,
      orgRoles: [...sa.orgRoles],
      projectRoles: structuredClone(sa.projectRoles),
      secrets: sa.secrets.map((secret) => ({
        id: secret.id,
        expiresAt: isoSeconds(secret.expiresAt),
        expired: secret.expiresAt <= model.ctx.now(),
      })),
      accessList: sa.accessList.map((e) => e.cidrBlock),
    })),
    activeTokens: countActiveTokens(model.ctx),
  };
}
