/** What the time-rule tests share: the mini fixture's catalog and settings, and entries made in place. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Entry, EntryData } from '../../src/domain/model.ts';
import { catalogSchema, indexCatalog } from '../../src/domain/schema/catalog.ts';
import { siteSchema } from '../../src/domain/schema/site.ts';
import { MINI } from '../helpers.ts';

/** The mini fixture's catalog; `edit` may change its text first (to make an item public, say). */
export function miniCatalog(edit: (text: string) => string = (t) => t) {
  return indexCatalog(catalogSchema.parse(parseYaml(edit(readFileSync(join(MINI, 'catalog.yaml'), 'utf8')))));
}

export const miniSite = () => siteSchema.parse(parseYaml(readFileSync(join(MINI, 'site.yaml'), 'utf8')));

/** A public entry of `unit` (on its board unless told otherwise). */
export function entry(slug: string, data: Partial<EntryData> & { item: string; date: string }, unit = 'v-a'): Entry {
  return {
    id: `${unit}/${slug}`,
    unit,
    slug,
    data: { title: slug, scope: 'public', board: true, ...data } as EntryData,
    body: '',
    source: { file: `${slug}.md`, path: `/x/${slug}.md`, bodyLine: 1 },
  };
}
