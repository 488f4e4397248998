import type { AccessListEntryRecord, ApiKeyRecord, OrgRecord, ProjectRecord } from "../model/types";

/*
 * Records → API representations, field names exactly as in the official spec
 * (`ApiKeyUserDetails`, `UserAccessListResponse`, `AtlasOrganization`, `Group`).
 */

/** `{href, rel}` link (`Link`). */
export interface Link {
  href: string;
  rel: string;
}

/**
 * How every response except the two creates shows a private key: live Atlas keeps only the
 * last 12 characters (`c8150efd-c7a0-4afd-8c4f-01bdd56c8977` → `********-****-****-01bdd56c8977`).
 */
export function redactPrivateKey(privateKey: string): string {
  return `********-****-****-${privateKey.slice(-12)}`;
}

/**
 * `ApiKeyUserDetails`. `reveal` only for createOrgApiKey / createGroupApiKey answers. The roles
 * list mixes org roles (`orgId`) and project roles (`groupId`) of every project, and the `self`
 * link is always the organization key URL, also when the key is read through a project.
 */
export function apiKeyView(key: ApiKeyRecord, baseUrl: string, reveal = false): unknown {
  const roles: Array<{ orgId?: string; groupId?: string; roleName: string }> = key.orgRoles.map((roleName) => ({
    orgId: key.orgId,
    roleName,
  }));
  for (const [groupId, names] of Object.entries(key.projectRoles)) {
    for (const roleName of names) roles.push({ groupId, roleName });
  }
  return {
    desc: key.desc,
    id: key.id,
    links: [selfLink(`${baseUrl}/api/atlas/v2/orgs/${key.orgId}/apiKeys/${key.id}`)],
    privateKey: reveal ? key.privateKey : redactPrivateKey(key.privateKey),
    publicKey: key.publicKey,
    roles,
  };
}

/** `UserAccessListResponse`; the self link carries the CIDR block with `/` encoded as `%2F`. */
export function accessListEntryView(entry: AccessListEntryRecord, key: ApiKeyRecord, baseUrl: string): unknown {
  return {
    cidrBlock: entry.cidrBlock,
    count: entry.count,
    created: entry.created,
    ipAddress: entry.ipAddress,
    lastUsed: entry.lastUsed,
    lastUsedAddress: entry.lastUsedAddress,
    links: [
      selfLink(
        `${baseUrl}/api/atlas/v2/orgs/${key.orgId}/apiKeys/${key.id}/accessList/${encodeURIComponent(entry.cidrBlock)}`,
      ),
    ],
  };
}

/** `AtlasOrganization`. */
export function organizationView(org: OrgRecord, baseUrl: string): unknown {
  return {
    id: org.id,
    isDeleted: false,
    links: [selfLink(`${baseUrl}/api/atlas/v2/orgs/${org.id}`)],
    name: org.name,
    skipDefaultAlertsSettings: false,
  };
}

/** `Group`: how a client finds the organization of a project. */
export function groupView(project: ProjectRecord, baseUrl: string): unknown {
  return {
    clusterCount: 0,
    created: project.created,
    id: project.id,
    links: [selfLink(`${baseUrl}/api/atlas/v2/groups/${project.id}`)],
    name: project.name,
    orgId: project.orgId,
    tags: [],
    withDefaultAlertsSettings: true,
  };
}

function selfLink(href: string): Link {
  return { href, rel: "self" };
}
