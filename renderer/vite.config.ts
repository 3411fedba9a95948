import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// The renderer is a static bundle: served by app:// in Electron and by a local
// server in the browser tests. No dev server, no remote content.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: { outDir: path.join(here, '..', 'dist', 'renderer'), emptyOutDir: true, sourcemap: true, target: 'chrome120' },
});
