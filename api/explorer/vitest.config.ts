// Unit tests of the pure modules (exports, filters, radial layout), run in Node.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/**/*.test.ts"], environment: "node" },
});
