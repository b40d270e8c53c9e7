/** The project's own folder (where templates/ and node_modules/ are), whatever the working directory. */
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
