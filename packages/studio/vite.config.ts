import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The studio is served by `waybill start` from dist/; in development `vite` proxies the API to a
// running Waybill on port 3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/hooks': 'http://127.0.0.1:3000' },
  },
});
