import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The API serves the build under a strict CSP; keep every asset a file (no data: fonts, no inline scripts).
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
