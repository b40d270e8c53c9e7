/**
 * The entry page's body is read, never rendered by the page: the live preview's saved body
 * where it is the entry's current one, else the content store's, else an internal error (a
 * build whose store fell behind the project it checked is a bug, not a page to publish).
 */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/domain/model.ts';
import { InternalError } from '../../src/errors.ts';
import { entryHtml, storedEntryHtml } from '../../src/site/entry-html.ts';

const entry = (body: string) => ({ id: 'v-a/dues', unit: 'v-a', slug: 'dues', body, data: {}, source: { file: 'x.md', path: '/x.md' } }) as unknown as Entry;

describe('storedEntryHtml', () => {
  const now = entry('## 一、收缴情况\n\n本月已交。');
  it('takes the store’s body when it is the entry’s current one', () => {
    expect(storedEntryHtml(now, { body: now.body, rendered: { html: '<p>store</p>' } }, undefined)).toBe('<p>store</p>');
  });
  it('takes the preview’s saved body over an older stored one', () => {
    const saved = { body: now.body, html: entryHtml(now, '') };
    expect(storedEntryHtml(now, { body: '旧的正文', rendered: { html: '<p>old</p>' } }, saved)).toBe(saved.html);
    expect(saved.html).toContain('<h2>一、收缴情况</h2>');
  });
  it('never renders a body itself: a stale store and no saved body is an internal error', () => {
    expect(() => storedEntryHtml(now, { body: '旧的正文', rendered: { html: '<p>old</p>' } }, { body: '另一个旧的', html: '<p>x</p>' })).toThrow(InternalError);
    expect(() => storedEntryHtml(now, undefined, undefined)).toThrow(/不在网站的内容存储中/);
  });
});
