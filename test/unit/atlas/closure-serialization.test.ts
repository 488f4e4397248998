import { expect } from "chai";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { AtlasClient, isNotFound } from "../../../provider/atlas";
import { digestGuard, sendJson, startServer, type LocalServer } from "./support/local-server";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const PUBLIC_KEY = "serialkey";
const PRIVATE_KEY = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

interface ModuleInternals {
  new (id: string): {
    filename: string;
    paths: string[];
    exports: Record<string, unknown>;
    _compile(code: string, filename: string): void;
  };
  _nodeModulePaths(dir: string): string[];
}

/** Loads serialised code as a module placed at the package root, as Pulumi would run it. */
function load(text: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require("module") as ModuleInternals;
  const root = path.resolve(__dirname, "../../../..");
  const filename = path.join(root, "__serialized_closure__.js");
  const m = new Module(filename);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(root);
  m._compile(text, filename);
  return m.exports;
}

// The dynamic provider's code is shipped through Pulumi's closure serialiser, which
// rebuilds classes from their constructors and cannot rebuild Sets, Maps or symbols.
describe("atlas client through Pulumi's closure serialiser", function () {
  this.timeout(60_000);
  let server: LocalServer;

  before(async () => {
    const { handler } = digestGuard(
      { realm: "MMS Public API", username: PUBLIC_KEY, password: PRIVATE_KEY, allowReuse: true },
      (req, res) =>
        req.url.includes("ffffffffffffffffffffffff")
          ? sendJson(res, 404, { error: 404, errorCode: "ORG_NOT_FOUND", detail: "No such org.", reason: "Not Found" })
          : sendJson(res, 200, { id: ORG, name: "org" }),
    );
    server = await startServer(handler);
  });
  after(() => server.close());

  it("still authenticates, counts, and classifies errors after serialisation", async () => {
    const baseUrl = server.baseUrl;
    const credentials = { type: "apiKey" as const, publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY };
    const run = async () => {
      const client = new AtlasClient({ baseUrl, credentials });
      try {
        const org = await client.getOrganization(ORG);
        const error = await client.getOrganization("ffffffffffffffffffffffff").catch((e: unknown) => e);
        return { name: org.name, stats: client.stats, notFound: isNotFound(error), message: (error as Error).message };
      } finally {
        client.close();
      }
    };
    const serialized = await pulumi.runtime.serializeFunction(run);
    const handler = load(serialized.text).handler as typeof run;
    const result = await handler();
    expect(result.name).to.equal("org");
    expect(result.stats).to.include({ apiCalls: 2, httpRequests: 3, challenges: 1 });
    expect(result.notFound).to.equal(true);
    expect(result.message).to.match(/HTTP 404 \(Error code: "ORG_NOT_FOUND"\)/);
  });
});
