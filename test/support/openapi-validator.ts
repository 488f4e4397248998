/**
 * The one validator of HTTP responses against the official Atlas OpenAPI specs (see
 * reference-spec.ts for where they come from): the contract tier checks every response it
 * recorded, the emulator's unit tests check each operation by its template. Given several specs
 * (API keys, service accounts), a response is checked against the one declaring its operation.
 *
 * Two documented differences between the specs and live Atlas are tolerated:
 * - `UserAccessListResponse.count` is 0 on a fresh entry (the spec says minimum 1);
 * - `ApiError.parameters` holds strings and numbers (the spec says objects): the
 *   live 404 and 429 bodies recorded in the reference carry ids and numbers.
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { OpenApiSpec } from "./reference-spec";

/** One response to check, as a recording proxy or a test client saw it. */
export interface ResponseToCheck {
  method: string;
  /** Request path without the query string; used to find the operation unless `template` is given. */
  path: string;
  /** The operation's path template in the spec, when the caller knows it (e.g. `/api/atlas/v2/orgs/{orgId}`). */
  template?: string;
  status: number;
  /** The Content-Type header ("" when absent). */
  contentType: string;
  body: string;
}

/** How strict {@link createValidator} is about statuses. */
export interface ValidatorOptions {
  /**
   * Accept an error status the operation does not declare when its body is an ApiError: Atlas
   * answers some errors the trimmed spec does not list (e.g. 400 PATH_PARAM_PARSE_ERROR on GETs).
   */
  acceptUndeclaredErrors?: boolean;
}

interface Operation {
  /** Schema id under which the spec declaring it is registered. */
  specId: string;
  spec: OpenApiSpec;
  method: string;
  pattern: RegExp;
  template: string;
  /** Characters of the template outside `{placeholders}`: the most specific match wins. */
  literalLength: number;
  responses: Record<string, { content?: Record<string, { schema?: object }>; $ref?: string }>;
}

/** Compiles `specs` once; returns a function that lists the problems of one response ([] when it conforms). */
export function createValidator(
  specs: OpenApiSpec[],
  options: ValidatorOptions = {},
): (response: ResponseToCheck) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const operations = specs.flatMap((original, index) => {
    const spec = structuredClone(original);
    const schemas = spec.components?.schemas ?? {};
    if (schemas.UserAccessListResponse?.properties?.count) schemas.UserAccessListResponse.properties.count.minimum = 0;
    if (schemas.ApiError?.properties?.parameters) schemas.ApiError.properties.parameters.items = {};
    const specId = `atlas-${index}`;
    ajv.addSchema({ ...spec, $id: specId });
    return operationsOf(spec, specId);
  });
  const errorResponse = { content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const resolve = (operation: Operation, response: Operation["responses"][string]) =>
    response.$ref ? operation.spec.components.responses[response.$ref.split("/").pop()!] : response;

  return (response) => {
    if (response.path.startsWith("/api/oauth/")) return oauthProblems(response);
    const operation = findOperation(operations, response);
    if (!operation) return [`${response.method} ${response.template ?? response.path}: no such operation in the spec`];
    const declared =
      operation.responses[String(response.status)] ??
      (options.acceptUndeclaredErrors && response.status >= 400 ? errorResponse : undefined);
    if (!declared) return [`${response.method} ${operation.template}: status ${response.status} is not declared`];
    const content = resolve(operation, declared).content as Record<string, { schema?: object }> | undefined;
    const mediaType = response.contentType.split(";")[0].trim();
    if (content && !content[mediaType])
      return [
        `${operation.template} ${response.status}: content type ${mediaType} not declared (${Object.keys(content)})`,
      ];
    // A 204 carries no body, whatever the spec's content entry says.
    if (response.status === 204) return response.body === "" ? [] : [`${operation.template} 204: has a body`];
    if (!content)
      return response.body === "" ? [] : [`${operation.template} ${response.status}: body where none is declared`];
    const entry = content[mediaType];
    const cacheKey = `${operation.method} ${operation.template} ${response.status} ${mediaType}`;
    const validate = compiled.get(cacheKey) ?? ajv.compile(schemaRef(entry.schema, operation.specId));
    compiled.set(cacheKey, validate);
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [`${operation.template} ${response.status}: body is not JSON`];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${response.method} ${operation.template} ${response.status}: ${e.instancePath} ${e.message}`,
    );
  };
}

function operationsOf(spec: OpenApiSpec, specId: string): Operation[] {
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries<object>(spec.paths)) {
    const literal = template.replace(/\{[^}]+\}/g, "");
    const source = template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^/]+");
    for (const [method, operation] of Object.entries(
      methods as unknown as Record<string, { responses: Operation["responses"] }>,
    )) {
      operations.push({
        specId,
        spec,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${source}$`),
        template,
        literalLength: literal.length,
        responses: operation.responses,
      });
    }
  }
  return operations;
}

/**
 * The operation by its template when given, else the most specific one whose template matches the
 * path (`/serviceAccounts/{clientId}:invite` before `/serviceAccounts/{clientId}`).
 */
function findOperation(operations: Operation[], response: ResponseToCheck): Operation | undefined {
  const candidates = operations.filter(
    (op) =>
      op.method === response.method.toUpperCase() &&
      (response.template === undefined ? op.pattern.test(response.path) : op.template === response.template),
  );
  return candidates.sort((a, b) => b.literalLength - a.literalLength)[0];
}

/** The OAuth token endpoint is outside the Admin API spec: check the documented shape. */
function oauthProblems(response: ResponseToCheck): string[] {
  if (response.status !== 200) return [];
  const body = JSON.parse(response.body) as Record<string, unknown>;
  const ok =
    typeof body.access_token === "string" && body.token_type === "Bearer" && typeof body.expires_in === "number";
  return ok ? [] : [`POST ${response.path} 200: not {access_token, token_type: "Bearer", expires_in}`];
}

/** Points a schema's `$ref`s into the registered spec. */
function schemaRef(schema: object | undefined, specId: string): object {
  const text = JSON.stringify(schema ?? {}).replace(/"#\/components\//g, `"${specId}#/components/`);
  return JSON.parse(text);
}
