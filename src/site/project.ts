/**
 * The project as the site sees it: loaded once per process from the folders `gongkai build`
 * names, with lookups the pages share. Pages import this instead of re-reading content.
 */
import { join, resolve } from 'node:path';
import { loadProject } from '../content/load-project.ts';
import type { Entry, Project } from '../domain/model.ts';
import { publicEntries } from '../domain/publication.ts';
import type { Unit } from '../domain/schema/unit.ts';

export interface SiteData {
  project: Project;
  /** Public entries only, newest first. */
  entries: Entry[];
  unitById: Map<string, Unit>;
  entriesByUnit: Map<string, Entry[]>;
  children: Map<string, Unit[]>;
}

let cached: SiteData | undefined;

export function contentDir(): string {
  return resolve(process.env.GONGKAI_CONTENT_DIR ?? join(process.cwd(), 'content'));
}

export function siteData(): SiteData {
  if (cached) return cached;
  const result = loadProject({ contentDir: contentDir(), templatesDir: resolve(process.env.GONGKAI_TEMPLATES_DIR ?? join(process.cwd(), 'templates')) });
  if (!result.project || result.errorCount > 0) {
    throw new Error(`内容有 ${result.errorCount} 个错误，请先运行 npm run check 并修改。`);
  }
  const project = result.project;
  const entries = publicEntries(project.entries).sort((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.id < b.id ? -1 : 1));
  const entriesByUnit = new Map<string, Entry[]>();
  for (const e of entries) entriesByUnit.set(e.unit, [...(entriesByUnit.get(e.unit) ?? []), e]);
  const children = new Map<string, Unit[]>();
  for (const u of project.units) if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u]);
  cached = { project, entries, unitById: new Map(project.units.map((u) => [u.id, u])), entriesByUnit, children };
  return cached;
}
