// ESLint flat config: the recommended rules of ESLint and typescript-eslint, nothing stylistic.
// Formatting is Prettier's job (`prettier --check .`), so no rule here may disagree with it:
// neither config enables layout rules, and none is added.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

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
    },
  },
]);
