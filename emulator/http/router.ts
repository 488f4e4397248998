import type { Access, Principal } from "../auth/authorize";
import { AtlasDomainError } from "../model/domain-error";
import type { BucketKind } from "../limits/rate-limit";
import type { QueryOptions } from "./query";
import type { Reply } from "./respond";

/** Everything a handler may use; handlers return a {@link Reply} or throw a domain error. */
export interface RouteRequest {
  /** Path parameters, percent-decoded (`192.0.2.0%2F24` → `192.0.2.0/24`). */
  params: Record<string, string>;
  /** Parsed JSON body (`undefined` when empty). */
  body: unknown;
  query: QueryOptions;
  principal: Principal;
  /** Peer address of the caller. */
  clientIp: string;
  /** Origin used in links, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Absolute URL of this request, base of pagination links. */
  selfUrl: URL;
}

/** One Admin API operation. */
export interface RouteDef {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path template with `{param}` segments, as in the spec. */
  path: string;
  operationId: string;
  access: Access;
  rateLimit: BucketKind;
  /** Resource version of the 2xx media type; default `2023-01-01`. */
  version?: string;
  handle(request: RouteRequest): Reply;
}

/** A route definition from its parts, in the order the route tables list them. */
export function op(
  method: RouteDef["method"],
  path: string,
  operationId: string,
  access: Access,
  rateLimit: BucketKind,
  handle: (r: RouteRequest) => Reply,
): RouteDef {
  return { method, path, operationId, access, rateLimit, handle };
}

/** A matched route and its decoded parameters. */
export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

/** Path parameter formats from the spec; a mismatch is Atlas's 400 PATH_PARAM_PARSE_ERROR. */
const PARAM_PATTERNS: Record<string, RegExp> = {
  orgId: /^([a-f0-9]{24})$/,
  groupId: /^([a-f0-9]{24})$/,
  apiUserId: /^([a-f0-9]{24})$/,
  // The spec's pattern, applied to the decoded value (with `/` where the wire has `%2F`).
  ipAddress: /^(([0-9]{1,3}\.){3}[0-9]{1,3}(\/[0-9]{1,3})?|([0-9a-fA-F]{0,4}:){1,7}[0-9a-fA-F]{0,4}(\/[0-9]{1,3})?)$/,
};

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  names: string[];
}

/** Matches request paths against the route table. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteDef[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /**
   * The route for `method` and the raw (still percent-encoded) `pathname`. Throws 404
   * RESOURCE_NOT_FOUND for an unknown path, 405 for a known path with another method, and
   * 400 PATH_PARAM_PARSE_ERROR when a parameter does not have the format of its kind.
   */
  match(method: string, pathname: string): RouteMatch {
    let pathKnown = false;
    for (const c of this.compiled) {
      const m = c.pattern.exec(pathname);
      if (!m) continue;
      pathKnown = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      c.names.forEach((name, i) => {
        params[name] = decodeSegment(m[i + 1], pathname);
        if (PARAM_PATTERNS[name] && !PARAM_PATTERNS[name].test(params[name])) throw pathParamError(pathname);
      });
      return { route: c.route, params };
    }
    if (pathKnown)
      throw new AtlasDomainError("METHOD_NOT_ALLOWED", `Method ${method} is not allowed on ${pathname}.`, [method]);
    throw new AtlasDomainError("RESOURCE_NOT_FOUND", `Cannot find resource ${pathname}.`, [pathname]);
  }
}

function decodeSegment(segment: string, pathname: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw pathParamError(pathname);
  }
}

/** Live wording (terraform-provider-mongodbatlas #2317), the request path as the only parameter. */
function pathParamError(pathname: string): AtlasDomainError {
  return new AtlasDomainError(
    "PATH_PARAM_PARSE_ERROR",
    `One or more path parameter in the request URI ${pathname} is malformed.`,
    [pathname],
  );
}
