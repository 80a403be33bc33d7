// Build the explorer into the Python package (api/static/explore) so that `pip install`
// users get the page without Node. Relative asset URLs let qkg serve it under any prefix.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: {
    outDir: "../static/explore",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
});
