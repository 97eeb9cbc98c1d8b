import { defineConfig } from "vite";

// The built files in dist/ are what tauri.conf.json serves; relative paths keep them loadable
// from the tauri:// origin.
export default defineConfig({
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari15",
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
});
