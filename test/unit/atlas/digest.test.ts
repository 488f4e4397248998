import { expect } from "chai";
import {
  buildDigestAuthorization,
  computeDigestResponse,
  formatNonceCount,
  parseAuthenticateHeader,
  selectDigestChallenge,
  type DigestChallenge,
} from "../../../provider/atlas/digest";
import { parseDigestAuthorization } from "./support/local-server";

// RFC 7616 section 3.9.1.
const RFC = {
  username: "Mufasa",
  password: "Circle of Life",
  realm: "http-auth@example.org",
  method: "GET",
  uri: "/dir/index.html",
  nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
  cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
  nc: 1,
  qop: "auth" as const,
};

const ATLAS_CHALLENGE =
  'Digest realm="MMS Public API", domain="", nonce="669gyxpgL6MGDuSZvQ80Spv3k+Jc99ed", algorithm=MD5, qop="auth", stale=false';

describe("atlas digest: computation", () => {
  it("matches the RFC 7616 MD5 test vector", () => {
    expect(computeDigestResponse({ ...RFC, algorithm: "MD5" })).to.equal("8ca523f5e9506fed4657c9700eebdbec");
  });

  it("matches the RFC 7616 SHA-256 test vector", () => {
    expect(computeDigestResponse({ ...RFC, algorithm: "SHA-256" })).to.equal(
      "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    );
  });

  it("-sess variants fold the nonce and cnonce into HA1 (so they differ from the plain form)", () => {
    const plain = computeDigestResponse({ ...RFC, algorithm: "MD5" });
    expect(computeDigestResponse({ ...RFC, algorithm: "MD5-sess" }))
      .to.match(/^[0-9a-f]{32}$/)
      .and.not.equal(plain);
  });

  it("formats the nonce count as 8 hex digits", () => {
    expect(formatNonceCount(1)).to.equal("00000001");
    expect(formatNonceCount(255)).to.equal("000000ff");
    expect(formatNonceCount(0x1234abcd)).to.equal("1234abcd");
  });

  it("signs the uri with its query string, so the query changes the response", () => {
    const base = { ...RFC, algorithm: "MD5" as const };
    const withQuery = computeDigestResponse({
      ...base,
      uri: "/api/atlas/v2/orgs/x/apiKeys?itemsPerPage=500&pageNum=1",
    });
    const withoutQuery = computeDigestResponse({ ...base, uri: "/api/atlas/v2/orgs/x/apiKeys" });
    expect(withQuery).to.not.equal(withoutQuery);
  });

  it("builds an Authorization header carrying uri, nc, cnonce and an RFC-valid response", () => {
    const challenge: DigestChallenge = {
      realm: RFC.realm,
      nonce: RFC.nonce,
      algorithm: "SHA-256",
      qop: "auth",
      opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
      stale: false,
    };
    const header = buildDigestAuthorization(challenge, { ...RFC });
    const fields = parseDigestAuthorization(header);
    expect(fields).to.include({
      username: "Mufasa",
      realm: RFC.realm,
      uri: "/dir/index.html",
      nonce: RFC.nonce,
      nc: "00000001",
      cnonce: RFC.cnonce,
      qop: "auth",
      algorithm: "SHA-256",
      opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
      response: "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    });
  });

  it("escapes quotes and backslashes in quoted fields", () => {
    const challenge: DigestChallenge = { realm: 'a"b\\c', nonce: "n", algorithm: "MD5", qop: "auth", stale: false };
    const header = buildDigestAuthorization(challenge, { ...RFC, username: 'u"1' });
    expect(header).to.contain('realm="a\\"b\\\\c"').and.contain('username="u\\"1"');
    expect(parseDigestAuthorization(header)).to.include({ realm: 'a"b\\c', username: 'u"1' });
  });

  it("increments nc: the same nonce with nc 1 and 2 gives different responses", () => {
    const one = computeDigestResponse({ ...RFC, algorithm: "MD5", nc: 1 });
    const two = computeDigestResponse({ ...RFC, algorithm: "MD5", nc: 2 });
    expect(one).to.not.equal(two);
  });
});

describe("atlas digest: challenge parsing", () => {
  it("parses the exact Atlas challenge (unquoted algorithm and stale, empty domain)", () => {
    expect(selectDigestChallenge(ATLAS_CHALLENGE)).to.deep.equal({
      realm: "MMS Public API",
      nonce: "669gyxpgL6MGDuSZvQ80Spv3k+Jc99ed",
      algorithm: "MD5",
      qop: "auth",
      opaque: undefined,
      stale: false,
    });
    expect(parseAuthenticateHeader(ATLAS_CHALLENGE)[0].params.domain).to.equal("");
  });

  it("keeps nonces holding =, + and / intact, quoted or not", () => {
    const nonce = "ab+/cd==";
    expect(selectDigestChallenge(`Digest realm="r", nonce="${nonce}", qop="auth"`)?.nonce).to.equal(nonce);
    expect(selectDigestChallenge(`Digest nonce=${nonce}, realm="r", qop=auth`)?.nonce).to.equal(nonce);
  });

  it("accepts any directive order, repeated commas, spaces around = and stale=true", () => {
    const c = selectDigestChallenge('Digest stale=TRUE,, qop = "auth" ,algorithm="SHA-256",nonce="n1=", ,realm="R"');
    expect(c).to.deep.include({ realm: "R", nonce: "n1=", algorithm: "SHA-256", qop: "auth", stale: true });
  });

  it("picks qop=auth out of a list and treats a missing algorithm as MD5", () => {
    expect(selectDigestChallenge('Digest realm="r", nonce="n", qop="auth-int, auth"')).to.deep.include({
      qop: "auth",
      algorithm: "MD5",
    });
  });

  it("prefers SHA-256 when several challenges are offered, and skips other schemes", () => {
    const header =
      'Basic realm="x", Digest realm="r", nonce="m", algorithm=MD5, qop="auth", Digest realm="r", nonce="s", algorithm=SHA-256, qop="auth"';
    expect(parseAuthenticateHeader(header).map((c) => c.scheme)).to.deep.equal(["Basic", "Digest", "Digest"]);
    expect(selectDigestChallenge(header)).to.deep.include({ nonce: "s", algorithm: "SHA-256" });
  });

  it("returns nothing for unsupported challenges (auth-int only, unknown algorithm, no nonce)", () => {
    expect(selectDigestChallenge('Digest realm="r", nonce="n", qop="auth-int"')).to.equal(undefined);
    expect(selectDigestChallenge('Digest realm="r", nonce="n", algorithm=SHA-1')).to.equal(undefined);
    expect(selectDigestChallenge('Digest realm="r"')).to.equal(undefined);
    expect(selectDigestChallenge(undefined)).to.equal(undefined);
  });

  it("unescapes quoted-pairs", () => {
    expect(selectDigestChallenge('Digest realm="a\\"b", nonce="n", qop="auth"')?.realm).to.equal('a"b');
  });
});
