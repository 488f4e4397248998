/**
 * The one error type the model (and the request-parsing layer) raises.
 *
 * It carries only what Atlas puts in its error body besides the HTTP status: the
 * `errorCode`, the human `detail` and the `parameters` array. The HTTP status and reason
 * are looked up from the code in `emulator/http/errors.ts`, so no rule in the model ever
 * speaks HTTP (the moto split: models raise codes, one table maps them to responses).
 */
export class AtlasDomainError extends Error {
  /** Atlas application error code, e.g. `API_KEY_NOT_FOUND`. */
  readonly errorCode: string;
  /** Human-readable explanation, worded like Atlas's own message for this code. */
  readonly detail: string;
  /** Values substituted into the detail, in Atlas's order. */
  readonly parameters: readonly unknown[];

  constructor(errorCode: string, detail: string, parameters: readonly unknown[] = []) {
    super(`${errorCode}: ${detail}`);
    this.name = "AtlasDomainError";
    this.errorCode = errorCode;
    this.detail = detail;
    this.parameters = parameters;
  }
}

/** True when `err` is an {@link AtlasDomainError}, optionally with the given code. */
export function isDomainError(err: unknown, errorCode?: string): err is AtlasDomainError {
  return err instanceof AtlasDomainError && (errorCode === undefined || err.errorCode === errorCode);
}
