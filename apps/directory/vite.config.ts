import { fileURLToPath } from 'node:url';
import { defineMfeConfig } from '@caremap/mfe-kit/vite';

export default defineMfeConfig({ name: 'directory', root: fileURLToPath(new URL('.', import.meta.url)) });
