/**
 * Inline Pulumi programs of the reliability tests. Every description starts with a prefix
 * unique to the test, so the keys a stack made can be found in the emulator and compared with
 * its state.
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import type { EmulatorHandle } from "../../emulator";
import { AccessListApiKey, ApiKey, ApiKeyProjectAssignment, ProjectApiKey } from "../../provider";

/** Options of {@link fourResources}. */
export interface FourResourcesOptions {
  /** Appended to the org key's description (an update when it changes). */
  revision?: string;
  /** Adds a second org key (a create in an existing stack). */
  extraKey?: boolean;
}

/**
 * One resource of each kind: an org key, a project key in both projects, an assignment of the
 * org key to the second project and an access-list entry of the org key. Exports the key ids
 * and private keys (secrets) so tests can compare them with what Atlas issued.
 */
export function fourResources(emulator: EmulatorHandle, prefix: string, options: () => FourResourcesOptions): PulumiFn {
  return async () => {
    const { revision = "", extraKey = false } = options();
    const orgKey = new ApiKey("org-key", {
      orgId: emulator.orgId,
      description: `${prefix}org key${revision}`,
      roleNames: ["ORG_READ_ONLY"],
    });
    const projectKey = new ProjectApiKey("project-key", {
      description: `${prefix}project key`,
      projectAssignments: emulator.projectIds.map((projectId) => ({ projectId, roleNames: ["GROUP_READ_ONLY"] })),
    });
    new ApiKeyProjectAssignment("assignment", {
      projectId: emulator.secondProjectId,
      apiKeyId: orgKey.apiKeyId,
      roles: ["GROUP_READ_ONLY"],
    });
    new AccessListApiKey("entry", { orgId: emulator.orgId, apiKeyId: orgKey.apiKeyId, ipAddress: "192.0.2.20" });
    const outputs: Record<string, unknown> = {
      orgKeyId: orgKey.apiKeyId,
      orgPrivateKey: orgKey.privateKey,
      projectKeyId: projectKey.apiKeyId,
      projectPrivateKey: projectKey.privateKey,
    };
    if (extraKey) {
      const extra = new ApiKey("extra-key", {
        orgId: emulator.orgId,
        description: `${prefix}extra key`,
        roleNames: ["ORG_MEMBER"],
      });
      outputs.extraKeyId = extra.apiKeyId;
      outputs.extraPrivateKey = extra.privateKey;
    }
    return outputs;
  };
}

/** Mix of the load stack; the counts add up to {@link LOAD_TOTAL}. */
export const LOAD_MIX = {
  /** Organization keys; every other one manages an access list of one entry inline. */
  orgKeys: 80,
  /** Project keys assigned to both projects of the organization. */
  projectKeys: 40,
  /** Access-list entries, one per organization key. */
  accessListEntries: 80,
};

/** Number of resources of the load stack. */
export const LOAD_TOTAL = LOAD_MIX.orgKeys + LOAD_MIX.projectKeys + LOAD_MIX.accessListEntries;

/** The load stack: {@link LOAD_MIX} resources of mixed kinds. */
export function loadProgram(emulator: EmulatorHandle, prefix: string): PulumiFn {
  return async () => {
    for (let i = 0; i < LOAD_MIX.orgKeys; i++) {
      const inline = i % 2 === 0 ? { accessList: [`198.51.100.${i + 1}`] } : {};
      const key = new ApiKey(`org-${i}`, {
        orgId: emulator.orgId,
        description: `${prefix}org ${i}`,
        roleNames: ["ORG_READ_ONLY"],
        ...inline,
      });
      if (i < LOAD_MIX.accessListEntries) {
        new AccessListApiKey(`entry-${i}`, {
          orgId: emulator.orgId,
          apiKeyId: key.apiKeyId,
          cidrBlock: `10.${i}.0.0/16`,
        });
      }
    }
    for (let i = 0; i < LOAD_MIX.projectKeys; i++) {
      new ProjectApiKey(`project-${i}`, {
        description: `${prefix}project ${i}`,
        projectAssignments: emulator.projectIds.map((projectId) => ({ projectId, roleNames: ["GROUP_READ_ONLY"] })),
      });
    }
  };
}

/** `count` organization keys, for the interruption test. */
export function manyKeys(emulator: EmulatorHandle, prefix: string, count: number): PulumiFn {
  return async () => {
    for (let i = 0; i < count; i++) {
      new ApiKey(`key-${i}`, { orgId: emulator.orgId, description: `${prefix}key ${i}`, roleNames: ["ORG_READ_ONLY"] });
    }
  };
}
