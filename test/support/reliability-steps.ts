/**
 * The steps of a fault-matrix case, driven through the provider runtime as the engine drives
 * them: prepare the resource, perform the operation (or its clean rerun), check what a further
 * run would still change, and the documented recovery of an ambiguous create.
 */
import { handlers } from "../../provider/runtime";
import type { ResourceKind } from "../../provider/runtime/serializable";
import type { OpContext, Operation, Prepared } from "./reliability-operations";
import { adminClient } from "./provider-harness";
import { serviceAccountStrays } from "./reliability-ledger";
import { strayRoots } from "./service-account-world";

async function checked(kind: ResourceKind, raw: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await handlers[kind].check({}, raw);
  if (result.failures?.length) throw new Error(`test inputs rejected: ${JSON.stringify(result.failures)}`);
  return result.inputs as Record<string, unknown>;
}

/** Checks the inputs and, for read/update/delete, creates the resource the operation works on. */
export async function prepare(op: Operation, ctx: OpContext): Promise<Prepared> {
  const inputs = await checked(op.kind, await op.inputs(ctx));
  const news = op.changed ? await checked(op.kind, op.changed(inputs)) : undefined;
  if (op.op === "create") return { inputs, news };
  const created = await handlers[op.kind].create(inputs);
  ctx.ledger.put(op.kind, created.id, created.outs);
  return { inputs, news, id: created.id };
}

/**
 * Runs the operation once, as one `pulumi up`/`refresh`/`destroy` step would, and records its
 * result in the ledger the way the engine records it in state. `again` makes it the clean rerun:
 * a create or delete already done is not repeated.
 */
export async function perform(op: Operation, ctx: OpContext, p: Prepared, again = false): Promise<void> {
  const h = handlers[op.kind];
  const held = p.id ? ctx.ledger.get(p.id) : undefined;
  if (op.op === "create") {
    if (again && held) return;
    const result = await h.create(p.inputs);
    p.id = result.id;
    ctx.ledger.put(op.kind, result.id, result.outs);
  } else if (op.op === "read") {
    const result = await h.read(p.id!, held!.outs);
    if (!result.id) throw new Error(`read dropped ${p.id}, which exists`);
    ctx.ledger.put(op.kind, p.id!, result.props!);
  } else if (op.op === "update") {
    const diff = await h.diff(p.id!, held!.outs, p.news);
    if (diff.changes || !again) ctx.ledger.put(op.kind, p.id!, (await h.update(p.id!, held!.outs, p.news)).outs!);
  } else {
    if (again && !held) return;
    await h.delete(p.id!, held!.outs);
    ctx.ledger.remove(p.id!);
  }
}

/** What a further refresh + up would still change; empty when the case converged. */
export async function unsettled(op: Operation, ctx: OpContext, p: Prepared): Promise<string[]> {
  const h = handlers[op.kind];
  if (!p.id) return ["the resource was never created"];
  const read = await h.read(p.id, ctx.ledger.get(p.id)?.outs);
  if (op.op === "delete") return read.id ? [`${p.id} still exists after delete`] : [];
  if (!read.id) return [`${p.id} is gone from Atlas`];
  const diff = await h.diff(p.id, read.props, p.news ?? p.inputs);
  return diff.changes ? [`${p.id} still differs from its inputs: ${JSON.stringify(diff.replaces ?? [])}`] : [];
}

/**
 * The recovery docs/recovery.md gives for a create reported as "may or may not have succeeded":
 * delete every key with that description that the state does not hold. Returns how many.
 */
export async function deleteUnknownKeys(ctx: OpContext, description: string): Promise<number> {
  const admin = adminClient(ctx.emulator);
  const known = ctx.ledger.knownKeyIds();
  const stray = (await admin.listOrgApiKeys(ctx.emulator.orgId)).filter(
    (k) => k.desc === description && !known.has(k.id),
  );
  for (const key of stray) await admin.deleteOrgApiKey(ctx.emulator.orgId, key.id);
  admin.close();
  return stray.length;
}

/**
 * The recovery docs/recovery.md §1 gives for a service account or secret create reported as "may
 * or may not have succeeded": delete the accounts of the case, and the secrets of its accounts,
 * that the state does not hold (an account's secrets go with it). Returns how many.
 */
export async function deleteUnknownServiceAccountObjects(ctx: OpContext): Promise<number> {
  const admin = adminClient(ctx.emulator);
  const strays = strayRoots(serviceAccountStrays(ctx.emulator, ctx.ledger, ctx.prefix));
  for (const stray of strays) {
    const [type, clientId, secretId] = stray.split(/[:/]/);
    if (type === "account") await admin.deleteServiceAccount(ctx.emulator.orgId, clientId);
    else await admin.deleteServiceAccountSecret(ctx.emulator.orgId, clientId, secretId);
  }
  admin.close();
  return strays.length;
}
