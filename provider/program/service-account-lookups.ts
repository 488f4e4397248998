import type * as pulumi from "@pulumi/pulumi";
import { lookupClient, outputForm } from "./lookup-client";
export type { InputsOf } from "./lookup-client";
import { serviceAccountQueries, type ServiceAccountQueries } from "./service-account-queries";

/**
 * Service-account lookups (the data sources of other tools), named as in
 * `@pulumi/mongodbatlas`, each in a Promise form and an `…Output` form. They
 * run in the program with the credentials of the `Provider` named in their
 * invoke options, else the stack's. No clear secret is ever returned: Atlas
 * shows one only when it is created.
 */

type Query = keyof ServiceAccountQueries;
type ArgsOf<Q extends Query> = Parameters<ServiceAccountQueries[Q]>[0];
type ResultOf<Q extends Query> = Awaited<ReturnType<ServiceAccountQueries[Q]>>;

/** A lookup in its Promise form: `query` over the client of the invoke options. */
function promiseForm<Q extends Query>(query: Q) {
  return async (args: ArgsOf<Q>, opts?: pulumi.InvokeOptions): Promise<ResultOf<Q>> => {
    const queries = serviceAccountQueries(await lookupClient(opts));
    return (queries[query] as (a: ArgsOf<Q>) => Promise<ResultOf<Q>>)(args);
  };
}

/** One account with its secrets (masked). Fails when it does not exist. */
export const getServiceAccount = promiseForm("getServiceAccount");
/** {@link getServiceAccount} with inputs and an `Output` result. */
export const getServiceAccountOutput = outputForm(getServiceAccount);

/** Every account of an organization (all pages), in `results`. */
export const getServiceAccounts = promiseForm("getServiceAccounts");
/** {@link getServiceAccounts} with inputs and an `Output` result. */
export const getServiceAccountsOutput = outputForm(getServiceAccounts);

/** One secret's id, dates and masked value (never the clear secret). */
export const getServiceAccountSecret = promiseForm("getServiceAccountSecret");
/** {@link getServiceAccountSecret} with inputs and an `Output` result. */
export const getServiceAccountSecretOutput = outputForm(getServiceAccountSecret);

/** An account's roles in a project. Fails when it is not assigned there. */
export const getServiceAccountProjectAssignment = promiseForm("getServiceAccountProjectAssignment");
/** {@link getServiceAccountProjectAssignment} with inputs and an `Output` result. */
export const getServiceAccountProjectAssignmentOutput = outputForm(getServiceAccountProjectAssignment);

/** Every project of an account with its roles there (all pages), in `results`. */
export const getServiceAccountProjectAssignments = promiseForm("getServiceAccountProjectAssignments");
/** {@link getServiceAccountProjectAssignments} with inputs and an `Output` result. */
export const getServiceAccountProjectAssignmentsOutput = outputForm(getServiceAccountProjectAssignments);

/** One access-list entry, found in canonical form, with its usage. Fails when absent. */
export const getServiceAccountAccessListEntry = promiseForm("getServiceAccountAccessListEntry");
/** {@link getServiceAccountAccessListEntry} with inputs and an `Output` result. */
export const getServiceAccountAccessListEntryOutput = outputForm(getServiceAccountAccessListEntry);

/** An account's whole access list (all pages), in `results`. */
export const getServiceAccountAccessListEntries = promiseForm("getServiceAccountAccessListEntries");
/** {@link getServiceAccountAccessListEntries} with inputs and an `Output` result. */
export const getServiceAccountAccessListEntriesOutput = outputForm(getServiceAccountAccessListEntries);
