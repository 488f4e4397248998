/**
 * Misconfiguration matrix: every resource kind (the four key kinds and the four service-account
 * kinds) × a wrong base URL {the API root as Atlas's docs print it, a path Atlas answers 404
 * `RESOURCE_NOT_FOUND`, a server answering a 404 that is not an Atlas error, one answering an
 * HTML 404 page} × {read (refresh), delete (destroy)}. Invariants: the operation fails (a read
 * never reports the resource gone, a delete never reports success), the error names the base
 * URL problem (and the request, for a 404) and shows no secret, the API root is refused before
 * any request, and with the right base URL every resource is still live and readable.
 */
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { configureRuntime, handlers } from "../support/provider-harness";
import {
  notAtlas,
  oneOfEachKind,
  secretsToHide,
  wrongBaseUrls,
  type Held,
  type WrongBaseUrl,
} from "../support/misconfigured-base-urls";
import { printTable, saveFigures } from "../support/reliability-table";

const OPERATIONS = ["read", "delete"] as const;

describe("reliability: misconfiguration matrix", function () {
  this.timeout(120_000);
  let emulator: EmulatorHandle;
  let other: Awaited<ReturnType<typeof notAtlas>>;
  let held: Held[] = [];
  const rows: Array<Array<string | number>> = [];

  before(async () => {
    emulator = await start({ seed: "reliability-misconfiguration", rateLimit: false });
    other = await notAtlas();
    configureRuntime(emulator);
    held = await oneOfEachKind(emulator);
  });
  after(async () => {
    if (rows.length) {
      printTable(
        "Misconfiguration matrix",
        ["resource", "base URL", "operation", "outcome", "requests", "live and in state afterwards"],
        rows,
      );
      saveFigures("misconfiguration-matrix", rows);
    }
    await other?.close();
    await emulator?.close();
  });

  it("has one resource of each of the eight kinds", () => {
    expect(held.map((h) => h.kind)).to.have.members(Object.keys(handlers));
    expect(held).to.have.length(8);
  });

  const columns = (): WrongBaseUrl[] => wrongBaseUrls(emulator, other);
  for (const column of [0, 1, 2, 3]) {
    for (const kind of Object.keys(handlers) as Array<keyof typeof handlers>) {
      for (const operation of OPERATIONS) {
        it(`${kind} × base URL ${["path /api/atlas/v2", "404 RESOURCE_NOT_FOUND", "404 not Atlas", "404 HTML"][column]} × ${operation}`, async () => {
          const wrong = columns()[column];
          const { id, outs } = held.find((h) => h.kind === kind)!;
          configureRuntime(emulator, { "mongodbatlas:baseUrl": wrong.url });
          emulator.clearRequests();
          const sentBefore = other.requests();
          const outcome = await (
            operation === "read" ? handlers[kind].read(id, outs) : handlers[kind].delete(id, outs)
          ).then(
            (result: unknown) => ({ result }),
            (error: Error) => ({ error }),
          );
          const requests = emulator.requests().length + other.requests() - sentBefore;
          expect(outcome, `${operation} must fail, not report the resource gone or deleted`).to.have.property("error");
          const message = (outcome as { error: Error }).error.message;
          expect(message).to.match(wrong.message);
          for (const secret of secretsToHide(emulator, held))
            expect(message.includes(secret), "a secret in the error").to.equal(false);
          if (wrong.refusedBeforeAnyRequest) expect(requests, "requests sent").to.equal(0);
          else expect(requests, "requests sent").to.be.greaterThan(0);
          // Nothing dropped, nothing deleted: with the right base URL the resource reads back as it was.
          configureRuntime(emulator);
          const read = await handlers[kind].read(id, outs);
          expect(read.id, `${kind} is still live and readable`).to.equal(id);
          rows.push([
            kind,
            wrong.name,
            operation,
            wrong.refusedBeforeAnyRequest
              ? "refused before any request"
              : "failed, naming the request and the base URL",
            requests,
            "yes",
          ]);
        });
      }
    }
  }

  it("check and diff still work with a wrong base URL, sending nothing (preview of unrelated changes)", async () => {
    configureRuntime(emulator, { "mongodbatlas:baseUrl": `${emulator.url}/api/atlas/v2` });
    emulator.clearRequests();
    const program = {
      orgId: emulator.orgId,
      description: "live",
      roleNames: ["ORG_MEMBER"],
      accessList: ["10.0.0.0/8"],
    };
    const checked = await handlers.apiKey.check({}, program);
    expect(checked.failures).to.deep.equal([]);
    const { id, outs } = held.find((h) => h.kind === "apiKey")!;
    expect((await handlers.apiKey.diff(id, outs, checked.inputs)).changes).to.equal(false);
    expect((await handlers.apiKey.diff(id, outs, { ...checked.inputs, description: "other" })).changes).to.equal(true);
    expect(emulator.requests()).to.have.length(0);
  });
});
