/**
 * The documentation says what the code does: the README's examples are the files the tests
 * deploy, its other snippets compile against the package, every setting the provider reads is
 * documented, the commands it gives are the ones CI and the migration test run, and its links
 * resolve.
 */
import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import { typeErrors } from "./type-check";
import { repoRoot } from "../../harness/pulumi";
import { readmeWithCurrentExamples } from "./readme-examples";

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), "utf8");

/** A fenced code block with its language and the marker comment on the line before it, if any. */
interface CodeBlock {
  lang: string;
  code: string;
  marker?: string;
  /** The `## ` section the block is in. */
  section: string;
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let section = "";
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("## ")) section = lines[i].slice(3).trim();
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf("```", i + 1);
    if (end < 0) throw new Error(`unclosed code block at line ${i + 1}`);
    const marker = /^<!-- example: (\S+) -->$/.exec(lines[i - 1] ?? "")?.[1];
    blocks.push({ lang: open[1], code: lines.slice(i + 1, end).join("\n") + "\n", marker, section });
    i = end;
  }
  return blocks;
}

/** Relative link targets of a markdown file (no URLs, no in-page anchors). */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split("#")[0])
    .filter((target) => target !== "" && !/^[a-z]+:/i.test(target));
}

describe("documentation", () => {
  const readme = read("README.md");
  const blocks = codeBlocks(readme);

  it("README: every example is byte-identical to its file under examples/, and every example is shown", () => {
    const shown = blocks.filter((b) => b.marker);
    for (const block of shown) {
      expect(
        block.code,
        `README copy of ${block.marker} (refresh: node dist/test/package/readme-examples.js)`,
      ).to.equal(read(block.marker!));
    }
    expect(readmeWithCurrentExamples(readme)).to.equal(readme);
    // Every program: examples/<name>/index.ts, and a second stack of an example in a folder of its own.
    const examples = fs
      .readdirSync(path.join(repoRoot, "examples"), { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "index.ts")
      .map((file) => `examples/${file.split(path.sep).join("/")}`);
    expect(shown.map((b) => b.marker).sort()).to.deep.equal(examples.sort());
  });

  it("README: one example for each resource class", () => {
    for (const resource of [
      "ApiKey",
      "ProjectApiKey",
      "ApiKeyProjectAssignment",
      "AccessListApiKey",
      "ServiceAccount",
      "ServiceAccountSecret",
      "ServiceAccountProjectAssignment",
      "ServiceAccountAccessListEntry",
    ]) {
      const example = blocks.find((b) => b.marker && new RegExp(`new ${resource}\\(`).test(b.code));
      expect(example, `an example that creates a ${resource}`).to.not.equal(undefined);
    }
  });

  it("README: the quickstart is exactly `npm ci && npm run demo` and `npm test`", () => {
    const commands = blocks.filter((b) => b.section === "Quickstart").map((b) => b.code.trim());
    expect(commands).to.deep.equal(["npm ci && npm run demo", "npm test"]);
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts).to.have.property("demo");
    expect(scripts).to.have.property("test");
  });

  it("README's test command is the one CI runs", () => {
    const ci = read(".ci/run")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
    expect(ci).to.include("npm test");
    expect(readme).to.include("```sh\nnpm test\n```");
  });

  it("README: every setting the provider reads is documented", () => {
    const settings = read("provider/config/settings.ts") + read("provider/config/pacing-settings.ts");
    const reads = [...settings.matchAll(/read\("(\w+)"((?:, "\w+")*)\)/g)];
    expect(reads.length).to.be.greaterThan(4);
    for (const [, key, envs] of reads) {
      expect(readme, `mongodbatlas:${key}`).to.include(`\`mongodbatlas:${key}\``);
      for (const [, env] of envs.matchAll(/"(\w+)"/g)) expect(readme, env).to.include(`\`${env}\``);
    }
  });

  it("README: the snippets that are not examples compile against the package", function () {
    this.timeout(120_000);
    const snippets = blocks.filter((b) => b.lang === "ts" && !b.marker);
    expect(snippets.length).to.be.greaterThan(1);
    fs.mkdirSync(path.join(repoRoot, ".pulumi-local"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(repoRoot, ".pulumi-local", "readme-snippets-"));
    try {
      const files = snippets.map((snippet, i) => {
        const file = path.join(dir, `snippet-${i}.ts`);
        fs.writeFileSync(file, snippet.code);
        return file;
      });
      const problems = typeErrors(files);
      expect(problems).to.deep.equal([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("docs/migration.md: the commands of its steps are the ones test/e2e/migration.test.ts runs", () => {
    const guide = read("docs/migration.md");
    const test = read("test/e2e/migration.test.ts");
    const lines = codeBlocks(guide)
      .filter((b) => b.lang === "sh")
      .flatMap((b) => b.code.split("\n"))
      .map((line) => line.replace(/\s+#.*$/, "").trim())
      .filter((line) => line.startsWith("pulumi "));
    expect(lines.length).to.be.greaterThan(6);
    // Listing URNs, and reading an output the test checks through the Automation API instead.
    const notRun = ["pulumi stack --show-urns", "pulumi stack output ciKeyId"];
    for (const line of lines.filter((l) => !notRun.includes(l))) {
      const command = line.replace(/\s*\\$/, "");
      expect(test, `migration.test.ts runs \`${command}\``).to.include(command);
    }
  });

  it("CHANGELOG.md has an entry for the version in package.json", () => {
    const { version } = JSON.parse(read("package.json")) as { version: string };
    expect(read("CHANGELOG.md")).to.match(new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\]`, "m"));
  });

  for (const file of ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/migration.md"]) {
    it(`${file}: every relative link resolves to a file or directory in the repository`, () => {
      const text = read(file);
      const missing = relativeLinks(text).filter(
        (target) => !fs.existsSync(path.resolve(path.dirname(path.join(repoRoot, file)), target)),
      );
      expect(missing).to.deep.equal([]);
    });
  }
});
