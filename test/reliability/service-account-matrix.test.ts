/**
 * Service-account step matrix: every step of every operation of the four service-account
 * resources (account create with and without its first secret, update of name, description and
 * roles, delete; secret create and delete; project invite, roles update, unassign; access-list
 * add and delete) × {4xx, 5xx exhausted, dropped connection, dropped after commit}, an update
 * also × {revert, again}. The operation runs once as the engine would and fails; then, with no
 * refresh, the next operation of the program runs (the same `up` for a create, the original or
 * the changed program after an update, `destroy` again after a delete). Invariant: it succeeds,
 * Atlas holds exactly what the program declares, a further `up` plans nothing, and no account,
 * secret, assignment or entry of the case is live that the state does not show. The one manual
 * step allowed is the one an ambiguous create's message asks for (docs/recovery.md §1): delete
 * the accounts or secrets it names, each of which it must name (after a timeout, the message
 * must warn that one may still appear). The steps that create an account or a secret also meet a
 * timeout whose request the server carries out after the client gave up.
 */
import { expect } from "chai";
import { setTimeout as sleep } from "node:timers/promises";
import { start, type EmulatorHandle } from "../../emulator";
import { adminClient, configureRuntime } from "../support/provider-harness";
import {
  CREATE_TIMEOUT,
  STEP_FAULTS,
  STEP_TIMEOUT_MS,
  apply,
  createOnce,
  destroyOnce,
  up,
  type Recorded,
} from "../support/reliability-step-matrix";
import { printTable, saveFigures } from "../support/reliability-table";
import { SA_CASES, type SaCase } from "../support/service-account-step-cases";
import { deleteNamedStrays, liveObjects, shownObjects, type World } from "../support/service-account-world";

const AMBIGUOUS = /may or may not have succeeded/;

describe("reliability: service-account step matrix", function () {
  this.timeout(600_000);
  let emulator: EmulatorHandle;
  const rows: Array<Array<string | number>> = [];
  let n = 0;
  before(async () => {
    emulator = await start({ seed: "reliability-service-accounts", rateLimit: false });
  });
  after(async () => {
    if (rows.length) {
      printTable(
        "Service-account step matrix",
        ["resource", "operation", "failing step", "fault", "next", "failed as", "strays named and deleted", "held"],
        rows,
      );
      saveFigures("service-account-matrix", rows);
    }
    await emulator?.close();
  });
  beforeEach(() => {
    configureRuntime(emulator, {}, { requestTimeoutMs: STEP_TIMEOUT_MS });
    emulator.clearFaults();
  });

  /** A fresh corner of the organization; the account is made here unless the resource makes it. */
  async function world(c: SaCase): Promise<World> {
    const name = `sam-${String(++n).padStart(3, "0")} `;
    const w: World = { orgId: emulator.orgId, projectId: emulator.projectId, name, clientId: "", fixture: false };
    if (c.ownsAccount) return w;
    const admin = adminClient(emulator);
    const body = { name: `${name}fixture`, description: "matrix fixture", roles: ["ORG_MEMBER"] };
    w.clientId = (await admin.createServiceAccount(w.orgId, { ...body, withoutInitialSecret: true })).clientId;
    admin.close();
    return { ...w, fixture: true };
  }

  /** Every clear secret of the case's accounts, and the provider's own private key. */
  function secretsOf(w: World): string[] {
    const accounts = Object.values(emulator.model.state.serviceAccounts).filter((a) => a.name.startsWith(w.name));
    return [emulator.privateKey, ...accounts.flatMap((a) => a.secrets.map((s) => s.secret))];
  }

  async function cleanUp(w: World) {
    const admin = adminClient(emulator);
    for (const a of await admin.listServiceAccounts(w.orgId))
      if (a.name.startsWith(w.name)) await admin.deleteServiceAccount(w.orgId, a.clientId);
    admin.close();
  }

  function failedAs(error: Recorded["error"]): string {
    if (!error) return "succeeded: the lost answer's work was done";
    if (error?.properties) return "partial result";
    return AMBIGUOUS.test(error?.message ?? "") ? "ambiguous create, not resent" : "error, state unchanged";
  }

  for (const c of SA_CASES) {
    const directions = c.operation === "update" ? (["revert", "again"] as const) : ([undefined] as const);
    for (const step of c.steps) {
      for (const [faultName, fault] of step.creates ? [...STEP_FAULTS, CREATE_TIMEOUT] : STEP_FAULTS) {
        for (const direction of directions) {
          const next = c.operation === "delete" ? "destroy" : c.operation === "create" ? "up" : `up, ${direction}`;
          it(`${c.resource} ${c.label} × step ${step.name} × ${faultName} → ${next}`, async () => {
            const w = await world(c);
            const { original, changed } = c.programs(w);
            let held: Recorded = {};
            if (c.operation !== "create") {
              const [first, ...later] = [...(c.history?.(w) ?? []), original];
              held = await createOnce(c.kind, first);
              for (const program of later) held = await up(c.kind, held.id!, held.outs!, program);
              expect(held.error?.message, "the resource was created").to.equal(undefined);
              if (c.ownsAccount) w.clientId = String(held.outs!.clientId);
            }
            emulator.injectFault({ method: step.method, path: step.path(w), ...fault });
            const failed =
              c.operation === "create"
                ? await createOnce(c.kind, original)
                : c.operation === "update"
                  ? await up(c.kind, held.id!, held.outs!, changed!)
                  : await destroyOnce(c.kind, held);
            const fired = emulator.faults().some((f) => f.fired > 0);
            emulator.clearFaults();
            // A request held past the client's timeout is still carried out: wait for it before judging.
            if (fault.type === "latency") await sleep(fault.delayMs! + 300);
            expect(fired, "the fault acted on the step").to.equal(true);
            if (step.doneDespite?.includes(faultName)) {
              expect(failed.error?.message, "the step's work was done: the operation went on").to.equal(undefined);
            } else {
              expect(failed.error, "the faulted operation failed").to.not.equal(undefined);
            }
            const message = failed.error?.message ?? "";
            for (const secret of secretsOf(w))
              expect(message.includes(secret), "a secret in the error").to.equal(false);

            let strays = 0;
            if (AMBIGUOUS.test(message)) {
              const shown = shownObjects(w, c.kind, failed.outs);
              const live = (await liveObjects(emulator, w)).filter((o) => !shown.includes(o));
              expect(
                await deleteNamedStrays(emulator, w, live, message),
                "strays the message does not name",
              ).to.deep.equal([]);
              strays = live.length;
            }

            const target = direction === "again" ? changed! : original;
            const after =
              c.operation === "delete" ? await destroyOnce(c.kind, failed) : await apply(c.kind, failed, target);
            expect(after.error?.message, "the next operation succeeded").to.equal(undefined);
            if (c.view && c.operation !== "delete")
              expect(await c.view(emulator, w), "Atlas as declared").to.deep.equal(c.expected!(target));
            expect(await liveObjects(emulator, w), "live objects = what the state shows").to.deep.equal(
              shownObjects(w, c.kind, after.outs),
            );
            if (after.outs) {
              const further = await up(c.kind, after.id!, after.outs, target);
              expect(further.outs, "no further change planned").to.equal(after.outs);
            }
            rows.push([c.resource, c.label, step.name, faultName, next, failedAs(failed.error), strays, "yes"]);
            await cleanUp(w);
          });
        }
      }
    }
  }
});
