/**
 * The validated content model that every output (site, print, reports) consumes.
 * Built by the loader; pure data, no file-system handles.
 */
import type { Board } from './schema/board.ts';
import type { Catalog, Scope } from './schema/catalog.ts';
import type { CalendarFile } from './schema/calendar.ts';
import type { EntryFrontMatter } from './schema/entry.ts';
import type { PageFrontMatter } from './schema/page.ts';
import type { RequestFrontMatter } from './schema/request.ts';
import type { Site } from './schema/site.ts';
import type { Template } from './schema/template.ts';
import type { Unit } from './schema/unit.ts';

/** Entry data after the catalog's defaults are applied: scope and notice days are always set. */
export type EntryData = Omit<EntryFrontMatter, 'scope' | 'notice'> & {
  scope: Scope;
  notice?: { start: string; days: number };
};

export interface SourceRef {
  /** Path as shown to people (relative to the working directory, forward slashes). */
  file: string;
  /** Absolute path, for the stages that read the file's neighbours (images). */
  path: string;
  /** 1-based line where the Markdown body starts. */
  bodyLine: number;
}

export interface Entry {
  /** `<unit>/<slug>`: unique, stable, used in URLs. */
  id: string;
  unit: string;
  slug: string;
  data: EntryData;
  body: string;
  source: SourceRef;
}

export interface Request {
  id: string;
  unit: string;
  slug: string;
  data: RequestFrontMatter;
  body: string;
  source: SourceRef;
}

export interface Page {
  slug: string;
  data: PageFrontMatter;
  body: string;
  source: SourceRef;
}

export interface Project {
  site: Site;
  catalog: Catalog;
  units: Unit[];
  boards: Board[];
  templates: Map<string, Template>;
  entries: Entry[];
  requests: Request[];
  pages: Page[];
  calendars: CalendarFile[];
}
