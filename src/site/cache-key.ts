/**
 * Cache keys for Astro's incremental build: a page is skipped on the next build only when
 * its key is unchanged, so the key must cover EVERY input the page reads — the entry, its
 * rendered body (image URLs carry the image's hash), the names shown around it, the other
 * stages of its matter, its 公示 status on "today" and the site settings
 * the layout prints — and the code that makes it: every key starts from the hash of the
 * pages' module graph (site-code.ts), so a change to a template, a component, the site's
 * code or a package renders the pages again without relying on Astro's own dependency hash.
 *
 * A unit page (510 of them) gets one too, so an edit re-renders only its own unit's page: the
 * key digests everything the page and its components read — the unit, its parent, town and
 * sub-units, its entries (data and body), its boards and their print files, its row of the
 * supervision report and its 点题 log (as the report computed them, git dates included), and the
 * county-wide settings, catalog, calendars and today.
 */
import { createHash } from 'node:crypto';
import type { SiteData } from './project.ts';

/** Maps and Sets by their contents: JSON.stringify would write them as {} and a change in them would go unseen. */
const replacer = (_k: string, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v);

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value, replacer)).digest('hex').slice(0, 32);
}

/** What every unit page reads of the whole county, digested once per build. */
const countyKeys = new WeakMap<object, string>();
function countyKey(data: SiteData): string {
  let k = countyKeys.get(data);
  if (!k) {
    const p = data.project;
    // The whole site settings (the 点题 box prints its channels and form), the catalog (item
    // names), the working-day calendars (公示 windows) and the build's today (what is on a board now).
    countyKeys.set(data, (k = digest([data.code, p.site, p.catalog.aspects, p.calendars, data.today, data.todaySource, import.meta.env?.BASE_URL])));
  }
  return k;
}

/**
 * Settings the layout and shared components print on every page, and whether the site's dates
 * are frozen (and at which day: every page says so) or follow the clock (the page script then
 * counts from the day the page was made, which the page itself says).
 */
export function siteKey(data: SiteData): string {
  const s = data.project.site;
  const frozen = data.live ? null : data.today;
  return digest([
    data.code,
    s.title,
    s.publisher,
    s.supervision_phone,
    s.address,
    s.base_url,
    s.defaults.kiosk_idle_seconds,
    data.todaySource,
    frozen,
    import.meta.env?.BASE_URL,
  ]);
}

export function entryCacheKey(data: SiteData, id: string, renderedHtml: string): string | undefined {
  const e = data.entryById.get(id);
  if (!e) return undefined;
  const unit = data.unitById.get(e.unit);
  const { aspect, item } = data.aspectOfItem(e.data.item);
  const stages = e.data.matter ? (data.matters.get(`${e.unit}/${e.data.matter}`) ?? []).map((s) => [s.slug, s.data.title, s.data.date, s.data.stage]) : [];
  return digest([
    siteKey(data),
    e.data,
    e.body,
    renderedHtml,
    unit?.name,
    data.townOf.get(e.unit)?.name,
    aspect.id,
    aspect.name,
    item.name,
    item.words,
    stages,
    data.notices.get(id) ?? null,
  ]);
}

export function unitCacheKey(
  data: SiteData,
  report: { unit: unknown; requests: unknown; later?: unknown; postings?: unknown },
  unitId: string,
): string | undefined {
  const unit = data.unitById.get(unitId);
  if (!unit) return undefined;
  const entries = (data.entriesByUnit.get(unitId) ?? []).map((e) => [e.id, e.slug, e.data, e.body]);
  const boards = data.boardsByUnit.get(unitId) ?? [];
  const print = data.print;
  // A board or card with nothing to print is said so on the page: its emptiness is part of the key.
  const files = print
    ? [boards.map((b) => print.boards.get(b.id) ?? print.emptyBoards.get(b.id) ?? null), print.cards.get(unitId) ?? print.emptyCards.get(unitId) ?? null]
    : null;
  return digest([
    countyKey(data),
    unit,
    unit.parent ? data.unitById.get(unit.parent)?.name : null,
    data.townOf.get(unitId)?.name ?? null,
    (data.children.get(unitId) ?? []).map((c) => [c.id, c.name]),
    entries,
    boards,
    files,
    report.unit ?? null,
    report.requests ?? null,
    report.later ?? null,
    report.postings ?? null,
  ]);
}

/** What a page of an entry list shows of each entry (EntryList): its link, title, unit, item and date. */
const listed = (data: SiteData, entries: readonly { unit: string; slug: string; data: { title: string; date: string; item: string } }[]) =>
  entries.map((e) => [e.unit, e.slug, e.data.title, e.data.date, data.unitById.get(e.unit)?.name, data.project.catalog.items.get(e.data.item)?.name]);

/**
 * A page of a paginated entry list (a catalog item's or a year's): the entries on it as the
 * list shows them, where the page sits among its siblings (the pager and the “第 x–y 条”
 * line), and what the page says about its list (`about`: the item's name, cadence and note;
 * the year).
 */
export function listPageCacheKey(
  data: SiteData,
  page: {
    data: readonly { unit: string; slug: string; data: { title: string; date: string; item: string } }[];
    currentPage: number;
    lastPage: number;
    total: number;
    start: number;
    end: number;
  },
  about: unknown,
): string {
  return entryListCacheKey(data, [about, page.currentPage, page.lastPage, page.total, page.start, page.end], page.data);
}

/** Any page that shows `entries` as EntryList does, plus what `about` holds (names, counts, notes). */
export function entryListCacheKey(
  data: SiteData,
  about: unknown,
  entries: readonly { unit: string; slug: string; data: { title: string; date: string; item: string } }[],
): string {
  return digest([siteKey(data), about, listed(data, entries)]);
}

/** A page that shows plain data (a unit's 点题 log, as the report computed it on today's date). */
export function dataCacheKey(data: SiteData, shown: unknown): string {
  return digest([siteKey(data), shown]);
}
