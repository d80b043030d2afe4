import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the size check of the public pages (e2e/public-bundle.test.ts) follows its imports.
    manifest: true,
    // antd alone is above the default 500 kB warning; it only loads with the console, never on the public page.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      treeshake: {
        // The contracts package is declarations only (zod schemas, enums). Marking it side-effect
        // free lets the bundler drop the schemas the browser never uses, and with them zod itself.
        moduleSideEffects: [{ test: /packages[\\/]contracts[\\/]src[\\/]/, sideEffects: false }],
      },
      output: {
        // Name the shared antd runtime chunk after what it is, rather than after whichever module came first.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /node_modules[\\/]@ant-design[\\/]cssinjs[\\/]/.test(id))
            ? 'assets/antd-core-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
});
