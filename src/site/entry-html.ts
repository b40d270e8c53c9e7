/**
 * An entry's body as the site publishes it: the sanitised HTML of its Markdown with its images
 * pointed at their published copies. The content layer renders it once and keeps it between
 * builds (content.config.ts); the entry page takes it from there (storedEntryHtml).
 */
import type { Entry } from '../domain/model.ts';
import { InternalError } from '../errors.ts';
import type { RenderedBody } from './project-handoff.ts';
import { imageSource, imageUrl } from '../html/entry-images.ts';
import { renderEntryHtml } from '../html/markdown-html.ts';

/** `base` is the site's base path as Astro gives it (`/`, `/dangwu/`); '' stands for the root too. */
export function entryHtml(e: Entry, base: string): string {
  const root = base.replace(/\/$/, '');
  return renderEntryHtml(e.body, (src) => root + imageUrl(e.unit, imageSource(e, src)));
}

/**
 * The entry's body for its page, read, never rendered here: what the content layer stored for
 * it, or, in the live preview, what the preview rendered after a save (`saved`, with the same
 * `entryHtml`: project-handoff.ts says why). A build's store is loaded from the very project the
 * build checked, so there a missing or older body is a bug.
 */
export function storedEntryHtml(e: Entry, stored: { body?: string; rendered?: { html: string } } | undefined, saved: RenderedBody | undefined): string {
  if (saved?.body === e.body) return saved.html;
  if (stored?.rendered && stored.body === e.body) return stored.rendered.html;
  throw new InternalError(`条目 ${e.id} 的正文不在网站的内容存储中，或与检查过的内容不同。`);
}
