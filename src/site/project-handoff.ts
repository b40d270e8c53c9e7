/**
 * `gongkai build` loads and checks the project before it starts Astro in the same process.
 * Astro evaluates the site's modules in its own module graph, so a module-level cache is not
 * shared with the CLI's — but globalThis is. Handing the checked project over this way saves
 * the site a second load of 8,000+ files (~5 s of a demo build) and guarantees the site
 * shows exactly what `check` validated.
 */
import type { Project } from '../domain/model.ts';

const KEY = Symbol.for('gongkai.checked-project');

interface Handoff {
  contentDir: string;
  templatesDir: string;
  project: Project;
  /** Counts hand-overs: the live preview hands over a new project after every save. */
  revision?: number;
}

export function handOverProject(h: Handoff): void {
  const previous = (globalThis as Record<symbol, unknown>)[KEY] as Handoff | undefined;
  (globalThis as Record<symbol, unknown>)[KEY] = { ...h, revision: (previous?.revision ?? 0) + 1 };
}

/** Which hand-over the site sees: what it computed from an earlier one is stale. */
export function projectRevision(): number {
  return ((globalThis as Record<symbol, unknown>)[KEY] as Handoff | undefined)?.revision ?? 0;
}

/** The project the build checked, if it was loaded from these same folders. */
export function takeOverProject(contentDir: string, templatesDir: string): Project | undefined {
  const h = (globalThis as Record<symbol, unknown>)[KEY] as Handoff | undefined;
  return h && h.contentDir === contentDir && h.templatesDir === templatesDir ? h.project : undefined;
}
