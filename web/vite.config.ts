import { resolve } from 'node:path';

import { defineConfig } from 'vite';

// The console (index.html) and the offline GraphiQL playground (graphiql.html), both from installed packages only.
export default defineConfig({
  root: __dirname,
  base: '/',
  publicDir: resolve(__dirname, 'public'),
  resolve: { alias: { '@': resolve(__dirname, 'src') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { index: resolve(__dirname, 'index.html'), graphiql: resolve(__dirname, 'graphiql.html') },
      // Mantine marks its modules "use client" (for React Server Components); meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
