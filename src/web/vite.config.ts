import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Libraries big enough to deserve their own cacheable chunk; the app code stays small and changes often. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/node_modules\/@ant-design\/pro-[a-z-]+\//.test(id)) return 'pro-components';
  if (/node_modules\/(antd|@ant-design|@rc-component|rc-[a-z-]+|@ctrl|@emotion|stylis|dayjs)\//.test(id)) return 'antd';
  if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler)\//.test(id)) return 'react';
  return undefined;
}

// The web app: `vite build --config src/web/vite.config.ts` writes dist/web, which the server serves with an SPA
// fallback. `vite --config src/web/vite.config.ts` serves it on its own and forwards /api to a running server.
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The offline checkpoint (src/web/pages/checkpoint) is a page of its own, with its own service worker.
      input: { main: path.resolve(here, 'index.html'), checkpoint: path.resolve(here, 'pages/checkpoint/index.html') },
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
