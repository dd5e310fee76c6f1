// Lints the UI's TypeScript: `npm run lint` (part of `make lint`), clean with no
// warnings. The generated bindings are left to their generator.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["dist/", "src/bindings.ts"]),
  {
    files: ["**/*.{ts,tsx,js}"],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    linterOptions: { reportUnusedDisableDirectives: "error" },
    settings: {
      // useLoad(load, deps) takes its dependencies as an effect does: checked the same way.
      "react-hooks": { additionalEffectHooks: "^useLoad$" },
    },
  },
]);
