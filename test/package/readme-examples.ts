/**
 * The README shows the files under examples/ verbatim, each in a ```ts block right after a
 * `<!-- example: examples/<name>/index.ts -->` marker. The docs test requires the copies to be
 * identical; after an example changes (or is reformatted), refresh the copies with
 *
 *   npx tsc -p tsconfig.json && node dist/test/package/readme-examples.js
 */
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../harness/pulumi";

const BLOCK = /^<!-- example: (\S+) -->\n```ts\n([\s\S]*?)^```$/gm;

/** The README with every example block replaced by the current content of its file. */
export function readmeWithCurrentExamples(readme: string): string {
  return readme.replace(BLOCK, (_all, file: string) => {
    return `<!-- example: ${file} -->\n\`\`\`ts\n${fs.readFileSync(path.join(repoRoot, file), "utf8")}\`\`\``;
  });
}

if (require.main === module) {
  const file = path.join(repoRoot, "README.md");
  const before = fs.readFileSync(file, "utf8");
  const after = readmeWithCurrentExamples(before);
  fs.writeFileSync(file, after);
  console.log(before === after ? "README.md examples already up to date" : "README.md examples refreshed");
}
