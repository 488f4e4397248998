/**
 * What one case of the service-account step matrix owns in Atlas, and what the state shows of
 * it, as comparable sets of object names (`account:<clientId>`, `secret:<clientId>/<secretId>`,
 * `project:<clientId>/<projectId>`, `entry:<clientId>/<cidrBlock>`). A live object missing from
 * the state's set is one nobody can see, rotate or delete with Pulumi.
 */
import type { EmulatorHandle } from "../../emulator";
import type { ResourceKind } from "../../provider/runtime/serializable";
import { adminClient } from "./provider-harness";
import type { Outputs } from "./reliability-step-matrix";

/** A case's corner of the organization: accounts named with its prefix, and the fixture account. */
export interface World {
  orgId: string;
  projectId: string;
  /** Start of the name of every account the case makes. */
  name: string;
  /** The account the case's secret, assignment or entry belongs to (made by the test or the resource). */
  clientId: string;
  /** True when the test made the account (not the resource under test). */
  fixture: boolean;
}

/** Every object of the case's accounts that Atlas holds. */
export async function liveObjects(emulator: EmulatorHandle, world: World): Promise<string[]> {
  const admin = adminClient(emulator);
  try {
    const names: string[] = [];
    const accounts = (await admin.listServiceAccounts(world.orgId)).filter((a) => a.name.startsWith(world.name));
    for (const { clientId } of accounts) {
      names.push(`account:${clientId}`);
      const account = await admin.getServiceAccount(world.orgId, clientId);
      for (const s of account.secrets ?? []) names.push(`secret:${clientId}/${s.id}`);
      for (const p of await admin.listServiceAccountProjects(world.orgId, clientId))
        names.push(`project:${clientId}/${p.groupId}`);
      for (const e of await admin.listServiceAccountAccessList(world.orgId, clientId))
        names.push(`entry:${clientId}/${e.cidrBlock}`);
    }
    return names.sort();
  } finally {
    admin.close();
  }
}

/**
 * The same objects read from the emulator's model, with no request: for checks that must not
 * touch the request log or the faults of a case.
 */
export function liveObjectsInModel(emulator: EmulatorHandle, namePrefix: string): string[] {
  const names: string[] = [];
  for (const a of Object.values(emulator.model.state.serviceAccounts)) {
    if (!a.name.startsWith(namePrefix)) continue;
    names.push(`account:${a.clientId}`);
    for (const s of a.secrets) names.push(`secret:${a.clientId}/${s.id}`);
    for (const projectId of Object.keys(a.projectRoles)) names.push(`project:${a.clientId}/${projectId}`);
    for (const e of a.accessList) names.push(`entry:${a.clientId}/${e.cidrBlock}`);
  }
  return names.sort();
}

/** The objects the outputs of one service-account resource name (none for another kind). */
export function objectsShownBy(kind: string, outs: Outputs): string[] {
  const clientId = String(outs.clientId);
  if (kind === "serviceAccount")
    return [
      `account:${clientId}`,
      ...((outs.secrets as Array<{ secretId: string }>) ?? []).map((s) => `secret:${clientId}/${s.secretId}`),
    ];
  if (kind === "serviceAccountSecret") {
    const ids = [outs.secretId, outs.previousSecretId].filter((id) => typeof id === "string" && id !== "");
    return ids.map((id) => `secret:${clientId}/${id}`);
  }
  if (kind === "serviceAccountProjectAssignment") return [`project:${clientId}/${outs.projectId}`];
  if (kind === "serviceAccountAccessListEntry") return [`entry:${clientId}/${outs.cidrBlock}`];
  return [];
}

/** The objects the state shows: the fixture account, and what the resource's outputs name. */
export function shownObjects(world: World, kind: ResourceKind, outs: Outputs | undefined): string[] {
  const names = world.fixture ? [`account:${world.clientId}`] : [];
  if (outs) names.push(...objectsShownBy(kind, outs));
  return names.sort();
}

/** The objects of `strays` a recovery must be told about: accounts, and secrets of accounts not among them. */
export function strayRoots(strays: string[]): string[] {
  const accounts = new Set(strays.filter((s) => s.startsWith("account:")).map((s) => s.slice("account:".length)));
  return strays.filter(
    (s) =>
      s.startsWith("account:") || (s.startsWith("secret:") && !accounts.has(s.slice("secret:".length).split("/")[0])),
  );
}

/**
 * The recovery docs/recovery.md gives after "may or may not have succeeded": delete, in Atlas,
 * the accounts and secrets the message names that the state does not show (after a timeout, the
 * message warns that one may still appear and asks to list again: then the ones found later).
 * Returns the objects the message should have named or announced but did not (an account's
 * secrets go with it).
 */
export async function deleteNamedStrays(
  emulator: EmulatorHandle,
  world: World,
  strays: string[],
  message: string,
): Promise<string[]> {
  const admin = adminClient(emulator);
  const unnamed: string[] = [];
  const warned = /may still carry out the timed-out request/.test(message);
  try {
    const accounts = strays.filter((s) => s.startsWith("account:")).map((s) => s.slice("account:".length));
    for (const clientId of accounts) {
      if (!message.includes(clientId) && !warned) unnamed.push(`account:${clientId}`);
      await admin.deleteServiceAccount(world.orgId, clientId);
    }
    for (const stray of strays.filter((s) => s.startsWith("secret:"))) {
      const [clientId, secretId] = stray.slice("secret:".length).split("/");
      if (accounts.includes(clientId)) continue;
      if (!message.includes(secretId) && !warned) unnamed.push(stray);
      await admin.deleteServiceAccountSecret(world.orgId, clientId, secretId);
    }
    return unnamed;
  } finally {
    admin.close();
  }
}
