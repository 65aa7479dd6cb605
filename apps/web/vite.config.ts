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
    rolldownOptions: {
      // @bgm/domain is pure data and Zod schemas; the web app only needs its registries, so let the
      // bundler drop unused schemas (and with them most of Zod).
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]/.test(id) },
      // Libraries change less often than our code: separate chunks stay cached across releases.
      output: {
        codeSplitting: {
          groups: [
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/]/ },
            // The check-in page's QR scanner (~400 kB), fetched only when its camera starts.
            { name: "qr-scanner", test: /node_modules[\\/]@zxing[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
