/**
 * Everything the site reads from the build: the folders, "today", the print plan, the printers'
 * release notes — plain JSON data — and the checked project with its git history. All of it
 * reaches Astro in one typed way: the virtual module `virtual:gongkai/context` (integration.ts).
 * The project, too large to serialise into a module, is read through `checked()`, which the
 * virtual module adds (project-handoff.ts).
 */
import type { Today } from '../domain/time/today.ts';
import type { PrintPlanView } from '../print/jobs/manifest.ts';
import type { ReleaseNotes } from '../review/release-diff.ts';
import type { SiteCode } from './site-code.ts';
import type { PostingTable } from '../domain/postings/posting-table.ts';
import type { CheckedProject, RenderedBody } from './project-handoff.ts';

export interface SiteContext {
  contentDir: string;
  templatesDir: string;
  /** The build's "today": what is on a board now, which 公示 is running. */
  today: Today;
  /** The print files this build writes; absent when no print stage runs (the dev server). */
  printPlan?: PrintPlanView;
  /** Last release → this build, for the printers' page; absent without a tagged release. */
  releaseNotes?: ReleaseNotes;
  /** What hangs on each board, from the posting photos (pipeline/postings.ts); absent in the dev server. */
  postings?: PostingTable;
  /** Boards whose latest posting photo the build published (dist/postings/<board>.jpg). */
  postingPhotos?: string[];
  /** Hashes of the code behind the pages and the entries' HTML (site-code.ts): every page's cache key takes them. */
  code: SiteCode;
  /** The live preview (`gongkai preview`): pages render on request; nothing is kept for a next build. */
  preview?: true;
  /**
   * The checked project and the content's git history as last handed over in this process
   * (project-handoff.ts). Not JSON: the virtual module adds it; what the build computes has none.
   */
  checked?: () => CheckedProject | undefined;
  /** The body the live preview rendered for an entry after a save (project-handoff.ts); never in a build. */
  savedBody?: (id: string) => RenderedBody | undefined;
}

export const CONTEXT_MODULE = 'virtual:gongkai/context';
