/** Site paths, in one place so pages, feeds, the sitemap and the search index agree. */
import type { Entry } from '../domain/model.ts';

export const base = (): string => import.meta.env?.BASE_URL ?? '/';
export const entryPath = (e: Pick<Entry, 'unit' | 'slug'>): string => `${base()}units/${e.unit}/${e.slug}/`;
export const unitPath = (unit: string): string => `${base()}units/${unit}/`;
export const itemPath = (aspect: string, item: string): string => `${base()}catalog/${aspect}/${item}/`;
export const aspectPath = (aspect: string): string => `${base()}catalog/${aspect}/`;
export const yearPath = (year: number): string => `${base()}years/${year}/`;

/** Absolute URL from the site's base_url (feeds and the sitemap need absolute addresses). */
export function absolute(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
