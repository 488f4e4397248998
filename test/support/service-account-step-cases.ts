/**
 * The rows of the service-account step matrix: every operation of the four service-account
 * resources, the Atlas calls ("steps") it makes in order, the program before and after, and what
 * Atlas holds of the declared fields. Run by test/reliability/service-account-matrix.test.ts.
 */
import type { EmulatorHandle } from "../../emulator";
import type { ResourceKind } from "../../provider/runtime/serializable";
import { adminClient } from "./provider-harness";
import type { Program } from "./reliability-step-matrix";
import type { World } from "./service-account-world";

/** One Atlas call of an operation, aimed at by the fault: method and a regular expression on the path. */
export interface Step {
  name: string;
  /** True for a POST that makes an account or a secret: never resent, so a timeout leaves it ambiguous. */
  creates?: boolean;
  method: string;
  path(world: World): string;
  /**
   * Faults after which the operation succeeds: the step's answer was lost but its work done,
   * which the next call sees (a rotation's delete of the previous secret reads the account).
   */
  doneDespite?: string[];
}

export interface SaCase {
  resource: string;
  kind: ResourceKind;
  operation: "create" | "update" | "delete";
  label: string;
  /** True when the resource makes the account itself (ServiceAccount); else the test makes it. */
  ownsAccount?: boolean;
  steps: Step[];
  /** The program in state before the operation (for create: the one being applied), and the changed one. */
  programs(world: World): { original: Program; changed?: Program };
  /** Programs applied, in order, before `original` (the first one creates): a rotation's history. */
  history?(world: World): Program[];
  /** Atlas's view of the declared fields, comparable with `expected`. */
  view?(emulator: EmulatorHandle, world: World): Promise<unknown>;
  expected?(program: Program): unknown;
}

const sorted = (list: unknown) => [...((list as string[]) ?? [])].sort();
const account = (w: World) => `/orgs/${w.orgId}/serviceAccounts/${w.clientId}`;
const assignment = (w: World) => `/groups/${w.projectId}/serviceAccounts/${w.clientId}`;
const CIDR = "198.51.100.0/24";

async function withAdmin<T>(emulator: EmulatorHandle, read: (a: ReturnType<typeof adminClient>) => Promise<T>) {
  const admin = adminClient(emulator);
  try {
    return await read(admin);
  } finally {
    admin.close();
  }
}

const accountProgram = (w: World, extra: Program): Program => ({
  orgId: w.orgId,
  name: `${w.name}v1`,
  description: "matrix v1",
  roles: ["ORG_READ_ONLY"],
  ...extra,
});
const accountView = (e: EmulatorHandle, w: World) =>
  withAdmin(e, async (admin) => {
    const found = (await admin.listServiceAccounts(w.orgId)).filter((a) => a.name.startsWith(w.name));
    return found.map((a) => ({ name: a.name, description: a.description, roles: sorted(a.roles) }));
  });
const accountExpected = (p: Program) => [{ name: p.name, description: p.description, roles: sorted(p.roles) }];

const serviceAccount = (operation: SaCase["operation"], label: string, steps: Step[], extra: Program = {}): SaCase => ({
  resource: "ServiceAccount",
  kind: "serviceAccount",
  operation,
  label,
  ownsAccount: true,
  steps,
  programs: (w) => ({
    original: accountProgram(w, extra),
    changed: { ...accountProgram(w, extra), name: `${w.name}v2`, description: "matrix v2", roles: ["ORG_MEMBER"] },
  }),
  view: accountView,
  expected: accountExpected,
});

const secretProgram = (w: World): Program => ({ orgId: w.orgId, clientId: w.clientId, secretExpiresAfterHours: 24 });
const assignmentProgram = (w: World, roles: string[]): Program => ({
  projectId: w.projectId,
  clientId: w.clientId,
  roles,
});
const assignmentView = (e: EmulatorHandle, w: World) =>
  withAdmin(e, async (admin) => sorted((await admin.getProjectServiceAccount(w.projectId, w.clientId)).roles));
const entryProgram = (w: World): Program => ({ orgId: w.orgId, clientId: w.clientId, cidrBlock: CIDR });

const ROTATION = { every: "16h", overlap: "7h" };
/** A rotating secret (docs/rotation.md): due only when `keepers` change during a case. */
const rotatingProgram = (w: World, keeper: string): Program => ({
  ...secretProgram(w),
  keepers: { k: keeper },
  rotation: ROTATION,
});
const secretsPath = (w: World) => `${account(w)}/secrets`;
const deletePreviousStep = {
  method: "DELETE",
  path: (w: World) => `${secretsPath(w)}/[^/]+$`,
  doneDespite: ["dropped after commit"],
};
const rotation = (label: string, steps: Step[], programs: SaCase["programs"], history?: SaCase["history"]): SaCase => ({
  resource: "ServiceAccountSecret",
  kind: "serviceAccountSecret",
  operation: label.startsWith("delete") ? "delete" : "update",
  label,
  steps,
  programs,
  history,
});

/** The rotation steps of a ServiceAccountSecret with a policy. */
const ROTATION_CASES: SaCase[] = [
  rotation(
    "rotate (keepers changed)",
    [
      { name: "1 read the account (a free slot)", method: "GET", path: (w) => `${account(w)}$` },
      { name: "2 create the new secret", creates: true, method: "POST", path: (w) => `${secretsPath(w)}$` },
    ],
    (w) => ({ original: rotatingProgram(w, "1"), changed: rotatingProgram(w, "2") }),
  ),
  rotation(
    "rotate during the overlap",
    [
      { name: "1 delete the previous secret (its slot)", ...deletePreviousStep },
      { name: "2 create the new secret", creates: true, method: "POST", path: (w) => `${secretsPath(w)}$` },
    ],
    (w) => ({ original: rotatingProgram(w, "2"), changed: rotatingProgram(w, "3") }),
    (w) => [rotatingProgram(w, "1")],
  ),
  rotation(
    "remove the policy (previous deleted)",
    [{ name: "1 delete the previous secret", ...deletePreviousStep }],
    (w) => ({ original: rotatingProgram(w, "2"), changed: { ...rotatingProgram(w, "2"), rotation: undefined } }),
    (w) => [rotatingProgram(w, "1")],
  ),
  rotation(
    "delete (rotating, in the overlap)",
    [{ name: "1 delete the previous secret", method: "DELETE", path: (w) => `${secretsPath(w)}/[^/]+$` }],
    (w) => ({ original: rotatingProgram(w, "2") }),
    (w) => [rotatingProgram(w, "1")],
  ),
];

/** Every row, in table order. */
export const SA_CASES: SaCase[] = [
  serviceAccount(
    "create",
    "create with its first secret",
    [{ name: "1 create the account", creates: true, method: "POST", path: (w) => `/orgs/${w.orgId}/serviceAccounts$` }],
    { secretExpiresAfterHours: 24 },
  ),
  serviceAccount(
    "create",
    "create without a secret",
    [{ name: "1 create the account", creates: true, method: "POST", path: (w) => `/orgs/${w.orgId}/serviceAccounts$` }],
    { withoutInitialSecret: true },
  ),
  serviceAccount(
    "update",
    "update name, description, roles",
    [{ name: "1 name + description + roles", method: "PATCH", path: (w) => `${account(w)}$` }],
    { secretExpiresAfterHours: 24 },
  ),
  serviceAccount(
    "delete",
    "delete",
    [{ name: "1 delete the account", method: "DELETE", path: (w) => `${account(w)}$` }],
    {
      secretExpiresAfterHours: 24,
    },
  ),
  {
    resource: "ServiceAccountSecret",
    kind: "serviceAccountSecret",
    operation: "create",
    label: "create",
    steps: [
      { name: "1 read the account", method: "GET", path: (w) => `${account(w)}$` },
      { name: "2 create the secret", creates: true, method: "POST", path: (w) => `${account(w)}/secrets$` },
    ],
    programs: (w) => ({ original: secretProgram(w) }),
  },
  {
    resource: "ServiceAccountSecret",
    kind: "serviceAccountSecret",
    operation: "delete",
    label: "delete",
    steps: [{ name: "1 delete the secret", method: "DELETE", path: (w) => `${account(w)}/secrets/[^/]+$` }],
    programs: (w) => ({ original: secretProgram(w) }),
  },
  ...ROTATION_CASES,
  {
    resource: "ServiceAccountProjectAssignment",
    kind: "serviceAccountProjectAssignment",
    operation: "create",
    label: "invite",
    steps: [{ name: "1 invite", method: "POST", path: (w) => `${assignment(w)}:invite$` }],
    programs: (w) => ({ original: assignmentProgram(w, ["GROUP_READ_ONLY"]) }),
    view: assignmentView,
    expected: (p) => sorted(p.roles),
  },
  {
    resource: "ServiceAccountProjectAssignment",
    kind: "serviceAccountProjectAssignment",
    operation: "update",
    label: "update roles",
    steps: [{ name: "1 roles", method: "PATCH", path: (w) => `${assignment(w)}$` }],
    programs: (w) => ({
      original: assignmentProgram(w, ["GROUP_READ_ONLY"]),
      changed: assignmentProgram(w, ["GROUP_OWNER"]),
    }),
    view: assignmentView,
    expected: (p) => sorted(p.roles),
  },
  {
    resource: "ServiceAccountProjectAssignment",
    kind: "serviceAccountProjectAssignment",
    operation: "delete",
    label: "delete",
    steps: [{ name: "1 unassign", method: "DELETE", path: (w) => `${assignment(w)}$` }],
    programs: (w) => ({ original: assignmentProgram(w, ["GROUP_READ_ONLY"]) }),
  },
  {
    resource: "ServiceAccountAccessListEntry",
    kind: "serviceAccountAccessListEntry",
    operation: "create",
    label: "add",
    steps: [{ name: "1 add the entry", method: "POST", path: (w) => `${account(w)}/accessList$` }],
    programs: (w) => ({ original: entryProgram(w) }),
  },
  {
    resource: "ServiceAccountAccessListEntry",
    kind: "serviceAccountAccessListEntry",
    operation: "delete",
    label: "delete",
    steps: [{ name: "1 delete the entry", method: "DELETE", path: (w) => `${account(w)}/accessList/.+$` }],
    programs: (w) => ({ original: entryProgram(w) }),
  },
];
