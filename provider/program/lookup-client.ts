import * as pulumi from "@pulumi/pulumi";
import type { AtlasApi } from "../atlas/types";
import { connectionFor } from "../atlas/connection";
import { resolveExplicitSettings, type ExplicitSettings } from "../config/explicit";
import { resolveSettings } from "../config/settings";
import { objectIdProblem } from "../shared/ids";
import { Provider } from "./provider";

/**
 * What every lookup shares: its client (the connection of the explicit
 * `Provider` named in the invoke options, else the stack config's, under the
 * same credentials rule as the resources), argument checks, and the wiring of
 * the `…Output` forms.
 */

/** The client for a lookup's invoke options: one connection per set of credentials (atlas/connection.ts). */
export async function lookupClient(opts: pulumi.InvokeOptions | undefined): Promise<AtlasApi> {
  const provider = Provider.isInstance(opts?.provider) ? opts.provider : undefined;
  if (provider) return connectionFor(resolveExplicitSettings(await settingsOf(provider), process.env)).client;
  const config = new pulumi.Config("mongodbatlas");
  return connectionFor(resolveSettings({ config: (key) => config.get(key.split(":")[1]), env: process.env })).client;
}

/** A provider's settings as a value (unsecret: they only choose the client, nothing returned holds them). */
function settingsOf(provider: Provider): Promise<ExplicitSettings> {
  return new Promise((resolve) => {
    pulumi.unsecret(provider.settings).apply((settings) => {
      resolve(settings);
      return settings;
    });
  });
}

/** The client for a lookup, once its id arguments (24-hex, by name) are checked: a bad one fails before any request. */
export async function checkedClient(
  opts: pulumi.InvokeOptions | undefined,
  ids: Record<string, unknown>,
): Promise<AtlasApi> {
  for (const [property, value] of Object.entries(ids)) requireId(property, value);
  return lookupClient(opts);
}

/** Throws the problem with an id argument (24-hex), before any request. */
export function requireId(property: string, value: unknown): void {
  const problem = objectIdProblem(property, value);
  if (problem) throw new Error(problem);
}

/**
 * The `…Output` form of a lookup: runs once its arguments (and `dependsOn`)
 * are known, with the same invoke options otherwise.
 */
export function outputForm<Args, Result>(
  lookup: (args: Args, opts?: pulumi.InvokeOptions) => Promise<Result>,
): (args: InputsOf<Args>, opts?: pulumi.InvokeOutputOptions) => pulumi.Output<Result> {
  return (args, opts) => {
    const { dependsOn, ...invokeOptions } = opts ?? {};
    const ready = pulumi.output(dependsOn ?? []).apply((deps) => {
      const list = Array.isArray(deps) ? deps : [deps];
      return pulumi.all(list.map((r) => (pulumi.CustomResource.isInstance(r) ? r.id : r.urn)));
    });
    return pulumi
      .all([pulumi.output(args as pulumi.Inputs), ready])
      .apply(([resolved]) => lookup(resolved as Args, invokeOptions)) as pulumi.Output<Result>;
  };
}

/**
 * The arguments of a lookup's `…Output` form: each of its arguments may be an
 * `Input`, one level deep as `@pulumi/mongodbatlas` declares them (a resource's
 * arguments take `InputOf`, which reaches into lists and maps).
 */
export type InputsOf<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** The paging arguments of a list lookup, as `@pulumi/mongodbatlas` takes them. */
export interface PageArgs {
  /** Only this page (from 1) of the complete list; the whole list when omitted. */
  pageNum?: number;
  /** Page size for `pageNum` (default 100). */
  itemsPerPage?: number;
}

/** The paging arguments a list lookup returns with its results. */
export interface PageResult {
  /** As given. */
  readonly pageNum?: number;
  /** As given. */
  readonly itemsPerPage?: number;
}

/** The organization a lookup reads. */
export interface OrgScope {
  /** Organization id (24-hex). */
  orgId: string;
}

/** The project a lookup reads. */
export interface ProjectScope {
  /** Project id (24-hex). */
  projectId: string;
}

/** The organization key a lookup reads. */
export interface OrgKeyScope extends OrgScope {
  /** Key id (24-hex), not the public key. */
  apiKeyId: string;
}

/** A lookup in its Promise form, as `@pulumi/mongodbatlas` declares them. */
export type Lookup<Args, Result> = (args: Args, opts?: pulumi.InvokeOptions) => Promise<Result>;

/** What a list lookup returns: the ids of its `Scope` as given, the paging arguments, and the items. */
export type ListResult<Scope, Item> = Readonly<Scope> &
  PageResult & {
    /** The scope's ids joined by `/` (`orgId`, `projectId`, `orgId/apiKeyId`). */
    readonly id: string;
    /** Every item (every page read), or the page asked for. */
    readonly results: Item[];
  };

/**
 * A list lookup of the items under a scope (`scope` names its id arguments):
 * checks the ids before any request, reads every page with `list`, and returns
 * the scope, its `id` and the page asked for, each item mapped.
 */
export function listLookup<Scope extends object, Item, Result>(
  scope: readonly (keyof Scope & string)[],
  list: (api: AtlasApi, ids: Scope) => Promise<Item[]>,
  map: (item: Item, ids: Scope) => Result,
): Lookup<Scope & PageArgs, ListResult<Scope, Result>> {
  return async (args, opts) => {
    const given: Record<string, unknown> = Object.fromEntries(scope.map((name) => [name, args[name]]));
    const ids = given as Scope;
    const items = await list(await checkedClient(opts, given), ids);
    const id = scope.map((name) => given[name]).join("/");
    return { id, ...ids, ...paged(items, args, (item) => map(item, ids)) };
  };
}

/** The page of `items` that `args` ask for, each mapped, with the paging arguments as given. */
export function paged<Item, Result>(
  items: Item[],
  args: PageArgs,
  map: (item: Item) => Result,
): PageResult & { results: Result[] } {
  const results = pageOf(items, args.pageNum, args.itemsPerPage).map(map);
  return { pageNum: args.pageNum, itemsPerPage: args.itemsPerPage, results };
}

/** The page `pageNum` of `itemsPerPage` items of a complete list; the whole list when neither is given. */
export function pageOf<T>(items: T[], pageNum?: number, itemsPerPage?: number): T[] {
  if (pageNum === undefined && itemsPerPage === undefined) return items;
  const size = itemsPerPage ?? 100;
  const page = pageNum ?? 1;
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(page) || page < 1) {
    throw new Error("pageNum and itemsPerPage must be positive integers (pages are counted from 1).");
  }
  return items.slice((page - 1) * size, page * size);
}
