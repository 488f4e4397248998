/**
 * Partial-update matrix: every resource × every step of its update × {4xx, 5xx exhausted,
 * dropped connection, dropped after commit}, each failure followed, with no refresh, by the next
 * `up` of the original program (revert) or of the same program (again). Invariant: Atlas ends
 * exactly as declared, and holds no key, grant or entry that the recorded state does not show.
 * Runs the handlers in this process against the emulator, playing the engine's part on a
 * partial result (docs/recovery.md §3); the real host's handling of it is proven in
 * test/provider/partial-result-host.test.ts.
 */
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { handlers } from "../../provider/runtime";
import type { ResourceKind } from "../../provider/runtime/serializable";
import { adminClient, configureRuntime } from "../support/provider-harness";
import { STEP_FAULTS, up, type Outputs, type Program } from "../support/reliability-step-matrix";
import { printTable, saveFigures } from "../support/reliability-table";

/** What Atlas holds for a key, in the shape of the declared program. */
type AtlasView = Record<string, unknown>;

interface Scenario {
  kind: ResourceKind;
  /** The program before the update, and the program of the failed update. */
  programs(e: EmulatorHandle, keyId: string): { original: Program; changed: Program };
  /** For ApiKeyProjectAssignment: a key made beforehand. */
  needsKey?: boolean;
  steps: Array<{ name: string; method: string; path: (e: EmulatorHandle, keyId: string) => string }>;
  /** Atlas's view of the resource, comparable with `expected(program)`. */
  view(e: EmulatorHandle, outs: Outputs): Promise<AtlasView>;
  expected(program: Program): AtlasView;
}

const A = "192.0.2.10";
const B = "198.51.100.0/24";
const sorted = (list: unknown) => [...(list as string[])].sort();

function scenarios(): Scenario[] {
  const keyAccessList = async (e: EmulatorHandle, keyId: string) =>
    sorted((await adminClient(e).listAccessListEntries(e.orgId, keyId)).map((x) => x.ipAddress ?? x.cidrBlock));
  return [
    {
      kind: "apiKey",
      programs: (e) => ({
        original: { orgId: e.orgId, description: "m v1", roleNames: ["ORG_READ_ONLY"], accessList: [A] },
        changed: { orgId: e.orgId, description: "m v2", roleNames: ["ORG_OWNER"], accessList: [B] },
      }),
      steps: [
        { name: "1 description + roles", method: "PATCH", path: (e, k) => `/orgs/${e.orgId}/apiKeys/${k}$` },
        { name: "2 add entries", method: "POST", path: (_e, k) => `/apiKeys/${k}/accessList$` },
        { name: "3 delete an entry", method: "DELETE", path: (_e, k) => `/apiKeys/${k}/accessList/` },
      ],
      view: async (e, outs) => {
        const key = await adminClient(e).getOrgApiKey(e.orgId, outs.apiKeyId as string);
        return {
          description: key.desc,
          roleNames: sorted(key.roles.map((r) => r.roleName)),
          accessList: await keyAccessList(e, key.id),
        };
      },
      expected: (p) => ({
        description: p.description,
        roleNames: sorted(p.roleNames),
        accessList: sorted(p.accessList),
      }),
    },
    {
      kind: "projectApiKey",
      programs: (e) => ({
        original: {
          description: "m v1",
          projectAssignments: [{ projectId: e.projectIds[0], roleNames: ["GROUP_READ_ONLY"] }],
          accessList: [A],
        },
        changed: {
          description: "m v2",
          projectAssignments: [{ projectId: e.projectIds[1], roleNames: ["GROUP_OWNER"] }],
          accessList: [B],
        },
      }),
      steps: [
        { name: "1 description", method: "PATCH", path: (e, k) => `/groups/${e.projectIds[0]}/apiKeys/${k}$` },
        { name: "2 assign P2", method: "POST", path: (e, k) => `/groups/${e.projectIds[1]}/apiKeys/${k}$` },
        { name: "3 unassign P1", method: "DELETE", path: (e, k) => `/groups/${e.projectIds[0]}/apiKeys/${k}$` },
        { name: "4 add entries", method: "POST", path: (_e, k) => `/apiKeys/${k}/accessList$` },
        { name: "5 delete an entry", method: "DELETE", path: (_e, k) => `/apiKeys/${k}/accessList/` },
      ],
      view: async (e, outs) => {
        const key = await adminClient(e).getOrgApiKey(e.orgId, outs.apiKeyId as string);
        const projects = [...new Set(key.roles.flatMap((r) => (r.groupId ? [r.groupId] : [])))].sort();
        return {
          description: key.desc,
          projectAssignments: projects.map((p) => ({
            projectId: p,
            roleNames: sorted(key.roles.filter((r) => r.groupId === p).map((r) => r.roleName)),
          })),
          accessList: await keyAccessList(e, key.id),
        };
      },
      expected: (p) => ({
        description: p.description,
        projectAssignments: p.projectAssignments,
        accessList: sorted(p.accessList),
      }),
    },
    {
      kind: "apiKeyProjectAssignment",
      needsKey: true,
      programs: (e, k) => ({
        original: { projectId: e.projectIds[0], apiKeyId: k, roles: ["GROUP_READ_ONLY"] },
        changed: { projectId: e.projectIds[0], apiKeyId: k, roles: ["GROUP_OWNER"] },
      }),
      steps: [{ name: "1 roles", method: "PATCH", path: (e, k) => `/groups/${e.projectIds[0]}/apiKeys/${k}$` }],
      view: async (e, outs) => {
        const key = await adminClient(e).getOrgApiKey(e.orgId, outs.apiKeyId as string);
        const projects = [...new Set(key.roles.flatMap((r) => (r.groupId ? [r.groupId] : [])))];
        return {
          projects,
          roles: sorted(key.roles.filter((r) => r.groupId === outs.projectId).map((r) => r.roleName)),
        };
      },
      expected: (p) => ({ projects: [p.projectId], roles: sorted(p.roles) }),
    },
  ];
}

describe("reliability: partial-update matrix", function () {
  this.timeout(600_000);
  let emulator: EmulatorHandle;
  const rows: Array<Array<string | number>> = [];
  before(async () => {
    emulator = await start({ seed: "reliability-partial-updates", rateLimit: false });
  });
  after(async () => {
    if (rows.length) {
      printTable(
        "Partial-update matrix",
        ["resource", "failing step", "fault", "next up", "failed as", "partial result", "Atlas as declared"],
        rows,
      );
      saveFigures("partial-update-matrix", rows);
    }
    await emulator?.close();
  });
  beforeEach(() => configureRuntime(emulator));

  for (const scenario of scenarios()) {
    for (const step of scenario.steps) {
      for (const [faultName, fault] of STEP_FAULTS) {
        for (const direction of ["revert", "again"] as const) {
          it(`${scenario.kind} × step ${step.name} × ${faultName} → ${direction}`, async () => {
            emulator.clearFaults();
            const admin = adminClient(emulator);
            const keyId = scenario.needsKey
              ? (await admin.createOrgApiKey(emulator.orgId, { desc: "matrix key", roles: ["ORG_MEMBER"] })).id
              : "";
            const { original, changed } = scenario.programs(emulator, keyId);
            const created = await handlers[scenario.kind].create(
              (await handlers[scenario.kind].check({}, original)).inputs,
            );
            const outs = created.outs as Outputs;
            const apiKeyId = (outs.apiKeyId as string) ?? keyId;
            emulator.injectFault({ method: step.method, path: step.path(emulator, apiKeyId), ...fault });
            const failed = await up(scenario.kind, created.id, outs, changed);
            emulator.clearFaults();
            expect(failed.error, "the faulted update failed").to.not.equal(undefined);
            const target = direction === "revert" ? original : changed;
            const next = await up(scenario.kind, created.id, failed.outs!, target);
            expect(next.error?.message, "the next up succeeded").to.equal(undefined);
            const atlas = await scenario.view(emulator, { ...next.outs, apiKeyId });
            expect(atlas, "Atlas as declared").to.deep.equal(scenario.expected(target));
            // Nothing live that the state does not show: the recorded outputs describe Atlas.
            const recorded = await up(scenario.kind, created.id, next.outs!, target);
            expect(recorded.outs, "no further change planned").to.equal(next.outs);
            rows.push([
              scenario.kind,
              step.name,
              faultName,
              direction,
              (failed.error as Error).name,
              failed.error && "properties" in failed.error ? "yes" : "no",
              "yes",
            ]);
            await handlers[scenario.kind].delete(created.id, next.outs!);
          });
        }
      }
    }
  }
});
