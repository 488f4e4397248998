import { AtlasDomainError } from "../model/domain-error";
import type { Link } from "./views";

/** Query parameters every operation accepts, plus the pagination ones of list operations. */
export interface QueryOptions {
  pretty: boolean;
  envelope: boolean;
  includeCount: boolean;
  itemsPerPage: number;
  pageNum: number;
}

/** Bounds from the spec: `itemsPerPage` 1..500 (default 100), `pageNum` ≥ 1 (default 1). */
export const MAX_ITEMS_PER_PAGE = 500;

/** Parses and validates `pretty`, `envelope`, `includeCount`, `itemsPerPage`, `pageNum`. */
export function parseQuery(query: URLSearchParams): QueryOptions {
  return {
    pretty: booleanParam(query, "pretty", false),
    envelope: booleanParam(query, "envelope", false),
    includeCount: booleanParam(query, "includeCount", true),
    itemsPerPage: integerParam(query, "itemsPerPage", 100, 1, MAX_ITEMS_PER_PAGE),
    pageNum: integerParam(query, "pageNum", 1, 1, Number.MAX_SAFE_INTEGER),
  };
}

/** Lenient variant for error answers: a bad parameter must not hide the original error. */
export function outputFlags(query: URLSearchParams): { pretty: boolean; envelope: boolean } {
  return {
    pretty: query.get("pretty")?.toLowerCase() === "true",
    envelope: query.get("envelope")?.toLowerCase() === "true",
  };
}

/**
 * A paginated answer (`PaginatedApiApiUserView` and friends): `results` of the requested page,
 * `totalCount` unless `includeCount=false`, and links: `self` always, `previous` after page 1,
 * `next` only while more items exist.
 */
export function paginate<T>(items: readonly T[], render: (item: T) => unknown, q: QueryOptions, selfUrl: URL): unknown {
  const start = (q.pageNum - 1) * q.itemsPerPage;
  const page = items.slice(start, start + q.itemsPerPage);
  const links: Link[] = [{ href: pageUrl(selfUrl, q, q.pageNum), rel: "self" }];
  if (q.pageNum > 1) links.push({ href: pageUrl(selfUrl, q, q.pageNum - 1), rel: "previous" });
  if (start + q.itemsPerPage < items.length) links.push({ href: pageUrl(selfUrl, q, q.pageNum + 1), rel: "next" });
  return { links, results: page.map(render), totalCount: q.includeCount ? items.length : undefined };
}

function pageUrl(selfUrl: URL, q: QueryOptions, pageNum: number): string {
  const url = new URL(selfUrl.href);
  url.searchParams.set("pageNum", String(pageNum));
  url.searchParams.set("itemsPerPage", String(q.itemsPerPage));
  return url.href;
}

function booleanParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const lower = raw.toLowerCase();
  if (lower === "true" || lower === "false") return lower === "true";
  throw invalidParam(name);
}

function integerParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw)) throw invalidParam(name);
  const value = Number(raw);
  if (value < min || value > max) throw invalidParam(name);
  return value;
}

function invalidParam(name: string): AtlasDomainError {
  // Documented code; which code live Atlas uses for out-of-range paging is unknown.
  return new AtlasDomainError("INVALID_QUERY_PARAMETER", `Invalid query parameter ${name} specified.`, [name]);
}
