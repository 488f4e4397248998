import { expect } from "chai";
import { AtlasClient, DEFAULT_BASE_URL, isLoopbackHost, parseBaseUrl } from "../../../provider/atlas";

describe("atlas base URL rules", () => {
  it("defaults to https://cloud.mongodb.com", () => {
    expect(DEFAULT_BASE_URL).to.equal("https://cloud.mongodb.com");
    expect(parseBaseUrl(undefined)).to.deep.equal({
      origin: "https://cloud.mongodb.com",
      pathPrefix: "",
      loopback: false,
    });
    expect(parseBaseUrl("https://cloud.mongodb.com/")).to.deep.equal({
      origin: "https://cloud.mongodb.com",
      pathPrefix: "",
      loopback: false,
    });
  });

  it("refuses a path that already holds the API root, naming the host root as the fix", () => {
    for (const url of [
      "https://cloud.mongodb.com/api/atlas/v2",
      "https://cloud.mongodb.com/api/atlas/v2/",
      "http://127.0.0.1:8080/api/atlas",
      "https://proxy.example.com/mongo/API/Atlas/v1.0",
    ]) {
      expect(() => parseBaseUrl(url), url)
        .to.throw(/already contains \/api\/atlas/)
        .and.match(/must be the host root, e\.g\. "https:\/\/cloud\.mongodb\.com"/);
    }
    expect(parseBaseUrl("https://proxy.example.com/api/atlassian").pathPrefix).to.equal("/api/atlassian");
  });

  it("keeps a path prefix without its trailing slash", () => {
    expect(parseBaseUrl("https://proxy.example.com/atlas/").pathPrefix).to.equal("/atlas");
  });

  it("allows http:// only for loopback hosts", () => {
    for (const url of ["http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:3000", "http://[::1]:9000"]) {
      expect(parseBaseUrl(url).loopback, url).to.equal(true);
    }
    for (const url of [
      "http://cloud.mongodb.com",
      "http://10.0.0.1",
      "http://128.0.0.1",
      "http://localhost.example.com",
    ]) {
      expect(() => parseBaseUrl(url), url).to.throw(/baseUrl.*only allowed for the local machine.*https:\/\//);
    }
  });

  it("recognises loopback hosts", () => {
    expect(isLoopbackHost("127.0.0.1")).to.equal(true);
    expect(isLoopbackHost("127.255.255.254")).to.equal(true);
    expect(isLoopbackHost("LOCALHOST")).to.equal(true);
    expect(isLoopbackHost("[::1]")).to.equal(true);
    expect(isLoopbackHost("127.0.0.256")).to.equal(false);
    expect(isLoopbackHost("0.0.0.0")).to.equal(false);
  });

  it("rejects a URL without scheme, naming baseUrl and the fix", () => {
    expect(() => parseBaseUrl("cloud.mongodb.com")).to.throw(/baseUrl.*no scheme.*https:\/\/cloud\.mongodb\.com/);
    expect(() => parseBaseUrl("127.0.0.1:8080")).to.throw(/baseUrl.*no scheme/);
  });

  it("rejects other schemes, credentials in the URL (without echoing them), queries and fragments", () => {
    expect(() => parseBaseUrl("ftp://cloud.mongodb.com")).to.throw(/baseUrl.*https:\/\//);
    let message = "";
    try {
      parseBaseUrl("https://user:hunter2@cloud.mongodb.com");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).to.match(/baseUrl.*user name or password/);
    expect(message.includes("hunter2")).to.equal(false);
    expect(() => parseBaseUrl("https://cloud.mongodb.com/?x=1")).to.throw(/baseUrl.*query/);
  });

  it("is enforced by the client constructor", () => {
    const credentials = { type: "apiKey" as const, publicKey: "abcdefgh", privateKey: "p" };
    expect(() => new AtlasClient({ baseUrl: "http://example.com", credentials })).to.throw(/baseUrl/);
    expect(new AtlasClient({ credentials }).baseUrl).to.equal("https://cloud.mongodb.com");
  });
});
