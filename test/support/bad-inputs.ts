/**
 * Every invalid input `check` rejects, with the property that must fail and the message pattern:
 * run by the unit tier (`test/unit/resources/validation.test.ts`), through the provider runtime
 * and the real CLI by the reliability tier (`test/reliability/bad-input.test.ts`).
 */
import { checkApiKey } from "../../provider/resources/api-key/validation";
import { checkProjectApiKey } from "../../provider/resources/project-api-key/validation";
import { checkAssignment } from "../../provider/resources/api-key-project-assignment/validation";
import { checkAccessListEntry } from "../../provider/resources/access-list-api-key/validation";

/** Ids in Atlas's format (24 hexadecimal digits): an organization, a key, a project. */
export const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
export const KEY = "6a1b2c3d4e5f6a7b8c9d0e1f";
export const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";

/** [name, checker, inputs, property expected to fail, message pattern] */
export type Case = [
  string,
  (news: never) => { failures?: { property: string; reason: string }[] },
  object,
  string,
  RegExp,
];

/** Inputs that pass `check`, one per resource; each case of the table spoils one property. */
export const okApiKey = { orgId: ORG, description: "ci", roleNames: ["ORG_READ_ONLY"] };
export const okProject = { description: "ci", projectAssignments: [{ projectId: P1, roleNames: ["GROUP_READ_ONLY"] }] };
export const okAssignment = { projectId: P1, apiKeyId: KEY, roles: ["GROUP_READ_ONLY"] };
export const okEntry = { orgId: ORG, apiKeyId: KEY, ipAddress: "192.0.2.1" };

/** Every invalid input `check` rejects; the bad-input table of the docs comes from here. */
export const BAD_INPUTS: Case[] = [
  ["ApiKey: orgId missing", checkApiKey, { ...okApiKey, orgId: undefined }, "orgId", /orgId is required/],
  ["ApiKey: orgId not hex", checkApiKey, { ...okApiKey, orgId: "my-org" }, "orgId", /24 hexadecimal/],
  ["ApiKey: description empty", checkApiKey, { ...okApiKey, description: "" }, "description", /1 to 250/],
  [
    "ApiKey: description too long",
    checkApiKey,
    { ...okApiKey, description: "x".repeat(251) },
    "description",
    /251 characters long; Atlas allows at most 250/,
  ],
  [
    "ApiKey: description counted in characters, not UTF-16 units",
    checkApiKey,
    { ...okApiKey, description: "🔑".repeat(251) },
    "description",
    /is 251 characters long; Atlas allows at most 250 \(counted in Unicode characters, code points/,
  ],
  [
    "ApiKey: description only whitespace",
    checkApiKey,
    { ...okApiKey, description: " \u00a0  " },
    "description",
    /only whitespace: give the key a description with visible text/,
  ],
  [
    "ApiKey: description with a line break",
    checkApiKey,
    { ...okApiKey, description: "ci\ndeploy" },
    "description",
    /control character U\+000A at character 3 .*Remove it/,
  ],
  [
    "ProjectApiKey: description with a NUL",
    checkProjectApiKey,
    { ...okProject, description: "ci\u0000" },
    "description",
    /control character U\+0000/,
  ],
  [
    "ApiKey: adoptPrivateKey not a string",
    checkApiKey,
    { ...okApiKey, adoptApiKeyId: KEY, adoptPrivateKey: 42 },
    "adoptPrivateKey",
    /adoptPrivateKey must be a string \(got a number\)/,
  ],
  [
    "ApiKey: adoptPrivateKey not shaped like a private key",
    checkApiKey,
    { ...okApiKey, adoptApiKeyId: KEY, adoptPrivateKey: "c8150efd-c7a0-4afd-8c4f" },
    "adoptPrivateKey",
    /not shaped like an Atlas private key \(23 characters/,
  ],
  [
    "ApiKey: access-list entry with a zone id",
    checkApiKey,
    { ...okApiKey, accessList: ["fe80::1%eth0"] },
    "accessList",
    /accessList\[0\]: "fe80::1%eth0" has a zone id \("%eth0"\).*remove "%eth0"/,
  ],
  [
    "ApiKey: IPv4-mapped IPv6 entry",
    checkApiKey,
    { ...okApiKey, accessList: ["::ffff:192.0.2.1"] },
    "accessList",
    /"::ffff:192\.0\.2\.1" is an IPv4-mapped IPv6 address.*write "192\.0\.2\.1" instead/,
  ],
  [
    "ProjectApiKey: IPv4-mapped IPv6 entry in hex",
    checkProjectApiKey,
    { ...okProject, accessList: ["::ffff:c000:200/120"] },
    "accessList",
    /write "192\.0\.2\.0\/24" instead/,
  ],
  [
    "AccessList: IPv6 with an IPv4 tail",
    checkAccessListEntry,
    { ...okEntry, ipAddress: "64:ff9b::192.0.2.1" },
    "ipAddress",
    /ends in IPv4 notation.*write "64:ff9b::c000:201" instead/,
  ],
  [
    "AccessList: zone id",
    checkAccessListEntry,
    { ...okEntry, ipAddress: "fe80::1%25eth0" },
    "ipAddress",
    /has a zone id \("%25eth0"\)/,
  ],
  ["ApiKey: no roles", checkApiKey, { ...okApiKey, roleNames: [] }, "roleNames", /at least one role/],
  [
    "ApiKey: unknown org role",
    checkApiKey,
    { ...okApiKey, roleNames: ["ORG_ADMIN"] },
    "roleNames",
    /not an organization role/,
  ],
  [
    "ApiKey: project role on org key",
    checkApiKey,
    { ...okApiKey, roleNames: ["GROUP_OWNER"] },
    "roleNames",
    /is a project role/,
  ],
  [
    "ApiKey: bad access list entry",
    checkApiKey,
    { ...okApiKey, accessList: ["10.0.0.1/24"] },
    "accessList",
    /use the network address "10\.0\.0\.0\/24"/,
  ],
  [
    "ApiKey: access list not a list",
    checkApiKey,
    { ...okApiKey, accessList: "10.0.0.1" },
    "accessList",
    /must be a list/,
  ],
  ["ApiKey: keepers not strings", checkApiKey, { ...okApiKey, keepers: { a: 1 } }, "keepers", /map of strings/],
  [
    "ApiKey: adopt id is a public key",
    checkApiKey,
    { ...okApiKey, adoptApiKeyId: "abcdefgh" },
    "adoptApiKeyId",
    /looks like a public key/,
  ],
  [
    "ApiKey: private key without id",
    checkApiKey,
    { ...okApiKey, adoptPrivateKey: "x" },
    "adoptPrivateKey",
    /only used with adoptApiKeyId/,
  ],
  [
    "ProjectApiKey: adopt id is a public key",
    checkProjectApiKey,
    { ...okProject, adoptApiKeyId: "abcdefgh" },
    "adoptApiKeyId",
    /looks like a public key/,
  ],
  [
    "ProjectApiKey: private key without id",
    checkProjectApiKey,
    { ...okProject, adoptPrivateKey: "c8150efd-c7a0-4afd-8c4f-01bdd56c8977" },
    "adoptPrivateKey",
    /only used with adoptApiKeyId/,
  ],
  [
    "ProjectApiKey: adoptPrivateKey not shaped like a private key",
    checkProjectApiKey,
    { ...okProject, adoptApiKeyId: KEY, adoptPrivateKey: "c8150efd-c7a0-4afd-8c4f" },
    "adoptPrivateKey",
    /not shaped like an Atlas private key \(23 characters/,
  ],
  [
    "ProjectApiKey: no projects",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [] },
    "projectAssignments",
    /at least one project/,
  ],
  [
    "ProjectApiKey: duplicate project",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [okProject.projectAssignments[0], okProject.projectAssignments[0]] },
    "projectAssignments",
    /appears more than once/,
  ],
  [
    "ProjectApiKey: bad project id",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [{ projectId: "p1", roleNames: ["GROUP_READ_ONLY"] }] },
    "projectAssignments[0].projectId",
    /24 hexadecimal/,
  ],
  [
    "ProjectApiKey: org role in project",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [{ projectId: P1, roleNames: ["ORG_OWNER"] }] },
    "projectAssignments[0].roleNames",
    /is an organization role/,
  ],
  [
    "ProjectApiKey: description missing",
    checkProjectApiKey,
    { ...okProject, description: undefined },
    "description",
    /required/,
  ],
  [
    "Assignment: public key as apiKeyId",
    checkAssignment,
    { ...okAssignment, apiKeyId: "qwertyui" },
    "apiKeyId",
    /"qwertyui" looks like a public key, not the key id/,
  ],
  [
    "Assignment: org role",
    checkAssignment,
    { ...okAssignment, roles: ["ORG_MEMBER"] },
    "roles",
    /is an organization role/,
  ],
  ["Assignment: no roles", checkAssignment, { ...okAssignment, roles: [] }, "roles", /at least one role/],
  [
    "Assignment: projectId missing",
    checkAssignment,
    { ...okAssignment, projectId: undefined },
    "projectId",
    /required/,
  ],
  [
    "AccessList: both fields",
    checkAccessListEntry,
    { ...okEntry, cidrBlock: "10.0.0.0/8" },
    "cidrBlock",
    /exactly one of ipAddress/,
  ],
  [
    "AccessList: neither field",
    checkAccessListEntry,
    { orgId: ORG, apiKeyId: KEY },
    "ipAddress",
    /exactly one of ipAddress/,
  ],
  [
    "AccessList: network as ipAddress",
    checkAccessListEntry,
    { ...okEntry, ipAddress: "10.0.0.0/8" },
    "ipAddress",
    /set it as cidrBlock/,
  ],
  [
    "AccessList: host bits",
    checkAccessListEntry,
    { orgId: ORG, apiKeyId: KEY, cidrBlock: "10.1.2.3/16" },
    "cidrBlock",
    /"10\.1\.0\.0\/16"/,
  ],
  [
    "AccessList: public key as apiKeyId",
    checkAccessListEntry,
    { ...okEntry, apiKeyId: "abcdefgh" },
    "apiKeyId",
    /looks like a public key/,
  ],
];
