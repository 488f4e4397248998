import type { AtlasState, ServiceAccountRecord } from "./types";

/** A service account as state files of 0.1.0 hold it: one `clientSecret`, no secrets list. */
type ServiceAccountBefore = Partial<ServiceAccountRecord> & { clientSecret?: string };

/**
 * Brings a restored state up to the current record shapes, so state files written by earlier
 * releases keep working: a service account's single `clientSecret` becomes its one secret.
 */
export function upgradeState(state: AtlasState): AtlasState {
  for (const [clientId, record] of Object.entries(state.serviceAccounts) as Array<[string, ServiceAccountBefore]>) {
    if (Array.isArray(record.secrets)) continue;
    const created = Date.parse(record.created ?? "") || 0;
    const { clientSecret, ...rest } = record;
    state.serviceAccounts[clientId] = {
      ...(rest as ServiceAccountRecord),
      description: rest.description ?? rest.name ?? "",
      accessList: rest.accessList ?? [],
      secrets: clientSecret
        ? [{ id: clientId.slice(-24), secret: clientSecret, createdAt: created, expiresAt: created + 8760 * 3600_000 }]
        : [],
    };
  }
  return state;
}
