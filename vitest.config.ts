import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const resolve = {
  alias: {
    "@/": root,
    // server-only throws outside React Server Components; in tests these modules run on the server anyway.
    "server-only": fileURLToPath(new URL("./tests/support/empty-module.ts", import.meta.url)),
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "lib/**/*.test.ts",
            "scripts/**/*.test.ts",
            "components/**/*.test.ts",
            "lint/**/*.test.ts",
            "packages/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "**/node_modules/**", "packages/*/dist/**"],
        },
      },
      {
        resolve,
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // next-auth imports "next/server" without an extension, which only bundlers resolve: let Vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
