/**
 * Cache keys for Astro's incremental build: a page is skipped on the next build only when
 * its key is unchanged, so the key must cover EVERY input the page reads — the entry, its
 * rendered body (image URLs carry the image's hash), the names shown around it, the other
 * stages of its matter, its 公示 status on "today" and the site settings
 * the layout prints. Template changes are covered by Astro's own dependency hash.
 */
import { createHash } from 'node:crypto';
import type { SiteData } from './project.ts';

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/** Settings the layout and shared components print on every page. */
export function siteKey(data: SiteData): string {
  const s = data.project.site;
  return digest([s.title, s.publisher, s.supervision_phone, s.address, s.base_url, s.defaults.kiosk_idle_seconds, import.meta.env?.BASE_URL]);
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
    stages,
    data.notices.get(id) ?? null,
  ]);
}
