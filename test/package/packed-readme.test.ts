/**
 * The README as npm users get it: packed into the tarball, where the repository's other files are
 * not. Every link in the packed README must resolve: a relative link to a file in the tarball, a
 * link to this repository (the `repository` of package.json) to a file committed at that path,
 * and every anchor to a heading of the file it points into.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import { expect } from "chai";
import { repoRoot } from "../../harness/pulumi";
import { packTarball, readTarballFile, type Tarball } from "./tarball";
import { headingAnchors, markdownLinks } from "./markdown-links";

const execFileAsync = promisify(execFile);

/** The repository the package names; links into it use `/blob/main/<file>` or `/tree/main/<folder>`. */
const REPOSITORY = "https://github.com/pulumi-mongodbatlas-apikeys/pulumi-mongodbatlas-apikeys";

describe("the packed README's links", function () {
  this.timeout(120_000);
  let packDir: string;
  let tarball: Tarball;
  let readme: string;
  let committed: string[];

  before(async () => {
    packDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-apikeys-readme-"));
    // The README does not depend on the build: pack what is there, without running prepack.
    tarball = await packTarball(packDir, { runScripts: false });
    readme = await readTarballFile(tarball.file, "README.md");
    committed = (await execFileAsync("git", ["ls-files"], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 })).stdout
      .split("\n")
      .filter(Boolean);
  });
  after(() => {
    if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
  });

  it("package.json names the repository, its home page and where to report bugs", () => {
    const { repository, homepage, bugs } = tarball.manifest;
    expect(repository).to.deep.equal({ type: "git", url: `git+${REPOSITORY}.git` });
    expect(homepage).to.equal(`${REPOSITORY}#readme`);
    expect(bugs).to.deep.equal({ url: `${REPOSITORY}/issues` });
  });

  it("every relative link names a file in the tarball, every anchor a heading of its file", async () => {
    const problems: string[] = [];
    const relative = markdownLinks(readme).filter((link) => !/^[a-z][a-z+.-]*:/i.test(link.target));
    expect(relative.length, "the README links to LICENSE and CHANGELOG.md at least").to.be.greaterThan(1);
    for (const { target, line } of relative) {
      const [file, anchor] = target.split("#");
      const inside = file === "" ? "README.md" : path.posix.normalize(file);
      if (!tarball.files.includes(inside)) {
        problems.push(`line ${line}: ${target}: ${inside} is not in the tarball`);
        continue;
      }
      if (anchor !== undefined && inside.endsWith(".md")) {
        const anchors = headingAnchors(inside === "README.md" ? readme : await readTarballFile(tarball.file, inside));
        if (!anchors.has(anchor)) problems.push(`line ${line}: ${target}: ${inside} has no heading #${anchor}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it("every link into the repository names a committed file or folder, every anchor a heading of it", () => {
    const problems: string[] = [];
    const intoRepository = markdownLinks(readme).filter((link) => link.target.startsWith(REPOSITORY));
    expect(intoRepository.length, "the guides are linked into the repository").to.be.greaterThan(5);
    for (const { target, line } of intoRepository) {
      const match = /^\/(blob|tree)\/main\/([^#]+)(?:#(.*))?$/.exec(target.slice(REPOSITORY.length));
      if (!match) {
        problems.push(`line ${line}: ${target}: not ${REPOSITORY}/blob/main/<file> or /tree/main/<folder>`);
        continue;
      }
      const [, kind, file, anchor] = match;
      const exists = kind === "blob" ? committed.includes(file) : committed.some((f) => f.startsWith(`${file}/`));
      if (!exists) {
        problems.push(`line ${line}: ${target}: no committed ${kind === "blob" ? "file" : "folder"} ${file}`);
        continue;
      }
      if (anchor !== undefined && file.endsWith(".md")) {
        const anchors = headingAnchors(fs.readFileSync(path.join(repoRoot, file), "utf8"));
        if (!anchors.has(anchor)) problems.push(`line ${line}: ${target}: ${file} has no heading #${anchor}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it("the link checks catch a missing file, a missing heading and a link to an uncommitted path", () => {
    const anchors = headingAnchors(
      "# Title\n\n## 3. When an update fails halfway\n\n## Title\n```\n# not a heading\n```\n",
    );
    expect([...anchors]).to.deep.equal(["title", "3-when-an-update-fails-halfway", "title-1"]);
    const links = markdownLinks("[a](docs/x.md#y) `[b](code)`\n```\n[c](fenced)\n```\n![d](img.png)\n");
    expect(links).to.deep.equal([
      { target: "docs/x.md#y", line: 1 },
      { target: "img.png", line: 5 },
    ]);
    expect(tarball.files).to.not.include("docs/x.md");
    expect(committed).to.not.include("dist/provider/index.js");
  });
});
