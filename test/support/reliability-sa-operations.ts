/**
 * The service-account rows of the fault matrix: each operation of the four service-account
 * resources and the request its faults aim at. How a row is run is in reliability-steps.ts; the
 * objects a case may leave are checked by reliability-ledger.ts.
 */
import type { Operation, OpContext } from "./reliability-operations";
import { adminClient } from "./provider-harness";

const ACCOUNTS = "/api/atlas/v2/orgs/[^/]+/serviceAccounts";
const PROJECT_ACCOUNT = "/api/atlas/v2/groups/[^/]+/serviceAccounts/[^/]+";

/** An account made by the test (not by the resource under test) for secrets, assignments and entries. */
async function fixtureAccount(ctx: OpContext): Promise<string> {
  const admin = adminClient(ctx.emulator);
  try {
    const account = await admin.createServiceAccount(ctx.emulator.orgId, {
      name: `${ctx.prefix}fixture`,
      description: "matrix fixture",
      roles: ["ORG_MEMBER"],
      withoutInitialSecret: true,
    });
    ctx.ledger.fixtureAccount(account.clientId);
    return account.clientId;
  } finally {
    admin.close();
  }
}

const accountInputs = async (ctx: OpContext) => ({
  orgId: ctx.emulator.orgId,
  name: `${ctx.prefix}account`,
  description: "matrix account",
  roles: ["ORG_READ_ONLY"],
  secretExpiresAfterHours: 24,
});
const secretInputs = async (ctx: OpContext) => ({
  orgId: ctx.emulator.orgId,
  clientId: await fixtureAccount(ctx),
  secretExpiresAfterHours: 24,
});
/** A policy never due during a case: a `keepers` change rotates now (docs/rotation.md). */
const rotatingSecretInputs = async (ctx: OpContext) => ({
  ...(await secretInputs(ctx)),
  rotation: { every: "16h", overlap: "7h" },
  keepers: { rotation: "1" },
});
const rotateNow = (inputs: Record<string, unknown>) => ({ ...inputs, keepers: { rotation: "2" } });
const assignmentInputs = async (ctx: OpContext) => ({
  projectId: ctx.emulator.projectId,
  clientId: await fixtureAccount(ctx),
  roles: ["GROUP_READ_ONLY"],
});
const entryInputs = async (ctx: OpContext) => ({
  orgId: ctx.emulator.orgId,
  clientId: await fixtureAccount(ctx),
  cidrBlock: "198.51.100.0/24",
});

const row = (
  resource: string,
  kind: Operation["kind"],
  op: Operation["op"],
  method: string,
  path: string,
  inputs: Operation["inputs"],
  extra: Partial<Operation> = {},
): Operation => ({ resource, kind, op, label: op, target: { method, path }, inputs, ...extra });

/** Every service-account row, in table order. */
export const SERVICE_ACCOUNT_OPERATIONS: Operation[] = [
  // A POST that makes an account (and its first secret): never resent once it may have been processed.
  row("ServiceAccount", "serviceAccount", "create", "POST", `${ACCOUNTS}$`, accountInputs, { createsKey: true }),
  row("ServiceAccount", "serviceAccount", "read", "GET", `${ACCOUNTS}/[^/]+$`, accountInputs),
  row("ServiceAccount", "serviceAccount", "update", "PATCH", `${ACCOUNTS}/[^/]+$`, accountInputs, {
    changed: (inputs) => ({ ...inputs, description: "matrix account v2", roles: ["ORG_MEMBER"] }),
  }),
  row("ServiceAccount", "serviceAccount", "delete", "DELETE", `${ACCOUNTS}/[^/]+$`, accountInputs),
  row("ServiceAccountSecret", "serviceAccountSecret", "create", "POST", `${ACCOUNTS}/[^/]+/secrets$`, secretInputs, {
    createsKey: true,
  }),
  row(
    "ServiceAccountSecret",
    "serviceAccountSecret",
    "delete",
    "DELETE",
    `${ACCOUNTS}/[^/]+/secrets/[^/]+$`,
    secretInputs,
  ),
  // Rotation: an update that reads the account (a free slot), then makes the new secret.
  row("ServiceAccountSecret", "serviceAccountSecret", "update", "GET", `${ACCOUNTS}/[^/]+$`, rotatingSecretInputs, {
    label: "update (rotation: account read)",
    changed: rotateNow,
  }),
  row(
    "ServiceAccountSecret",
    "serviceAccountSecret",
    "update",
    "POST",
    `${ACCOUNTS}/[^/]+/secrets$`,
    rotatingSecretInputs,
    {
      label: "update (rotation: new secret)",
      createsKey: true,
      changed: rotateNow,
    },
  ),
  row(
    "ServiceAccountProjectAssignment",
    "serviceAccountProjectAssignment",
    "create",
    "POST",
    `${PROJECT_ACCOUNT}:invite$`,
    assignmentInputs,
  ),
  row(
    "ServiceAccountProjectAssignment",
    "serviceAccountProjectAssignment",
    "update",
    "PATCH",
    `${PROJECT_ACCOUNT}$`,
    assignmentInputs,
    { changed: (inputs) => ({ ...inputs, roles: ["GROUP_OWNER"] }) },
  ),
  row(
    "ServiceAccountProjectAssignment",
    "serviceAccountProjectAssignment",
    "delete",
    "DELETE",
    `${PROJECT_ACCOUNT}$`,
    assignmentInputs,
  ),
  row(
    "ServiceAccountAccessListEntry",
    "serviceAccountAccessListEntry",
    "create",
    "POST",
    `${ACCOUNTS}/[^/]+/accessList$`,
    entryInputs,
  ),
  row(
    "ServiceAccountAccessListEntry",
    "serviceAccountAccessListEntry",
    "delete",
    "DELETE",
    `${ACCOUNTS}/[^/]+/accessList/.+$`,
    entryInputs,
  ),
];
