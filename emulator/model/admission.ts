import { recordAccessListUse } from "./access-lists";
import type { ModelContext } from "./context";
import { AtlasDomainError } from "./domain-error";
import { recordUse } from "./entry-rules";
import { SERVICE_ACCOUNT_LISTS } from "./service-account-access-lists";

/** Who is calling, as authentication found it. */
export interface Caller {
  kind: "apiKey" | "serviceAccount";
  id: string;
}

/**
 * Admits an authenticated caller coming from `ip`: an API key or service account with a non-empty
 * access list has the call counted on its matching entries and, when `enforce` is on, is refused
 * from any other address with 403 `IP_ADDRESS_NOT_ON_ACCESS_LIST`.
 */
export function admitCaller(ctx: ModelContext, caller: Caller, ip: string, enforce: boolean): void {
  const matched = caller.kind === "apiKey" ? matchKey(ctx, caller.id, ip) : matchServiceAccount(ctx, caller.id, ip);
  if (matched === false && enforce) {
    throw new AtlasDomainError(
      "IP_ADDRESS_NOT_ON_ACCESS_LIST",
      `IP address ${ip} is not allowed to access this resource.`,
      [ip],
    );
  }
}

/** `undefined` when the key has no access list (every address is admitted). */
function matchKey(ctx: ModelContext, id: string, ip: string): boolean | undefined {
  const key = ctx.state.apiKeys[id];
  return key && key.accessList.length > 0 ? recordAccessListUse(ctx, key, ip) : undefined;
}

function matchServiceAccount(ctx: ModelContext, clientId: string, ip: string): boolean | undefined {
  const sa = ctx.state.serviceAccounts[clientId];
  return sa && sa.accessList.length > 0 ? recordUse(ctx, SERVICE_ACCOUNT_LISTS, sa, ip) : undefined;
}
