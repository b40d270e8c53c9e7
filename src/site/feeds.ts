/** Building the county and unit feeds and the sitemap from the site's data (project.ts): shared by the endpoints. */
import type { Entry } from '../domain/model.ts';
import { atomFeed, sitemap } from './atom.ts';
import type { SiteData } from './project.ts';
import { absolute, aspectPath, entryPath, ITEM_PAGE_SIZE, itemPath, pagePath, requestsPath, unitPath, YEAR_PAGE_SIZE, yearPath } from './urls.ts';

/** The date of an entry's latest public change note, if it has any. */
export const lastChange = (e: Entry): string | undefined =>
  (e.data.changes ?? []).reduce<string | undefined>((d, c) => (!d || c.date > d ? c.date : d), undefined);

const pages = (count: number, size: number) => Array.from({ length: Math.max(1, Math.ceil(count / size)) }, (_, i) => i + 1);

/** Entries per feed: readers want what is new, not the archive. */
export const FEED_SIZE = 50;

function feedParts(data: SiteData) {
  const site = data.project.site;
  return {
    author: site.publisher,
    entryUrl: (e: Entry) => absolute(site.base_url, entryPath(e)),
    unitName: (e: Entry) => data.unitById.get(e.unit)?.name ?? e.unit,
    updated: (e: Entry) => lastChange(e),
  };
}

export function countyFeed(data: SiteData): string {
  const site = data.project.site;
  return atomFeed({
    ...feedParts(data),
    id: absolute(site.base_url, '/feed.xml'),
    title: site.title,
    selfUrl: absolute(site.base_url, '/feed.xml'),
    pageUrl: absolute(site.base_url, '/'),
    entries: data.entries.slice(0, FEED_SIZE),
  });
}

export function unitFeed(data: SiteData, unitId: string): string {
  const site = data.project.site;
  const unit = data.unitById.get(unitId);
  const self = absolute(site.base_url, `${unitPath(unitId)}feed.xml`);
  return atomFeed({
    ...feedParts(data),
    id: self,
    title: `${unit?.name ?? unitId} - ${site.title}`,
    selfUrl: self,
    pageUrl: absolute(site.base_url, unitPath(unitId)),
    entries: (data.entriesByUnit.get(unitId) ?? []).slice(0, FEED_SIZE),
  });
}

/** Every public page of the site (not the kiosk's start page, a device setting, nor the 404 page). */
export function siteMap(data: SiteData, requestUnits: Iterable<string>): string {
  const site = data.project.site;
  const at = (path: string) => absolute(site.base_url, path);
  const urls: { loc: string; lastmod?: string }[] = [
    ...['/', '/units/', '/catalog/', '/years/', '/search/', '/requests/', '/supervision/', '/print/'].map((p) => ({ loc: at(p) })),
    ...data.project.pages.map((p) => ({ loc: at(`/${p.slug}/`) })),
    ...data.project.units.map((u) => ({ loc: at(unitPath(u.id)) })),
    ...[...requestUnits].map((u) => ({ loc: at(requestsPath(u)) })),
    ...data.project.catalog.aspects.flatMap((a) => [
      { loc: at(aspectPath(a.id)) },
      ...a.items.flatMap((i) => pages(data.entriesByItem.get(i.id)?.length ?? 0, ITEM_PAGE_SIZE).map((n) => ({ loc: at(pagePath(itemPath(a.id, i.id), n)) }))),
    ]),
    ...data.years.flatMap((y) => pages(data.entriesByYear.get(y)?.length ?? 0, YEAR_PAGE_SIZE).map((n) => ({ loc: at(pagePath(yearPath(y), n)) }))),
    ...data.entries.map((e) => ({ loc: at(entryPath(e)), lastmod: lastChange(e) ?? e.data.date })),
  ];
  return sitemap(urls);
}
