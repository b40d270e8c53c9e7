/**
 * An entry's body as the site publishes it: the sanitised HTML of its Markdown with its images
 * pointed at their published copies. The content layer renders it once and keeps it between
 * builds (content.config.ts); the entry page takes it from there, and renders it itself only
 * when the store is behind the project — in the live preview, right after a save, before
 * Astro has written its store again.
 */
import type { Entry } from '../domain/model.ts';
import { imageSource, imageUrl } from '../render/entry-images.ts';
import { renderEntryHtml } from '../render/markdown-html.ts';

/** `base` is the site's base path without its trailing slash ('' at the root). */
export function entryHtml(e: Entry, base: string): string {
  return renderEntryHtml(e.body, (src) => base + imageUrl(e.unit, imageSource(e, src)));
}

/** What the store has for the entry if it is of the same text, else the entry rendered now. */
export function currentEntryHtml(e: Entry, stored: { body?: string; rendered?: { html: string } } | undefined, base: string): string {
  return stored?.rendered && stored.body === e.body ? stored.rendered.html : entryHtml(e, base);
}
