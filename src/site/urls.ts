/** Site paths, in one place so pages, feeds, the sitemap and the search index agree. */
import type { Entry } from '../domain/model.ts';

export const base = (): string => import.meta.env?.BASE_URL ?? '/';
export const entryPath = (e: Pick<Entry, 'unit' | 'slug'>): string => `${base()}units/${e.unit}/${e.slug}/`;
export const unitPath = (unit: string): string => `${base()}units/${unit}/`;
export const itemPath = (aspect: string, item: string): string => `${base()}catalog/${aspect}/${item}/`;
export const aspectPath = (aspect: string): string => `${base()}catalog/${aspect}/`;
export const yearPath = (year: number): string => `${base()}years/${year}/`;
export const requestsPath = (unit?: string): string => `${base()}requests/${unit ? `${unit}/` : ''}`;

/** Entries per page of a catalog item's list and of a year's list (the pages and the sitemap agree). */
export const ITEM_PAGE_SIZE = 100;
export const YEAR_PAGE_SIZE = 200;

/** Page n (1-based) of a paginated list at `path`: the first page is the list itself. */
export const pagePath = (path: string, n: number): string => (n === 1 ? path : `${path}${n}/`);

/** Absolute URL from the site's base_url (feeds and the sitemap need absolute addresses). */
export function absolute(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
