/**
 * Writes the parts of a county's own repository that are not content (see
 * src/domain/county-repo-files.ts): package.json, .gitignore, README, the templates folder for
 * overrides and the CI files for the county's forge. A file that is already there is kept as it
 * is and named, so running init in a folder someone prepared never overwrites their work.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Forge } from '../domain/codeowners.ts';
import { countyPackageName, renderCountyPackageJson, scaffoldFiles } from '../domain/county-repo-files.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { installedGongkai } from './installed-gongkai.ts';
import { romanise } from './romanise.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

export interface ScaffoldResult {
  written: string[];
  kept: string[];
}

/** The Node.js version Gongkai pins for itself (its `node` devDependency), given to the county too. */
export function pinnedNode(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  return pkg.devDependencies?.node ?? '24';
}

/** The repository's files that are not content, for its forge; `replace` names files to write even where one exists. */
export function writeCountyRepo(
  root: string,
  o: { county: string; forge: Forge; gongkai?: string | undefined; replace?: ReadonlySet<string> },
): ScaffoldResult {
  const result: ScaffoldResult = { written: [], kept: [] };
  const put = (rel: string, text: () => string) => {
    const file = join(root, rel);
    if (existsSync(file) && !o.replace?.has(rel)) return void result.kept.push(rel);
    writeFileAtomic(file, text());
    result.written.push(rel);
  };
  const base = o.county.replace(/(县|市|区|旗)$/, '') || o.county;
  put('package.json', () =>
    renderCountyPackageJson({
      name: countyPackageName(romanise(base).full),
      county: o.county,
      gongkai: o.gongkai ?? installedGongkai().version,
      node: pinnedNode(),
    }),
  );
  for (const [from, to] of scaffoldFiles(o.forge)) put(to, () => readFileSync(join(PROJECT_ROOT, from), 'utf8'));
  return result;
}

/** The files writeCountyRepo writes for a forge, in its order. */
export function countyRepoFiles(forge: Forge): string[] {
  return ['package.json', ...scaffoldFiles(forge).map(([, to]) => to)];
}
