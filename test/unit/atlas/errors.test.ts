import { expect } from "chai";
import { inspect } from "util";
import {
  AtlasApiError,
  AtlasClient,
  hasErrorCode,
  isAtlasApiError,
  GONE_WHEN,
  isGone,
  isRateLimited,
  redact,
  redactText,
} from "../../../provider/atlas";
import { closedAfterEachTest, digestGuard, sendJson } from "./support/local-server";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const PUBLIC_KEY = "errorkey";
const PRIVATE_KEY = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918";
const CLIENT_SECRET = "mdb_sa_sk_ERRtestSecret0123456789";

describe("atlas errors: AtlasApiError", () => {
  it("formats the message like Atlas's tools", () => {
    const e = new AtlasApiError({
      status: 404,
      errorCode: "ORG_NOT_FOUND",
      detail: `No organization with ID ${ORG} exists.`,
      reason: "Not Found",
      method: "POST",
      path: `/api/atlas/v2/orgs/${ORG}/apiKeys`,
    });
    expect(e.message).to.equal(
      `POST /api/atlas/v2/orgs/${ORG}/apiKeys: HTTP 404 (Error code: "ORG_NOT_FOUND") Detail: No organization with ID ${ORG} exists. Reason: Not Found.`,
    );
    expect(e).to.be.instanceOf(Error);
    expect(e.name).to.equal("AtlasApiError");
    expect(String(e)).to.match(/^AtlasApiError: POST/);
  });

  it("says 'no response' for network errors and explains ambiguity", () => {
    const e = new AtlasApiError({
      status: 0,
      errorCode: "TIMEOUT",
      method: "POST",
      path: "/x",
      ambiguous: true,
      attempts: 1,
    });
    expect(e.message).to.match(/^POST \/x: no response \(Error code: "TIMEOUT"\)/);
    expect(e.message).to.match(/the API key may have been created/);
  });

  it("names what an ambiguous create may have made, from the request path", () => {
    const message = (path: string) =>
      new AtlasApiError({ status: 0, errorCode: "TIMEOUT", method: "POST", path, ambiguous: true }).message;
    const org = "/api/atlas/v2/orgs/5f0000000000000000000001";
    expect(message(`${org}/apiKeys`)).to.match(/the API key may have been created\. Check for it \(list the keys\)/);
    expect(message(`/api/atlas/v2/groups/5f0000000000000000000002/apiKeys`)).to.match(/the API key may have been/);
    const account = message(`${org}/serviceAccounts`);
    expect(account).to.match(/the service account may have been created\. Check for it \(list the service accounts\)/);
    expect(account).to.not.match(/API key/);
    const secret = message(`${org}/serviceAccounts/mdb_sa_id_abc/secrets`);
    expect(secret).to.match(
      /a service account secret may have been created\. Check for it \(list the account's secrets\)/,
    );
    expect(secret).to.not.match(/API key/);
  });

  it("has code and rate-limit helpers", () => {
    const e = new AtlasApiError({ status: 409, errorCode: "API_KEY_ALREADY_IN_GROUP" });
    expect(hasErrorCode(e, "API_KEY_ALREADY_IN_GROUP")).to.equal(true);
    expect(hasErrorCode(e, "OTHER")).to.equal(false);
    expect(isRateLimited(new AtlasApiError({ status: 429, errorCode: "RATE_LIMITED_TOKEN_BUCKET" }))).to.equal(true);
    expect(isRateLimited(e)).to.equal(false);
    expect(isAtlasApiError(e)).to.equal(true);
    expect(isAtlasApiError({ status: 404 })).to.equal(false);
  });

  it("redacts secret-looking text passed into it", () => {
    const e = new AtlasApiError({
      status: 500,
      detail: `key ${PRIVATE_KEY} and Authorization: Digest username="x"`,
      parameters: [PRIVATE_KEY],
    });
    const dump = JSON.stringify(e) + inspect(e) + e.message;
    expect(dump.includes(PRIVATE_KEY) || dump.includes('username="x"'), "a secret leaked").to.equal(false);
  });
});

describe("atlas errors: redaction helpers", () => {
  it("removes credentials from text", () => {
    const text = [
      'Authorization: Digest username="abc", response="0123456789abcdef"',
      "authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
      `{"privateKey":"${PRIVATE_KEY}","client_secret":"${CLIENT_SECRET}"}`,
      "https://user:hunter2@example.com/x",
    ].join("\n");
    const out = redactText(text);
    for (const secret of ["0123456789abcdef", "eyJhbGciOiJIUzI1NiJ9", PRIVATE_KEY, CLIENT_SECRET, "hunter2"]) {
      expect(out.includes(secret), "a secret survived redaction").to.equal(false);
    }
    expect(redactText("********-****-****-01bdd56c8977")).to.equal("********-****-****-01bdd56c8977");
  });

  it("removes credential fields from objects, including nested and cyclic ones", () => {
    const value: Record<string, unknown> = {
      headers: { Authorization: "Basic abc" },
      privateKey: "x",
      clientSecret: "y",
      ok: 1,
    };
    value.self = value;
    const out = redact(value) as Record<string, unknown>;
    expect(out).to.deep.include({ privateKey: "[REDACTED]", clientSecret: "[REDACTED]", ok: 1 });
    expect(out.headers).to.deep.equal({ Authorization: "[REDACTED]" });
    expect(out.self).to.equal("[Circular]");
  });
});

describe("atlas errors from failing calls carry no secrets", () => {
  const local = closedAfterEachTest();

  function dumps(e: unknown): string {
    return [JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), String(e), (e as Error).stack].join("\n");
  }

  function expectClean(text: string, secrets: string[]) {
    for (const secret of secrets) expect(text.includes(secret), "a secret leaked").to.equal(false);
    // Boolean checks only: a failing assertion must not print the text it inspected.
    expect(/Authorization|Digest username|Bearer |Basic /i.test(text), "credential material leaked").to.equal(false);
  }

  it("digest: Atlas 404 with X-Error-Code gives a clean, not-found error", async () => {
    const { handler } = digestGuard(
      { realm: "MMS Public API", username: PUBLIC_KEY, password: PRIVATE_KEY, allowReuse: true },
      (req, res) =>
        sendJson(
          res,
          404,
          {
            detail: `No group with ID ${ORG} exists.`,
            error: 404,
            errorCode: "GROUP_NOT_FOUND",
            parameters: [ORG],
            reason: "Not Found",
          },
          { "X-Error-Code": "GROUP_NOT_FOUND" },
        ),
    );
    const server = await local.startServer(handler);
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl: server.baseUrl,
        credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
      }),
    );
    const error = await client.getProject(ORG).catch((e: unknown) => e);
    expect(isGone(error, GONE_WHEN.project)).to.equal(true);
    expect((error as AtlasApiError).message).to.equal(
      `GET /api/atlas/v2/groups/${ORG}: HTTP 404 (Error code: "GROUP_NOT_FOUND") Detail: No group with ID ${ORG} exists. Reason: Not Found.`,
    );
    expectClean(dumps(error), [PRIVATE_KEY]);
    expectClean(inspect(client, { depth: 10, showHidden: true }) + JSON.stringify(client), [PRIVATE_KEY]);
  });

  it("digest: an HTML 502 from a proxy gives a clean error that does not echo the page", async () => {
    const { handler } = digestGuard(
      { realm: "MMS Public API", username: PUBLIC_KEY, password: PRIVATE_KEY, allowReuse: true },
      (req, res) => {
        res.writeHead(502, { "Content-Type": "text/html" });
        res.end(`<html><body>Bad gateway; request had Authorization: ${req.headers.authorization}</body></html>`);
      },
    );
    const server = await local.startServer(handler);
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl: server.baseUrl,
        credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
        retry: { maxAttempts: 2, sleep: async () => undefined },
      }),
    );
    const error = await client.getOrganization(ORG).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(AtlasApiError);
    expect(error).to.include({ status: 502, errorCode: "UNEXPECTED_RESPONSE", attempts: 2 });
    expect((error as AtlasApiError).detail).to.match(/text\/html/);
    expect(isGone(error, GONE_WHEN.project)).to.equal(false);
    expectClean(dumps(error), [PRIVATE_KEY, "<html>"]);
  });

  it("digest: a create that fails keeps the request body (and the server's answer) out of the error", async () => {
    const { handler } = digestGuard(
      { realm: "MMS Public API", username: PUBLIC_KEY, password: PRIVATE_KEY, allowReuse: true },
      (req, res) =>
        sendJson(res, 400, {
          error: 400,
          errorCode: "INVALID_ROLE",
          detail: "Invalid role NOPE.",
          reason: "Bad Request",
        }),
    );
    const server = await local.startServer(handler);
    const lines: string[] = [];
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl: server.baseUrl,
        credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
        log: (l) => lines.push(l),
      }),
    );
    const error = await client.createOrgApiKey(ORG, { desc: "secret-desc", roles: ["NOPE"] }).catch((e: unknown) => e);
    expect(error).to.include({ status: 400, errorCode: "INVALID_ROLE" });
    expectClean(dumps(error), [PRIVATE_KEY, "secret-desc"]);
    expect(lines.length).to.be.greaterThan(0);
    expectClean(lines.join("\n"), [PRIVATE_KEY]);
  });

  it("oauth: failing calls and the client dump show neither the secret nor the token", async () => {
    const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrIn0.TOKENsignature";
    const server = await local.startServer((req, res) => {
      if (req.url === "/api/oauth/token")
        return sendJson(res, 200, { access_token: TOKEN, token_type: "Bearer", expires_in: 3600 });
      return sendJson(res, 403, {
        error: 403,
        errorCode: "USER_UNAUTHORIZED",
        detail: "Forbidden.",
        reason: "Forbidden",
      });
    });
    const lines: string[] = [];
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl: server.baseUrl,
        credentials: { type: "serviceAccount", clientId: "mdb_sa_id_x", clientSecret: CLIENT_SECRET },
        log: (l) => lines.push(l),
      }),
    );
    const error = await client.deleteOrgApiKey(ORG, "6c1a2b3c4d5e6f7a8b9c0d1e").catch((e: unknown) => e);
    expect(error).to.include({ status: 403, errorCode: "USER_UNAUTHORIZED", method: "DELETE" });
    const clientDump = inspect(client, { depth: 10, showHidden: true }) + JSON.stringify(client);
    expectClean(dumps(error) + lines.join("\n") + clientDump, [CLIENT_SECRET, TOKEN, "TOKENsignature"]);
  });
});
