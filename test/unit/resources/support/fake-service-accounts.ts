/**
 * An in-memory fake of the service-account operations, for handler tests at
 * the unit tier: Atlas's rules that the handlers depend on (secret shown once,
 * two secrets per account, a new secret cuts the others to 7 days, 404 with a
 * code naming the object, 409 on a duplicate entry), and a log of every call.
 */
import { randomBytes } from "crypto";
import { AtlasApiError } from "../../../../provider/atlas/errors";
import type {
  ServiceAccountAccessListEntryDetails,
  ServiceAccountApi,
  ServiceAccountDetails,
  ServiceAccountSecretDetails,
} from "../../../../provider/atlas/service-account-types";

interface Account extends ServiceAccountDetails {
  orgId: string;
  secrets: ServiceAccountSecretDetails[];
  projects: Record<string, string[]>;
  accessList: ServiceAccountAccessListEntryDetails[];
}

const hex = (n: number) => randomBytes(n).toString("hex").slice(0, n);
const HOUR = 3_600_000;

export class FakeServiceAccounts implements ServiceAccountApi {
  readonly calls: string[] = [];
  readonly accounts: Record<string, Account> = {};
  now = Date.parse("2026-12-01T00:00:00Z");
  /** Makes the next call of this name fail with this error (once). */
  failNext: Record<string, AtlasApiError> = {};

  private log(name: string): void {
    this.calls.push(name);
    const error = this.failNext[name];
    if (error) {
      delete this.failNext[name];
      throw error;
    }
  }

  private account(orgId: string, clientId: string): Account {
    const account = this.accounts[clientId];
    if (!account || account.orgId !== orgId) throw notFound("SERVICE_ACCOUNT_NOT_FOUND");
    return account;
  }

  private view(account: Account): ServiceAccountDetails {
    const { clientId, createdAt, name, description, roles } = account;
    return {
      clientId,
      createdAt,
      name,
      description,
      roles: [...roles],
      secrets: account.secrets.map(({ secret, ...rest }) => ({
        ...rest,
        maskedSecretValue: `mdb_sa_sk_...${(secret ?? "").slice(-4)}`,
      })),
    };
  }

  private newSecret(account: Account, hours: number): ServiceAccountSecretDetails {
    if (account.secrets.length >= 2) throw new AtlasApiError({ status: 400, errorCode: "TOO_MANY_SECRETS" });
    for (const s of account.secrets) {
      s.expiresAt = new Date(Math.min(Date.parse(s.expiresAt), this.now + 7 * 24 * HOUR)).toISOString();
    }
    const secret = {
      id: hex(24),
      createdAt: new Date(this.now).toISOString(),
      expiresAt: new Date(this.now + hours * HOUR).toISOString(),
      secret: `mdb_sa_sk_${hex(32)}`,
    };
    account.secrets.push(secret);
    return { ...secret };
  }

  async listServiceAccounts(orgId: string) {
    this.log("listServiceAccounts");
    return Object.values(this.accounts)
      .filter((a) => a.orgId === orgId)
      .map((a) => this.view(a));
  }
  async createServiceAccount(orgId: string, body: Parameters<ServiceAccountApi["createServiceAccount"]>[1]) {
    this.log("createServiceAccount");
    const account: Account = {
      orgId,
      clientId: `mdb_sa_id_${hex(24)}`,
      createdAt: new Date(this.now).toISOString(),
      name: body.name,
      description: body.description,
      roles: [...body.roles],
      secrets: [],
      projects: {},
      accessList: [],
    };
    this.accounts[account.clientId] = account;
    const secret = body.withoutInitialSecret ? undefined : this.newSecret(account, body.secretExpiresAfterHours ?? 0);
    return { ...this.view(account), secrets: secret ? [secret] : [] };
  }
  async getServiceAccount(orgId: string, clientId: string) {
    this.log("getServiceAccount");
    return this.view(this.account(orgId, clientId));
  }
  async updateServiceAccount(orgId: string, clientId: string, body: Partial<ServiceAccountDetails>) {
    this.log("updateServiceAccount");
    const account = this.account(orgId, clientId);
    Object.assign(account, body);
    return this.view(account);
  }
  async deleteServiceAccount(orgId: string, clientId: string) {
    this.log("deleteServiceAccount");
    this.account(orgId, clientId);
    delete this.accounts[clientId];
  }
  async createServiceAccountSecret(orgId: string, clientId: string, body: { secretExpiresAfterHours: number }) {
    this.log("createServiceAccountSecret");
    return this.newSecret(this.account(orgId, clientId), body.secretExpiresAfterHours);
  }
  async deleteServiceAccountSecret(orgId: string, clientId: string, secretId: string) {
    this.log("deleteServiceAccountSecret");
    const account = this.account(orgId, clientId);
    if (!account.secrets.some((s) => s.id === secretId)) throw notFound("SERVICE_ACCOUNT_SECRET_NOT_FOUND");
    account.secrets = account.secrets.filter((s) => s.id !== secretId);
  }
  async listServiceAccountProjects(orgId: string, clientId: string) {
    this.log("listServiceAccountProjects");
    return Object.entries(this.account(orgId, clientId).projects).map(([groupId, roles]) => ({ groupId, roles }));
  }
  private inProject(projectId: string, clientId: string): Account {
    const account = this.accounts[clientId];
    if (!account || !account.projects[projectId]) throw notFound("SERVICE_ACCOUNT_NOT_FOUND");
    return account;
  }
  async assignServiceAccountToProject(projectId: string, clientId: string, roles: string[]) {
    this.log("assignServiceAccountToProject");
    const account = this.accounts[clientId];
    if (!account) throw notFound("SERVICE_ACCOUNT_NOT_FOUND");
    if (account.projects[projectId])
      throw new AtlasApiError({ status: 400, errorCode: "SERVICE_ACCOUNT_ALREADY_IN_GROUP" });
    account.projects[projectId] = [...roles];
    return { clientId, roles: [...roles] };
  }
  async getProjectServiceAccount(projectId: string, clientId: string) {
    this.log("getProjectServiceAccount");
    return { clientId, roles: [...this.inProject(projectId, clientId).projects[projectId]] };
  }
  async updateProjectServiceAccountRoles(projectId: string, clientId: string, roles: string[]) {
    this.log("updateProjectServiceAccountRoles");
    this.inProject(projectId, clientId).projects[projectId] = [...roles];
    return { clientId, roles: [...roles] };
  }
  async unassignServiceAccountFromProject(projectId: string, clientId: string) {
    this.log("unassignServiceAccountFromProject");
    delete this.inProject(projectId, clientId).projects[projectId];
  }
  async listProjectServiceAccounts(projectId: string) {
    this.log("listProjectServiceAccounts");
    return Object.values(this.accounts)
      .filter((a) => a.projects[projectId])
      .map((a) => ({ clientId: a.clientId, roles: a.projects[projectId] }));
  }
  async listServiceAccountAccessList(orgId: string, clientId: string) {
    this.log("listServiceAccountAccessList");
    return this.account(orgId, clientId).accessList.map((e) => ({ ...e }));
  }
  async createServiceAccountAccessListEntries(
    orgId: string,
    clientId: string,
    entries: Array<{ ipAddress: string } | { cidrBlock: string }>,
  ) {
    this.log("createServiceAccountAccessListEntries");
    const account = this.account(orgId, clientId);
    for (const entry of entries) {
      const value = "ipAddress" in entry ? entry.ipAddress : entry.cidrBlock;
      if (account.accessList.some((e) => (e.ipAddress ?? e.cidrBlock) === value))
        throw new AtlasApiError({ status: 409, errorCode: "DUPLICATE_SERVICE_ACCOUNT_ACCESS_LIST_ENTRY" });
      account.accessList.push({ ...entry, createdAt: new Date(this.now).toISOString(), requestCount: 0 });
    }
    return account.accessList.map((e) => ({ ...e }));
  }
  async deleteServiceAccountAccessListEntry(orgId: string, clientId: string, entry: string) {
    this.log("deleteServiceAccountAccessListEntry");
    const account = this.account(orgId, clientId);
    const before = account.accessList.length;
    account.accessList = account.accessList.filter((e) => (e.ipAddress ?? e.cidrBlock) !== entry);
    if (account.accessList.length === before) throw notFound("SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_NOT_FOUND");
  }
}

export function notFound(errorCode: string): AtlasApiError {
  return new AtlasApiError({ status: 404, errorCode, reason: "Not Found" });
}
