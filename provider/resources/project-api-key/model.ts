import { normalizeEntries, sameEntries } from "../../shared/access-list";
import { factsOf, projectRolesOf, projectsOf, type KeyFacts, type KeyRecord } from "../../shared/key-facts";
import { sameMap } from "../../shared/maps";
import { normalizeRoles, sameRoles } from "../../shared/roles";
import type { RotationPolicy } from "../../shared/rotation-policy";
import { rotatingResourceId, type RotationOutputs } from "../../shared/rotation-record";
import { diffAdoption, withoutAdoptedSecret, type AdoptionInputs } from "../../shared/adoption";

/** One project the key is assigned to, with its roles there. */
export interface ProjectAssignment {
  projectId: string;
  roleNames: string[];
}

/** Checked inputs of ProjectApiKey. */
export interface ProjectApiKeyInputs extends AdoptionInputs {
  description: string;
  /** The first entry hosts the create call; the order is the user's. */
  projectAssignments: ProjectAssignment[];
  accessList?: string[];
  keepers?: Record<string, string>;
  rotation?: RotationPolicy;
}

/** Outputs of ProjectApiKey, plus the rotation fields under a policy. */
export interface ProjectApiKeyOutputs extends ProjectApiKeyInputs, RotationOutputs {
  orgId: string;
  apiKeyId: string;
  publicKey: string;
  privateKey: string;
  /** Organization roles Atlas gave the key (ORG_MEMBER, added automatically). */
  roleNames: string[];
}

/** Resource id: `projectId/apiKeyId` of the host project. */
export function projectApiKeyResourceId(projectId: string, apiKeyId: string): string {
  return `${projectId}/${apiKeyId}`;
}

/** The id `create` gives a key: a rotating resource has its own form (see rotation-record.ts). */
export function createdProjectKeyId(inputs: ProjectApiKeyInputs, apiKeyId: string): string {
  const host = inputs.projectAssignments[0].projectId;
  return inputs.rotation === undefined ? projectApiKeyResourceId(host, apiKeyId) : rotatingResourceId(host, apiKeyId);
}

/** The changes that turn assignments `olds` into `news`, applied in this order: add, update, remove. */
export interface AssignmentDelta {
  add: ProjectAssignment[];
  update: ProjectAssignment[];
  remove: string[];
}

/** Computes the assignment changes by project id; roles compare as sets. */
export function assignmentDelta(
  olds: readonly ProjectAssignment[],
  news: readonly ProjectAssignment[],
): AssignmentDelta {
  const before = new Map(olds.map((a) => [a.projectId, a.roleNames]));
  const after = new Set(news.map((a) => a.projectId));
  return {
    add: news.filter((a) => !before.has(a.projectId)),
    update: news.filter((a) => before.has(a.projectId) && !sameRoles(before.get(a.projectId), a.roleNames)),
    remove: olds.filter((a) => !after.has(a.projectId)).map((a) => a.projectId),
  };
}

/** Replacement for `keepers` and for adopting a different key; everything else updates in place. */
export function diffProjectApiKey(
  olds: ProjectApiKeyOutputs,
  news: ProjectApiKeyInputs,
): { replaces: string[]; updates: string[] } {
  const adoption = diffAdoption(olds, news);
  const replaces = [...(sameMap(olds.keepers, news.keepers) ? [] : ["keepers"]), ...adoption.replaces];
  const updates: string[] = [];
  if (olds.description !== news.description) updates.push("description");
  const delta = assignmentDelta(olds.projectAssignments ?? [], news.projectAssignments);
  if (delta.add.length + delta.update.length + delta.remove.length > 0) updates.push("projectAssignments");
  if (!sameEntries(olds.accessList, news.accessList)) updates.push("accessList");
  updates.push(...adoption.updates);
  return { replaces, updates };
}

/** What the outputs need to know of the key: its facts and its organization. */
export interface ProjectKeyFacts extends KeyFacts {
  orgId: string;
}

/** The facts of a key Atlas returned, in organization `orgId`. */
export function projectKeyFacts(key: KeyRecord, orgId: string): ProjectKeyFacts {
  return { ...factsOf(key, orgId), orgId };
}

/**
 * The key's assignments as Atlas holds them: every project it has roles in, the
 * projects of `listed` (the program's or the state's) first and in their order,
 * the others after them as Atlas lists them.
 */
export function assignmentsOfKey(key: KeyRecord, listed: readonly ProjectAssignment[]): ProjectAssignment[] {
  const projects = [...new Set([...listed.map((a) => a.projectId), ...projectsOf(key)])];
  return projects
    .map((projectId) => ({ projectId, roleNames: projectRolesOf(key, projectId) }))
    .filter((assignment) => assignment.roleNames.length > 0);
}

/** Builds outputs from inputs, facts and the assignments as they are; `adoptPrivateKey` is never copied. */
export function toProjectOutputs(
  inputs: ProjectApiKeyInputs,
  facts: ProjectKeyFacts,
  assignments: ProjectAssignment[],
  privateKey: string,
  accessList: string[] | undefined,
): ProjectApiKeyOutputs {
  return {
    ...withoutAdoptedSecret(inputs),
    ...facts,
    projectAssignments: assignments.map((a) => ({ projectId: a.projectId, roleNames: normalizeRoles(a.roleNames) })),
    accessList: inputs.accessList === undefined ? undefined : normalizeEntries(accessList ?? []),
    privateKey,
  };
}
