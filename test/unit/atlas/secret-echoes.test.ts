/**
 * Secrets a server or a user hands back to us in unexpected shapes: the redactor must catch them
 * in error text, and configuration errors must never repeat a configuration value verbatim.
 * Assertions are booleans, so a failure never prints the secret it found.
 */
import { expect } from "chai";
import { AtlasApiError, redactText } from "../../../provider/atlas";
import { ConfigurationError, resolveSettings } from "../../../provider/config/settings";

const PRIVATE_KEY = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";
const DASHLESS_PRIVATE_KEY = PRIVATE_KEY.replace(/-/g, "");
const CLIENT_ID = "mdb_sa_id_6a1b2c3d4e5f6a7b8c9d0e1f";
const CLIENT_SECRET = "mdb_sa_sk_k3Yq9TzB1sPwR7mLx2Vc8NdE5hJ0aGfU";
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
const BASIC_URL_SAFE = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64url");

function leaks(text: string, ...secrets: string[]): boolean {
  return secrets.some((secret) => text.includes(secret));
}

describe("redaction of secrets echoed in other shapes", () => {
  it("removes the base64 of clientId:clientSecret without the word Basic", () => {
    expect(leaks(redactText(`credentials ${BASIC} were refused`), BASIC)).to.equal(false);
    expect(leaks(redactText(`token=${BASIC_URL_SAFE}`), BASIC_URL_SAFE)).to.equal(false);
    const other = Buffer.from("someclient:s3cretValue!").toString("base64");
    expect(leaks(redactText(`echo: ${other}`), other)).to.equal(false);
  });

  it("removes a URL-encoded Authorization header", () => {
    const encoded = `GET /x?h=Authorization%3A%20Basic%20${encodeURIComponent(BASIC)}&y=1`;
    const out = redactText(encoded);
    expect(leaks(out, encodeURIComponent(BASIC), BASIC)).to.equal(false);
    expect(out.includes("&y=1"), "the rest of the query is kept").to.equal(true);
    const bearer = `Authorization%3A+Bearer+eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln`;
    expect(leaks(redactText(bearer), "eyJzdWIiOiIxIn0")).to.equal(false);
  });

  it("removes a private key without its dashes, upper or lower case", () => {
    expect(leaks(redactText(`bad key ${DASHLESS_PRIVATE_KEY}.`), DASHLESS_PRIVATE_KEY)).to.equal(false);
    const upper = DASHLESS_PRIVATE_KEY.toUpperCase();
    expect(leaks(redactText(`bad key ${upper}`), upper)).to.equal(false);
  });

  it("leaves ordinary Atlas error text alone", () => {
    const text =
      'POST /api/atlas/v2/orgs/5f1a2b3c4d5e6f7a8b9c0d1e/apiKeys/6a1b2c3d4e5f6a7b8c9d0e1f/accessList: HTTP 409 (Error code: "ADDRESS_ALREADY_IN_ACCESS_LIST") Detail: IP address 192.0.2.1 already exists. Reason: RATE_LIMITED_TOKEN_BUCKET Conflict. ********-****-****-01bdd56c8977';
    expect(redactText(text)).to.equal(text);
  });

  it("an Atlas error echoing them carries none of them", () => {
    const e = new AtlasApiError({
      status: 400,
      errorCode: "INVALID_ATTRIBUTE",
      detail: `Got ${BASIC} and Authorization%3A%20Basic%20${encodeURIComponent(BASIC)} and ${DASHLESS_PRIVATE_KEY}`,
      parameters: [BASIC, DASHLESS_PRIVATE_KEY],
    });
    const dump = `${e.message}\n${JSON.stringify(e)}`;
    expect(leaks(dump, BASIC, encodeURIComponent(BASIC), DASHLESS_PRIVATE_KEY, CLIENT_SECRET)).to.equal(false);
  });
});

describe("configuration errors never repeat a configuration value", () => {
  const credentials = { "mongodbatlas:publicKey": "abcdefgh", "mongodbatlas:privateKey": PRIVATE_KEY };
  const pasted: Array<[string, string]> = [
    ["a private key", PRIVATE_KEY],
    ["a private key without dashes", DASHLESS_PRIVATE_KEY],
    ["a client secret", CLIENT_SECRET],
    ["a Basic credential", BASIC],
    ["an http URL with a private key in its path", `http://cloud.mongodb.com/${PRIVATE_KEY}`],
    ["an https URL with a token in its query", `https://cloud.mongodb.com/?token=${DASHLESS_PRIVATE_KEY}`],
    ["an ftp URL with a client secret", `ftp://cloud.mongodb.com/${CLIENT_SECRET}`],
  ];
  for (const [what, value] of pasted) {
    it(`baseUrl holding ${what}: the error names the setting, not the value`, () => {
      let error: unknown;
      try {
        resolveSettings({ config: (key) => ({ ...credentials, "mongodbatlas:baseUrl": value })[key], env: {} });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ConfigurationError);
      const message = (error as Error).message;
      expect(message.startsWith("mongodbatlas:baseUrl"), "names the setting").to.equal(true);
      const secret = value.match(/(c8150efd[\w-]*|mdb_sa_sk_\w+|[A-Za-z0-9+/=]{40,})/)![0];
      expect(leaks(message, secret), `${what} leaked`).to.equal(false);
    });
  }
});
