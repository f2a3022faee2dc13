import { fileURLToPath } from 'node:url';
import { defineMfeConfig } from '@caremap/mfe-kit/vite';
import { shellHtmlPlugin } from './scripts/html-plugin';
import { mfeSpecifiers } from './src/apps.config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineMfeConfig({
  name: 'shell',
  specifier: '@caremap/root-config',
  root,
  // The MFEs are loaded at run time through the import map, never bundled into the shell.
  external: [...mfeSpecifiers],
  plugins: [shellHtmlPlugin(root)],
});
