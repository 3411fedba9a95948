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
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    rolldownOptions: {
      output: {
        // pdf.js's worker imports its JavaScript JPEG 2000 decoder by a fixed file name
        // (see components/PdfViewer.tsx), so that one file keeps its name.
        assetFileNames: (a) => (a.names.includes('openjpeg_nowasm_fallback.js') ? 'assets/pdfjs/[name][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
