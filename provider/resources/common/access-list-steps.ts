import { entriesOf, setDelta } from "../../shared/access-list";
import type { AppliedSteps } from "./applied-steps";
import type { HandlerContext } from "./contract";
import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { addAccessListEntries } from "./key-operations";

/** The part of a key's recorded outputs the access-list steps touch. */
export interface WithAccessList {
  /** Canonical entries; undefined when not managed, or not known after a failed step. */
  accessList?: string[];
}

/**
 * Brings a key's access list to `desired` as recorded steps: one add of everything missing
 * (Atlas adds a batch all or nothing), then one delete per entry to remove. Adding first keeps
 * callers that move from one address to another from being locked out in between. `known` is the
 * list as last recorded; when absent (not managed before, or unknown after a failed step) it is
 * read from Atlas, so entries made elsewhere are removed too.
 */
export async function syncAccessListSteps<State extends WithAccessList>(
  ctx: HandlerContext,
  steps: AppliedSteps<State>,
  orgId: string,
  apiKeyId: string,
  desired: string[],
): Promise<void> {
  if (steps.state.accessList === undefined) {
    let read: string[] = [];
    await steps.run({
      name: "reading the access list",
      run: async () => {
        read = entriesOf(await ctx.atlas.listAccessListEntries(orgId, apiKeyId));
      },
      applied: (state) => {
        state.accessList = read;
      },
      unsure: () => undefined,
    });
  }
  const { add, remove } = setDelta(steps.state.accessList ?? [], desired);
  const unknown = (state: State) => {
    state.accessList = undefined;
  };
  if (add.length) {
    await steps.run({
      name: `adding access-list entries ${add.join(", ")}`,
      run: () => addAccessListEntries(ctx, orgId, apiKeyId, add),
      applied: (state) => {
        state.accessList = [...new Set([...(state.accessList ?? []), ...add])].sort();
      },
      unsure: unknown,
    });
  }
  for (const entry of remove) {
    await steps.run({
      name: `removing access-list entry ${entry}`,
      run: async () => {
        await goneIf(ctx.atlas.deleteAccessListEntry(orgId, apiKeyId, entry), GONE_WHEN.accessListEntry);
      },
      applied: (state) => {
        state.accessList = state.accessList?.filter((e) => e !== entry);
      },
      unsure: unknown,
    });
  }
}
