import { hasErrorCode } from "../../atlas/errors";

/**
 * The sentence of a "may or may not have succeeded" message that says nothing was found. A
 * request that timed out may still be carried out by Atlas after the client gave up, so after a
 * timeout "none now" would be wrong: the object can appear a second later (RELIABILITY.md,
 * change 1). `none` says what is missing ("No key with this description exists in organization
 * …"), `listAgain` what to list again ("list the keys").
 */
export function noneFoundSentence(cause: unknown, none: string, listAgain: string): string {
  return hasErrorCode(cause, "TIMEOUT")
    ? ` ${none} yet, but Atlas may still carry out the timed-out request: ${listAgain} again in a few minutes.`
    : ` ${none} now.`;
}
