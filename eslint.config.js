// Flat config: TypeScript rules everywhere (type-aware where types matter), Office add-in rules (sync/load discipline) on all sources.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");
const reactHooks = require("eslint-plugin-react-hooks");

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "dist-tsc/**", "node_modules/**", "test-output/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // The rules' home in this repository is docs/rules.md; a comment citing DOMAIN.md points nowhere.
      "no-warning-comments": ["error", { terms: ["DOMAIN.md"], location: "anywhere" }],
    },
  },
  {
    // Type-aware: a promise nobody awaits (a context.sync() above all) loses its error and its order.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },
  {
    // One folder for the catalogue: every sentence a person reads is defined in src/domain/messages/,
    // one file per section, so a newcomer finds it there and the domain can throw it.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/domain/messages/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='defineMessages']",
          message: "A section of the message catalogue lives in src/domain/messages/<section>.ts, not beside the code that uses it.",
        },
      ],
    },
  },
  {
    // Hooks called conditionally or with stale dependencies are the pane's likeliest silent bugs.
    files: ["**/*.tsx", "src/taskpane/**/*.ts", "src/preview/workbench/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
    languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
  },
);
