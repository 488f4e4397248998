import { expect } from "chai";
import {
  API_PREFIX,
  SERVICE_ACCOUNT_MEDIA_TYPE,
  requestTarget,
  serviceAccountEndpoints as sa,
} from "../../../provider/atlas";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const GROUP = "6a1a2b3c4d5e6f7a8b9c0d1e";
const CLIENT = "mdb_sa_id_1234567890abcdef12345678";
const SECRET = "6c1a2b3c4d5e6f7a8b9c0d1e";
const PAGE = { itemsPerPage: 500, pageNum: 3 };
const ACCOUNT = `/orgs/${ORG}/serviceAccounts/${CLIENT}`;

describe("atlas service-account endpoints", () => {
  it("speak the service accounts' API version, the only one the spec declares", () => {
    expect(SERVICE_ACCOUNT_MEDIA_TYPE).to.equal("application/vnd.atlas.2024-08-05+json");
    for (const endpoint of [sa.getOrgServiceAccount(ORG, CLIENT), sa.inviteGroupServiceAccount(GROUP, CLIENT)]) {
      expect(endpoint.mediaType).to.equal(SERVICE_ACCOUNT_MEDIA_TYPE);
    }
  });

  it("builds every operation's method, path and retry rule; creating an account or a secret is never resent", () => {
    const table: Array<[ReturnType<(typeof sa)[keyof typeof sa]>, string, string, string]> = [
      [sa.listOrgServiceAccounts(ORG, PAGE), "GET", `/orgs/${ORG}/serviceAccounts`, "idempotent"],
      [sa.createOrgServiceAccount(ORG), "POST", `/orgs/${ORG}/serviceAccounts`, "createsKey"],
      [sa.getOrgServiceAccount(ORG, CLIENT), "GET", ACCOUNT, "idempotent"],
      [sa.updateOrgServiceAccount(ORG, CLIENT), "PATCH", ACCOUNT, "idempotent"],
      [sa.deleteOrgServiceAccount(ORG, CLIENT), "DELETE", ACCOUNT, "idempotent"],
      [sa.createOrgServiceAccountSecret(ORG, CLIENT), "POST", `${ACCOUNT}/secrets`, "createsKey"],
      [sa.deleteOrgServiceAccountSecret(ORG, CLIENT, SECRET), "DELETE", `${ACCOUNT}/secrets/${SECRET}`, "idempotent"],
      [sa.getOrgServiceAccountGroups(ORG, CLIENT, PAGE), "GET", `${ACCOUNT}/groups`, "idempotent"],
      [sa.listOrgServiceAccountAccessList(ORG, CLIENT, PAGE), "GET", `${ACCOUNT}/accessList`, "idempotent"],
      [sa.createOrgServiceAccountAccessList(ORG, CLIENT), "POST", `${ACCOUNT}/accessList`, "idempotent"],
      [
        sa.deleteOrgServiceAccountAccessListEntry(ORG, CLIENT, "192.0.2.0/24"),
        "DELETE",
        `${ACCOUNT}/accessList/192.0.2.0%2F24`,
        "idempotent",
      ],
      [
        sa.inviteGroupServiceAccount(GROUP, CLIENT),
        "POST",
        `/groups/${GROUP}/serviceAccounts/${CLIENT}:invite`,
        "idempotent",
      ],
      [sa.getGroupServiceAccount(GROUP, CLIENT), "GET", `/groups/${GROUP}/serviceAccounts/${CLIENT}`, "idempotent"],
      [
        sa.updateGroupServiceAccount(GROUP, CLIENT),
        "PATCH",
        `/groups/${GROUP}/serviceAccounts/${CLIENT}`,
        "idempotent",
      ],
      [
        sa.deleteGroupServiceAccount(GROUP, CLIENT),
        "DELETE",
        `/groups/${GROUP}/serviceAccounts/${CLIENT}`,
        "idempotent",
      ],
      [sa.listGroupServiceAccounts(GROUP, PAGE), "GET", `/groups/${GROUP}/serviceAccounts`, "idempotent"],
    ];
    expect(table.length).to.equal(Object.keys(sa).length);
    for (const [endpoint, method, path, rule] of table) {
      expect({ method: endpoint.method, path: endpoint.path, rule: endpoint.retryRule }).to.deep.equal({
        method,
        path: API_PREFIX + path,
        rule,
      });
    }
  });

  it("pages every list with itemsPerPage and pageNum", () => {
    const lists = [
      sa.listOrgServiceAccounts(ORG, PAGE),
      sa.getOrgServiceAccountGroups(ORG, CLIENT, PAGE),
      sa.listOrgServiceAccountAccessList(ORG, CLIENT, PAGE),
      sa.listGroupServiceAccounts(GROUP, PAGE),
    ];
    for (const endpoint of lists) {
      expect(endpoint.paginated).to.equal(true);
      expect(requestTarget(endpoint)).to.match(/\?itemsPerPage=500&pageNum=3$/);
    }
    expect(sa.getOrgServiceAccount(ORG, CLIENT).paginated).to.equal(false);
  });

  it("encodes ids so that none can change the path", () => {
    expect(sa.getOrgServiceAccount(ORG, "a/b").path).to.equal(`${API_PREFIX}/orgs/${ORG}/serviceAccounts/a%2Fb`);
    expect(sa.inviteGroupServiceAccount(GROUP, "x?y").path).to.equal(
      `${API_PREFIX}/groups/${GROUP}/serviceAccounts/x%3Fy:invite`,
    );
    expect(() => sa.getOrgServiceAccount(ORG, "..")).to.throw(/Path parameter/);
    expect(() => sa.deleteOrgServiceAccountSecret(ORG, CLIENT, "")).to.throw(/Path parameter/);
  });
});
