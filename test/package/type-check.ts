/**
 * Type-checks TypeScript files as a user's project would: strict, CommonJS, with
 * `pulumi-mongodbatlas-apikeys` resolved to this repository's sources.
 */
import * as path from "path";
import * as ts from "typescript";
import { repoRoot } from "../../harness/pulumi";

/** The compiler's complaints about `files` (and only those files), one line each: `file:line: message`. */
export function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    typeRoots: [path.join(repoRoot, "node_modules", "@types")],
    baseUrl: repoRoot,
    paths: {
      "pulumi-mongodbatlas-apikeys": ["provider/index.ts"],
      "pulumi-mongodbatlas-apikeys/emulator": ["emulator/index.ts"],
    },
  });
  const wanted = new Set(files.map((file) => path.resolve(file)));
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && wanted.has(path.resolve(d.file.fileName)))
    .map((d) => {
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${path.basename(d.file!.fileName)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    });
}
