/**
 * An entry's body as the site publishes it: the sanitised HTML of its Markdown with its images
 * pointed at their published copies. The content layer renders it once and keeps it between
 * builds (content.config.ts); the entry page takes it from there (storedEntryHtml).
 */
import type { Entry } from '../domain/model.ts';
import { InternalError } from '../errors.ts';
import { imageSource, imageUrl } from '../html/entry-images.ts';
import { renderEntryHtml } from '../html/markdown-html.ts';

/** `base` is the site's base path without its trailing slash ('' at the root). */
export function entryHtml(e: Entry, base: string): string {
  return renderEntryHtml(e.body, (src) => base + imageUrl(e.unit, imageSource(e, src)));
}

/**
 * The entry's body for its page: what the content layer stored for it, the one place a page
 * takes it from. A build's store is loaded from the very project the build checked, so there a
 * missing or older body is a bug. The live preview has the store take in each save before the
 * pages reload (preview-server.ts); a page asked for in between shows the body as last stored.
 */
export function storedEntryHtml(e: Entry, stored: { body?: string; rendered?: { html: string } } | undefined, preview: boolean): string {
  if (stored?.rendered && (stored.body === e.body || preview)) return stored.rendered.html;
  throw new InternalError(`条目 ${e.id} 的正文不在网站的内容存储中，或与检查过的内容不同。`);
}
