/**
 * Validates response bodies against the official Atlas Admin API spec trimmed to
 * this package's operations: `shared/reference/atlas-apikeys.openapi.json` (API keys) and
 * `atlas-service-accounts.openapi.json` (service accounts, organization settings). A
 * recorded response is checked against the spec that declares its operation.
 *
 * Two documented differences between the spec and live Atlas are tolerated:
 * - `UserAccessListResponse.count` is 0 on a fresh entry (the spec says minimum 1);
 * - `ApiError.parameters` holds strings and numbers (the spec says objects): the
 *   live 404 and 429 bodies recorded in the reference carry ids and numbers.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import type { RecordedResponse } from "./recording-proxy";

const REFERENCE_DIR = path.resolve(__dirname, "../../../../shared/reference");
/** The trimmed specs, each registered under its own schema id. */
const SPECS = [
  { id: "atlas", path: path.join(REFERENCE_DIR, "atlas-apikeys.openapi.json") },
  { id: "atlas-sa", path: path.join(REFERENCE_DIR, "atlas-service-accounts.openapi.json") },
];

/** True when the reference specs are present (they live beside the repository, not in it). */
export function specAvailable(): boolean {
  return SPECS.every((spec) => fs.existsSync(spec.path));
}

interface Operation {
  /** Schema id of the spec declaring it. */
  specId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  method: string;
  pattern: RegExp;
  template: string;
  responses: Record<string, { content?: Record<string, { schema?: object }>; $ref?: string }>;
}

/** Compiles the spec once; returns a function that lists the problems of one recorded response. */
export function createValidator(): (response: RecordedResponse) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const operations: Operation[] = [];
  for (const { id: specId, path: file } of SPECS) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const spec = JSON.parse(fs.readFileSync(file, "utf8")) as any;
    const schemas = spec.components.schemas;
    if (schemas.UserAccessListResponse) schemas.UserAccessListResponse.properties.count.minimum = 0;
    schemas.ApiError.properties.parameters.items = {};
    ajv.addSchema({ ...spec, $id: specId });
    for (const [template, methods] of Object.entries<object>(spec.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      for (const [method, operation] of Object.entries(
        methods as unknown as Record<string, { responses: Operation["responses"] }>,
      )) {
        operations.push({
          specId,
          spec,
          method: method.toUpperCase(),
          pattern,
          template,
          responses: operation.responses,
        });
      }
    }
  }
  const errorResponse = { content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const resolve = (operation: Operation, response: Operation["responses"][string]) =>
    response.$ref ? operation.spec.components.responses[response.$ref.split("/").pop()!] : response;

  return (recorded) => {
    if (recorded.path.startsWith("/api/oauth/")) return oauthProblems(recorded);
    const operation = operations.find((op) => op.method === recorded.method && op.pattern.test(recorded.path));
    if (!operation) return [`${recorded.method} ${recorded.path}: no such operation in the spec`];
    // A 204 carries no body, whatever the spec's content entry says.
    if (recorded.status === 204) return recorded.body === "" ? [] : [`${operation.template} 204: has a body`];
    // Atlas answers some errors the trimmed spec does not declare for an operation (e.g. 400
    // PATH_PARAM_PARSE_ERROR on GETs): their bodies must still be an ApiError.
    const declared =
      operation.responses[String(recorded.status)] ?? (recorded.status >= 400 ? errorResponse : undefined);
    if (!declared) return [`${recorded.method} ${operation.template}: status ${recorded.status} is not declared`];
    const content = resolve(operation, declared).content as Record<string, { schema?: object }> | undefined;
    if (!content)
      return recorded.body === "" ? [] : [`${operation.template} ${recorded.status}: body where none is declared`];
    const mediaType = recorded.contentType.split(";")[0].trim();
    const entry = content[mediaType];
    if (!entry)
      return [
        `${operation.template} ${recorded.status}: content type ${mediaType} not declared (${Object.keys(content)})`,
      ];
    const cacheKey = `${operation.method} ${operation.template} ${recorded.status} ${mediaType}`;
    const validate = compiled.get(cacheKey) ?? ajv.compile(schemaRef(entry.schema, operation.specId));
    compiled.set(cacheKey, validate);
    let body: unknown;
    try {
      body = JSON.parse(recorded.body);
    } catch {
      return [`${operation.template} ${recorded.status}: body is not JSON`];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${recorded.method} ${operation.template} ${recorded.status}: ${e.instancePath} ${e.message}`,
    );
  };
}

/** The OAuth token endpoint is outside the Admin API spec: check the documented shape. */
function oauthProblems(recorded: RecordedResponse): string[] {
  if (recorded.status !== 200) return [];
  const body = JSON.parse(recorded.body) as Record<string, unknown>;
  const ok =
    typeof body.access_token === "string" && body.token_type === "Bearer" && typeof body.expires_in === "number";
  return ok ? [] : [`POST ${recorded.path} 200: not {access_token, token_type: "Bearer", expires_in}`];
}

/** Points a schema's `$ref`s into the registered spec. */
function schemaRef(schema: object | undefined, specId: string): object {
  const text = JSON.stringify(schema ?? {}).replace(/"#\/components\//g, `"${specId}#/components/`);
  return JSON.parse(text);
}
