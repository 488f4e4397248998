import * as pulumi from "@pulumi/pulumi";
import { lookupClient } from "./lookup-client";
import { serviceAccountQueries, type ServiceAccountQueries } from "./service-account-queries";
import type * as t from "./service-account-lookup-types";

/**
 * Service-account lookups (the data sources of other tools), named as in
 * `@pulumi/mongodbatlas`, each in a Promise form and an `…Output` form. They
 * run in the program with the stack's credentials. No clear secret is ever
 * returned: Atlas shows one only when it is created.
 */

type Query = keyof ServiceAccountQueries;
type ArgsOf<Q extends Query> = Parameters<ServiceAccountQueries[Q]>[0];
type ResultOf<Q extends Query> = Awaited<ReturnType<ServiceAccountQueries[Q]>>;
/** The arguments of a lookup, each of which may be an `Input`. */
export type InputsOf<T> = { [K in keyof T]: pulumi.Input<T[K]> };

async function run<Q extends Query>(query: Q, args: ArgsOf<Q>): Promise<ResultOf<Q>> {
  const queries = serviceAccountQueries(await lookupClient(undefined));
  return (queries[query] as (a: ArgsOf<Q>) => Promise<ResultOf<Q>>)(args);
}

function output<Q extends Query>(query: Q, args: InputsOf<ArgsOf<Q>>): pulumi.Output<ResultOf<Q>> {
  return pulumi.output(args as pulumi.Inputs).apply((resolved) => run(query, resolved as ArgsOf<Q>)) as pulumi.Output<
    ResultOf<Q>
  >;
}

/** One account with its secrets (masked). Fails when it does not exist. */
export function getServiceAccount(args: t.GetServiceAccountArgs): Promise<ResultOf<"getServiceAccount">> {
  return run("getServiceAccount", args);
}
/** {@link getServiceAccount} with inputs and an `Output` result. */
export function getServiceAccountOutput(args: InputsOf<t.GetServiceAccountArgs>) {
  return output("getServiceAccount", args);
}

/** Every account of an organization (all pages), in `results`. */
export function getServiceAccounts(args: t.GetServiceAccountsArgs): Promise<ResultOf<"getServiceAccounts">> {
  return run("getServiceAccounts", args);
}
/** {@link getServiceAccounts} with inputs and an `Output` result. */
export function getServiceAccountsOutput(args: InputsOf<t.GetServiceAccountsArgs>) {
  return output("getServiceAccounts", args);
}

/** One secret's id, dates and masked value (never the clear secret). */
export function getServiceAccountSecret(
  args: t.GetServiceAccountSecretArgs,
): Promise<ResultOf<"getServiceAccountSecret">> {
  return run("getServiceAccountSecret", args);
}
/** {@link getServiceAccountSecret} with inputs and an `Output` result. */
export function getServiceAccountSecretOutput(args: InputsOf<t.GetServiceAccountSecretArgs>) {
  return output("getServiceAccountSecret", args);
}

/** An account's roles in a project. Fails when it is not assigned there. */
export function getServiceAccountProjectAssignment(
  args: t.GetServiceAccountProjectAssignmentArgs,
): Promise<ResultOf<"getServiceAccountProjectAssignment">> {
  return run("getServiceAccountProjectAssignment", args);
}
/** {@link getServiceAccountProjectAssignment} with inputs and an `Output` result. */
export function getServiceAccountProjectAssignmentOutput(args: InputsOf<t.GetServiceAccountProjectAssignmentArgs>) {
  return output("getServiceAccountProjectAssignment", args);
}

/** Every project of an account with its roles there (all pages), in `results`. */
export function getServiceAccountProjectAssignments(
  args: t.GetServiceAccountChildrenArgs,
): Promise<ResultOf<"getServiceAccountProjectAssignments">> {
  return run("getServiceAccountProjectAssignments", args);
}
/** {@link getServiceAccountProjectAssignments} with inputs and an `Output` result. */
export function getServiceAccountProjectAssignmentsOutput(args: InputsOf<t.GetServiceAccountChildrenArgs>) {
  return output("getServiceAccountProjectAssignments", args);
}

/** One access-list entry, found in canonical form, with its usage. Fails when absent. */
export function getServiceAccountAccessListEntry(
  args: t.GetServiceAccountAccessListEntryArgs,
): Promise<ResultOf<"getServiceAccountAccessListEntry">> {
  return run("getServiceAccountAccessListEntry", args);
}
/** {@link getServiceAccountAccessListEntry} with inputs and an `Output` result. */
export function getServiceAccountAccessListEntryOutput(args: InputsOf<t.GetServiceAccountAccessListEntryArgs>) {
  return output("getServiceAccountAccessListEntry", args);
}

/** An account's whole access list (all pages), in `results`. */
export function getServiceAccountAccessListEntries(
  args: t.GetServiceAccountChildrenArgs,
): Promise<ResultOf<"getServiceAccountAccessListEntries">> {
  return run("getServiceAccountAccessListEntries", args);
}
/** {@link getServiceAccountAccessListEntries} with inputs and an `Output` result. */
export function getServiceAccountAccessListEntriesOutput(args: InputsOf<t.GetServiceAccountChildrenArgs>) {
  return output("getServiceAccountAccessListEntries", args);
}
