/**
 * The part of the site's input too large to serialise into a module: the checked project and
 * the content's git history, both read before Astro starts (by the build, the dev server's
 * configuration or the live preview) and held here for the process.
 *
 * Astro evaluates the site's modules in its own module graph (a bundle in the build, Vite's
 * module runner in the dev server), so a module of ours imported by a page is a copy apart from
 * the one the command line loaded. Not this one: the virtual module `virtual:gongkai/context`
 * (integration.ts) imports it as an external module, which Node loads once for the process, so
 * the site reads exactly what the build handed over. Pages never import it; they read
 * `context.checked()`. Handing the project over saves the site a second load of 8,000+ files
 * (~5 s of a demo build) and guarantees it shows exactly what `check` validated.
 */
import type { Project } from '../domain/model.ts';
import type { ContentHistory } from '../git/git-history.ts';

export interface CheckedProject {
  contentDir: string;
  templatesDir: string;
  project: Project;
  /** The one `git log` of the content's entries and requests (git-history.ts): pages' change lists, the compliance report. */
  contentHistory: ContentHistory;
  /** Counts hand-overs: the live preview hands over a new project after every save. */
  revision: number;
}

/** An entry's body and its HTML as the site publishes it (site/entry-html.ts). */
export interface RenderedBody {
  body: string;
  html: string;
}

let current: CheckedProject | undefined;
/**
 * Bodies the live preview rendered after a save. Astro's content store holds every entry's
 * body as the dev server loaded it, and loading it again after each save (refreshContent, then
 * reading back its 20 MB file) takes seconds; so the preview renders the saved entries with the
 * store loader's own function and leaves them here, where pages look beside the store.
 */
const saved = new Map<string, RenderedBody>();

export function handOverProject(h: Omit<CheckedProject, 'revision'>): void {
  current = { ...h, revision: (current?.revision ?? 0) + 1 };
}

/** The last project handed over, if any. */
export function checkedProject(): CheckedProject | undefined {
  return current;
}

export function keepSavedBody(id: string, rendered: RenderedBody): void {
  saved.set(id, rendered);
}

/** The body the live preview rendered for entry `id` after a save, if any. */
export function savedBody(id: string): RenderedBody | undefined {
  return saved.get(id);
}
