// ESLint flat config: the recommended rules of ESLint and typescript-eslint, nothing stylistic.
// Formatting is Prettier's job (`prettier --check .`), so no rule here may disagree with it:
// neither config enables layout rules, and none is added.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";
import importPlugin from "eslint-plugin-import";

/**
 * The dependency rule of provider/ (CONTRIBUTING.md, "How the code is laid out"): each part may
 * import only the parts below it, so the graph has no cycle and shared/ stays pure.
 *   program -> runtime/serializable, atlas, config, shared
 *   runtime -> resources, atlas, config, shared
 *   resources/<name> -> resources/common, atlas, config, shared (never another resource)
 *   config -> atlas, shared;  atlas -> shared;  shared -> nothing of provider/
 */
const forbid = (regex, message, allowTypeImports = false) => ({ regex, message, allowTypeImports });
const layer = (files, ...patterns) => ({
  files,
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
});
const NOT_BELOW = "this part of provider/ may import only the parts below it (see CONTRIBUTING.md).";

export default defineConfig([
  globalIgnores(["dist/", "node_modules/", ".pulumi-local/", "tmp/", "tools/", "**/*.tgz"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter or binding that is unused on purpose
      // (e.g. `diff(_id, olds, news)`, or `{ secret: _dropped, ...rest }` to leave a field out).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // `interface ApiKeyArgs extends ArgsOf<…> {}` gives a type made from a resource's
      // properties its public name, which the API reference lists property by property.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    files: ["provider/**/*.ts"],
    plugins: { import: importPlugin },
    settings: {
      "import/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import/resolver": { node: { extensions: [".ts", ".js", ".json"] } },
    },
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  layer(
    ["provider/shared/**/*.ts"],
    forbid("^\\.\\./(atlas|config|resources|runtime|program)(/|$)", `shared/ is pure: ${NOT_BELOW}`),
    forbid(
      "^(axios|fs|http|https|child_process|@pulumi/pulumi)$",
      "shared/ is pure: no I/O, no engine (type imports are fine).",
      true,
    ),
  ),
  layer(["provider/atlas/**/*.ts"], forbid("^\\.\\./(config|resources|runtime|program)(/|$)", `atlas/: ${NOT_BELOW}`)),
  layer(["provider/config/**/*.ts"], forbid("^\\.\\./(resources|runtime|program)(/|$)", `config/: ${NOT_BELOW}`)),
  layer(
    ["provider/resources/**/*.ts"],
    forbid("^(\\.\\./)+(runtime|program)(/|$)", `resources/ get their context as an argument: ${NOT_BELOW}`),
    forbid(
      "^\\.\\./(?!common/)[^./][^/]*/",
      "a resource never imports another one: move what both need to resources/common/ or shared/.",
    ),
  ),
  // The emulator's model holds Atlas's rules only: no HTTP, no control plane, no limits (emulator/README.md).
  layer(
    ["emulator/model/**/*.ts"],
    forbid("^\\.\\./(http|control|limits|auth)(/|$)", "emulator/model/ is free of HTTP: the layers above call it."),
    forbid("^(node:)?(http|https|net)$", "emulator/model/ is free of HTTP: the layers above call it.", true),
  ),
  layer(["provider/runtime/**/*.ts"], forbid("^\\.\\./program(/|$)", `runtime/: ${NOT_BELOW}`)),
  layer(
    ["provider/program/**/*.ts"],
    forbid("^\\.\\./resources(/|$)", `program/ runs in the user's program, not the provider process: ${NOT_BELOW}`),
    forbid(
      "^\\.\\./runtime/(?!serializable$)",
      "program/ may load only the stub (runtime/serializable) from runtime/.",
    ),
  ),
  {
    // A test file imported by another registers its suites twice: shared tables and helpers
    // live in support modules instead.
    files: ["**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/*.test"], message: "Move what is shared into a support module." }] },
      ],
    },
  },
  {
    // The demo, the benchmark and the harness they share with the tests stand on their own.
    files: ["bench/**/*.ts", "scripts/**/*.ts", "harness/**/*.ts", "examples/**/*.ts", "index.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/*.test"], message: "Move what is shared into a support module." },
            { group: ["**/test/**"], message: "Only tests import test helpers: shared helpers live in harness/." },
          ],
        },
      ],
    },
  },
]);
