/**
 * The installed version of a package, read from its own package.json: the caches that must be
 * redone when a library changes (media pictures, posting photos' codes) put it in their keys.
 * Found from the package's entry point upwards, as some packages do not export package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function installedVersion(pkg: string): string {
  let d = dirname(require.resolve(pkg));
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return String((JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { version?: string }).version);
}
