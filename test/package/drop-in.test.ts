/**
 * A program written against `@pulumi/mongodbatlas` compiles against this package with only its
 * import changed: typed arguments, explicit providers, every lookup in both forms, `get` with a
 * state, the `types` namespace and the output types users rely on.
 */
import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import { repoRoot } from "../../harness/pulumi";
import { typeErrors } from "./type-check";

const FIXTURE = path.join(repoRoot, "test", "package", "drop-in", "everyday-program.ts");
const ORIGINAL_IMPORT = 'import * as mongodbatlas from "@pulumi/mongodbatlas";';

describe("drop-in for @pulumi/mongodbatlas", function () {
  this.timeout(120_000);
  const source = fs.readFileSync(FIXTURE, "utf8");

  it("the everyday program is a valid @pulumi/mongodbatlas 4.16 program", () => {
    expect(source).to.include(ORIGINAL_IMPORT);
    expect(typeErrors([FIXTURE])).to.deep.equal([]);
  });

  it("compiles with zero errors when only the import is changed to this package", () => {
    fs.mkdirSync(path.join(repoRoot, ".pulumi-local"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(repoRoot, ".pulumi-local", "drop-in-"));
    try {
      const switched = path.join(dir, "everyday-program.ts");
      const changed = source.replace(ORIGINAL_IMPORT, 'import * as mongodbatlas from "pulumi-mongodbatlas-apikeys";');
      expect(changed).to.not.equal(source);
      fs.writeFileSync(switched, changed);
      expect(typeErrors([switched])).to.deep.equal([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
