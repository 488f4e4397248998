/**
 * The rows of the fault matrix: every operation of every resource, the request its faults aim
 * at, and its inputs. How a row is run is in reliability-steps.ts.
 */
import type { EmulatorHandle } from "../../emulator";
import type { ResourceKind } from "../../provider/runtime/serializable";
import type { Target } from "./reliability-faults";
import type { Ledger } from "./reliability-ledger";
import { adminClient } from "./provider-harness";

/** What an operation works with. */
export interface OpContext {
  emulator: EmulatorHandle;
  ledger: Ledger;
  /** Start of every description the case uses, so its keys can be told apart. */
  prefix: string;
}

/** Checked inputs of the case and, once created, the resource id. */
export interface Prepared {
  inputs: Record<string, unknown>;
  /** Desired inputs of an update. */
  news?: Record<string, unknown>;
  id?: string;
}

/** One row: an operation of a resource and the request its faults aim at. */
export interface Operation {
  resource: string;
  kind: ResourceKind;
  op: "create" | "read" | "update" | "delete";
  label: string;
  /** The request the fault hits; undefined when the operation sends none. */
  target?: Target;
  /** True when the target is a key-creating POST (never resent once it may have been processed). */
  createsKey?: boolean;
  inputs(ctx: OpContext): Promise<Record<string, unknown>>;
  changed?(inputs: Record<string, unknown>): Record<string, unknown>;
}

const ORG_KEYS = "/api/atlas/v2/orgs/[^/]+/apiKeys";
const GROUP_KEYS = "/api/atlas/v2/groups/[^/]+/apiKeys";

/** A key made by the test (not by the resource under test) for assignments and entries to point at. */
async function fixtureKey(ctx: OpContext): Promise<string> {
  const admin = adminClient(ctx.emulator);
  try {
    const key = await admin.createOrgApiKey(ctx.emulator.orgId, {
      desc: `${ctx.prefix}fixture`,
      roles: ["ORG_MEMBER"],
    });
    ctx.ledger.fixture(key.id);
    return key.id;
  } finally {
    admin.close();
  }
}

const apiKeyInputs = async (ctx: OpContext) => ({
  orgId: ctx.emulator.orgId,
  description: `${ctx.prefix}key`,
  roleNames: ["ORG_READ_ONLY"],
});
const apiKeyChange = (inputs: Record<string, unknown>) => ({
  ...inputs,
  description: `${inputs.description} v2`,
  roleNames: ["ORG_MEMBER", "ORG_READ_ONLY"],
});
const projectKeyInputs = async (ctx: OpContext) => ({
  description: `${ctx.prefix}project key`,
  projectAssignments: ctx.emulator.projectIds.map((projectId) => ({ projectId, roleNames: ["GROUP_READ_ONLY"] })),
});
const projectKeyChange = (inputs: Record<string, unknown>) => ({
  ...inputs,
  description: `${inputs.description} v2`,
  projectAssignments: (inputs.projectAssignments as Array<{ projectId: string }>).map((a, i) => ({
    projectId: a.projectId,
    roleNames: i === 0 ? ["GROUP_READ_ONLY"] : ["GROUP_DATA_ACCESS_READ_ONLY"],
  })),
});
/** A policy that is never due during a case: rotations are started by a `keepers` change. */
const POLICY = { every: "90d", overlap: "7d" };
const rotatingKeyInputs = async (ctx: OpContext) => ({
  ...(await apiKeyInputs(ctx)),
  rotation: POLICY,
  keepers: { rotation: "1" },
});
const rotatingProjectKeyInputs = async (ctx: OpContext) => ({
  ...(await projectKeyInputs(ctx)),
  rotation: POLICY,
  keepers: { rotation: "1" },
});
/** With a policy, a `keepers` change rotates: new key now, the old one kept for the overlap. */
const rotateNow = (inputs: Record<string, unknown>) => ({ ...inputs, keepers: { rotation: "2" } });
const assignmentInputs = async (ctx: OpContext) => ({
  projectId: ctx.emulator.projectId,
  apiKeyId: await fixtureKey(ctx),
  roles: ["GROUP_READ_ONLY"],
});
const entryInputs = async (ctx: OpContext) => ({
  orgId: ctx.emulator.orgId,
  apiKeyId: await fixtureKey(ctx),
  ipAddress: "198.51.100.7",
});

/** Every row of the matrix, in table order. */
export const OPERATIONS: Operation[] = [
  {
    resource: "ApiKey",
    kind: "apiKey",
    op: "create",
    label: "create",
    createsKey: true,
    target: { method: "POST", path: `${ORG_KEYS}$` },
    inputs: apiKeyInputs,
  },
  {
    resource: "ApiKey",
    kind: "apiKey",
    op: "create",
    label: "create (access-list step)",
    target: { method: "POST", path: `${ORG_KEYS}/[^/]+/accessList$` },
    inputs: async (ctx) => ({ ...(await apiKeyInputs(ctx)), accessList: ["192.0.2.10"] }),
  },
  {
    resource: "ApiKey",
    kind: "apiKey",
    op: "read",
    label: "read",
    target: { method: "GET", path: `${ORG_KEYS}/[^/]+$` },
    inputs: apiKeyInputs,
  },
  {
    resource: "ApiKey",
    kind: "apiKey",
    op: "update",
    label: "update",
    target: { method: "PATCH", path: `${ORG_KEYS}/[^/]+$` },
    inputs: apiKeyInputs,
    changed: apiKeyChange,
  },
  {
    resource: "ApiKey",
    kind: "apiKey",
    op: "delete",
    label: "delete",
    target: { method: "DELETE", path: `${ORG_KEYS}/[^/]+$` },
    inputs: apiKeyInputs,
  },
  {
    resource: "ProjectApiKey",
    kind: "projectApiKey",
    op: "create",
    label: "create",
    createsKey: true,
    target: { method: "POST", path: `${GROUP_KEYS}$` },
    inputs: projectKeyInputs,
  },
  {
    resource: "ProjectApiKey",
    kind: "projectApiKey",
    op: "read",
    label: "read",
    target: { method: "GET", path: `${ORG_KEYS}/[^/]+$` },
    inputs: projectKeyInputs,
  },
  {
    resource: "ProjectApiKey",
    kind: "projectApiKey",
    op: "update",
    label: "update (project roles step)",
    target: { method: "PATCH", path: `${GROUP_KEYS}/[^/]+$` },
    inputs: projectKeyInputs,
    changed: projectKeyChange,
  },
  {
    resource: "ProjectApiKey",
    kind: "projectApiKey",
    op: "delete",
    label: "delete",
    target: { method: "DELETE", path: `${ORG_KEYS}/[^/]+$` },
    inputs: projectKeyInputs,
  },
  {
    resource: "ApiKey",
    kind: "apiKey",
    op: "update",
    label: "update (rotation: new key)",
    createsKey: true,
    target: { method: "POST", path: `${ORG_KEYS}$` },
    inputs: rotatingKeyInputs,
    changed: rotateNow,
  },
  {
    resource: "ApiKey",
    kind: "apiKey",
    op: "update",
    label: "update (rotation: new key's access list)",
    target: { method: "POST", path: `${ORG_KEYS}/[^/]+/accessList$` },
    inputs: async (ctx) => ({ ...(await rotatingKeyInputs(ctx)), accessList: ["192.0.2.10"] }),
    changed: rotateNow,
  },
  {
    resource: "ProjectApiKey",
    kind: "projectApiKey",
    op: "update",
    label: "update (rotation: new key)",
    createsKey: true,
    target: { method: "POST", path: `${GROUP_KEYS}$` },
    inputs: rotatingProjectKeyInputs,
    changed: rotateNow,
  },
  {
    resource: "ProjectApiKey",
    kind: "projectApiKey",
    op: "update",
    label: "update (rotation: new key's second project)",
    target: { method: "POST", path: `${GROUP_KEYS}/[^/]+$` },
    inputs: rotatingProjectKeyInputs,
    changed: rotateNow,
  },
  {
    resource: "ApiKeyProjectAssignment",
    kind: "apiKeyProjectAssignment",
    op: "create",
    label: "create",
    target: { method: "POST", path: `${GROUP_KEYS}/[^/]+$` },
    inputs: assignmentInputs,
  },
  {
    resource: "ApiKeyProjectAssignment",
    kind: "apiKeyProjectAssignment",
    op: "read",
    label: "read",
    target: { method: "GET", path: `${GROUP_KEYS}$` },
    inputs: assignmentInputs,
  },
  {
    resource: "ApiKeyProjectAssignment",
    kind: "apiKeyProjectAssignment",
    op: "update",
    label: "update",
    target: { method: "PATCH", path: `${GROUP_KEYS}/[^/]+$` },
    inputs: assignmentInputs,
    changed: (inputs) => ({ ...inputs, roles: ["GROUP_DATA_ACCESS_READ_ONLY"] }),
  },
  {
    resource: "ApiKeyProjectAssignment",
    kind: "apiKeyProjectAssignment",
    op: "delete",
    label: "delete",
    target: { method: "DELETE", path: `${GROUP_KEYS}/[^/]+$` },
    inputs: assignmentInputs,
  },
  {
    resource: "AccessListApiKey",
    kind: "accessListApiKey",
    op: "create",
    label: "create",
    target: { method: "POST", path: `${ORG_KEYS}/[^/]+/accessList$` },
    inputs: entryInputs,
  },
  {
    resource: "AccessListApiKey",
    kind: "accessListApiKey",
    op: "read",
    label: "read",
    target: { method: "GET", path: `${ORG_KEYS}/[^/]+/accessList/[^/]+$` },
    inputs: entryInputs,
  },
  // Every change of an entry is a replacement (create + delete, covered above): update sends nothing.
  {
    resource: "AccessListApiKey",
    kind: "accessListApiKey",
    op: "update",
    label: "update (no request)",
    inputs: entryInputs,
    changed: (inputs) => inputs,
  },
  {
    resource: "AccessListApiKey",
    kind: "accessListApiKey",
    op: "delete",
    label: "delete",
    target: { method: "DELETE", path: `${ORG_KEYS}/[^/]+/accessList/[^/]+$` },
    inputs: entryInputs,
  },
];
