/**
 * Every invalid service-account input `check` rejects: [name, checker, inputs,
 * property expected to fail, message pattern]. Used by the validation tests and
 * by the handler tests, which assert that none of them reaches Atlas.
 */
import { checkServiceAccount } from "../../provider/resources/service-account/validation";
import { checkServiceAccountSecret } from "../../provider/resources/service-account-secret/validation";
import { checkSaAssignment } from "../../provider/resources/service-account-project-assignment/validation";
import { checkSaAccessListEntry } from "../../provider/resources/service-account-access-list-entry/validation";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";
const CLIENT = "mdb_sa_id_1234567890abcdef12345678";
const CLEAR = "mdb_sa_sk_clearvalueclearvalueclearvalue";

export type Checker = (news: never) => { failures?: { property: string; reason: string }[] };
/** [name, checker, inputs, property expected to fail, message pattern] */
export type Case = [string, Checker, object, string, RegExp];

export const okAccount = {
  orgId: ORG,
  name: "ci",
  description: "CI pipeline",
  roles: ["ORG_READ_ONLY"],
  secretExpiresAfterHours: 720,
};
export const okSecret = { orgId: ORG, clientId: CLIENT, secretExpiresAfterHours: 24 };
export const okAssignment = { projectId: P1, clientId: CLIENT, roles: ["GROUP_READ_ONLY"] };
export const okEntry = { orgId: ORG, clientId: CLIENT, ipAddress: "192.0.2.1" };
const sa = checkServiceAccount as Checker;
const secret = checkServiceAccountSecret as Checker;
const assignment = checkSaAssignment as Checker;
const entry = checkSaAccessListEntry as Checker;

/** Every invalid service-account input `check` rejects, before any request (the provider tier counts them). */
export const SERVICE_ACCOUNT_BAD_INPUTS: Case[] = [
  ["ServiceAccount: orgId not hex", sa, { ...okAccount, orgId: "my-org" }, "orgId", /24 hexadecimal/],
  ["ServiceAccount: name missing", sa, { ...okAccount, name: undefined }, "name", /name is required.*1 to 64/],
  [
    "ServiceAccount: name too long",
    sa,
    { ...okAccount, name: "n".repeat(65) },
    "name",
    /65 characters long; Atlas allows at most 64/,
  ],
  ["ServiceAccount: name characters", sa, { ...okAccount, name: "ci/cd" }, "name", /contains "\/".*letters, digits/],
  ["ServiceAccount: description empty", sa, { ...okAccount, description: "" }, "description", /1 to 250/],
  [
    "ServiceAccount: description too long",
    sa,
    { ...okAccount, description: "d".repeat(251) },
    "description",
    /251 characters long; Atlas allows at most 250/,
  ],
  [
    "ServiceAccount: description characters",
    sa,
    { ...okAccount, description: "CI (main)" },
    "description",
    /"\(" "\)"/,
  ],
  ["ServiceAccount: no roles", sa, { ...okAccount, roles: [] }, "roles", /at least one role/],
  [
    "ServiceAccount: project role",
    sa,
    { ...okAccount, roles: ["GROUP_OWNER"] },
    "roles",
    /ServiceAccountProjectAssignment/,
  ],
  ["ServiceAccount: unknown role", sa, { ...okAccount, roles: ["ORG_ADMIN"] }, "roles", /not an organization role/],
  [
    "ServiceAccount: lifetime too short",
    sa,
    { ...okAccount, secretExpiresAfterHours: 7 },
    "secretExpiresAfterHours",
    /8 \(8 hours\) to 8760/,
  ],
  [
    "ServiceAccount: lifetime too long",
    sa,
    { ...okAccount, secretExpiresAfterHours: 8761 },
    "secretExpiresAfterHours",
    /365 days/,
  ],
  [
    "ServiceAccount: lifetime not whole",
    sa,
    { ...okAccount, secretExpiresAfterHours: 8.5 },
    "secretExpiresAfterHours",
    /whole number/,
  ],
  [
    "ServiceAccount: neither lifetime nor withoutInitialSecret",
    sa,
    { ...okAccount, secretExpiresAfterHours: undefined },
    "secretExpiresAfterHours",
    /required.*withoutInitialSecret: true/,
  ],
  [
    "ServiceAccount: lifetime and withoutInitialSecret",
    sa,
    { ...okAccount, withoutInitialSecret: true },
    "withoutInitialSecret",
    /not both/,
  ],
  [
    "ServiceAccount: adoptClientId malformed",
    sa,
    { ...okAccount, secretExpiresAfterHours: undefined, adoptClientId: "abc" },
    "adoptClientId",
    /mdb_sa_id_/,
  ],
  [
    "ServiceAccount: adopt with lifetime",
    sa,
    { ...okAccount, adoptClientId: CLIENT },
    "secretExpiresAfterHours",
    /adopted account/,
  ],
  [
    "ServiceAccountSecret: clientId missing",
    secret,
    { ...okSecret, clientId: undefined },
    "clientId",
    /clientId is required/,
  ],
  [
    "ServiceAccountSecret: secret given as clientId",
    secret,
    { ...okSecret, clientId: CLEAR },
    "clientId",
    /holds a client secret/,
  ],
  [
    "ServiceAccountSecret: lifetime missing",
    secret,
    { ...okSecret, secretExpiresAfterHours: undefined },
    "secretExpiresAfterHours",
    /whole number/,
  ],
  [
    "ServiceAccountSecret: lifetime out of range",
    secret,
    { ...okSecret, secretExpiresAfterHours: 9000 },
    "secretExpiresAfterHours",
    /8760/,
  ],
  [
    "ServiceAccountSecret: rotation overlap over Atlas's 7 days",
    secret,
    { ...okSecret, secretExpiresAfterHours: 2400, rotation: { every: "90d", overlap: "10d" } },
    "rotation",
    /rotation\.overlap \(10d\) is longer than 7 days.*"7d" or less/,
  ],
  [
    "ServiceAccountSecret: lifetime shorter than every + overlap",
    secret,
    { ...okSecret, secretExpiresAfterHours: 720, rotation: { every: "30d", overlap: "7d" } },
    "secretExpiresAfterHours",
    /shorter than rotation\.every \+ rotation\.overlap.*at least 888/,
  ],
  [
    "ServiceAccountSecret: rotation not a duration",
    secret,
    { ...okSecret, rotation: { every: "monthly", overlap: "1d" } },
    "rotation",
    /rotation\.every "monthly" is not a duration/,
  ],
  [
    "ServiceAccountSecret: keepers not strings",
    secret,
    { ...okSecret, keepers: { rotation: 2 } },
    "keepers",
    /map of strings/,
  ],
  [
    "ServiceAccountProjectAssignment: projectId",
    assignment,
    { ...okAssignment, projectId: "p" },
    "projectId",
    /24 hexadecimal/,
  ],
  [
    "ServiceAccountProjectAssignment: org role",
    assignment,
    { ...okAssignment, roles: ["ORG_OWNER"] },
    "roles",
    /organization role/,
  ],
  [
    "ServiceAccountProjectAssignment: no roles",
    assignment,
    { ...okAssignment, roles: [] },
    "roles",
    /at least one role/,
  ],
  ["ServiceAccountAccessListEntry: none", entry, { orgId: ORG, clientId: CLIENT }, "ipAddress", /exactly one/],
  ["ServiceAccountAccessListEntry: both", entry, { ...okEntry, cidrBlock: "10.0.0.0/8" }, "cidrBlock", /exactly one/],
  [
    "ServiceAccountAccessListEntry: host bits",
    entry,
    { orgId: ORG, clientId: CLIENT, cidrBlock: "10.0.0.1/24" },
    "cidrBlock",
    /"10.0.0.0\/24"/,
  ],
  [
    "ServiceAccountAccessListEntry: network as ip",
    entry,
    { ...okEntry, ipAddress: "10.0.0.0/24" },
    "ipAddress",
    /cidrBlock instead/,
  ],
  [
    "ServiceAccountAccessListEntry: clientId",
    entry,
    { ...okEntry, clientId: "mdb_sa_id_123" },
    "clientId",
    /mdb_sa_id_ followed by 24 hex/,
  ],
];
