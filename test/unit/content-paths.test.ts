import { describe, expect, it } from 'vitest';
import { placeContentFile } from '../../src/domain/content-paths.ts';

const kind = (p: string) => {
  const r = placeContentFile(p);
  return r.kind === 'misplaced' ? `${r.finding.severity}:${r.finding.message}` : r.kind;
};

describe('placeContentFile', () => {
  it('places entries, requests, pages, calendars and images', () => {
    expect(placeContentFile('entries/v-a/2026/dues-h1.md')).toEqual({ kind: 'entry', unit: 'v-a', year: 2026, slug: 'dues-h1' });
    expect(placeContentFile('requests/v-a/2026/road.md')).toMatchObject({ kind: 'request', slug: 'road' });
    expect(kind('pages/about.mdx')).toBe('page');
    expect(kind('calendar/2027.yaml')).toBe('calendar');
    expect(kind('entries/v-a/2026/photo.jpg')).toBe('image');
    expect(kind('site.yaml')).toBe('registry');
    expect(kind('entries/v-a/2026/.DS_Store')).toBe('ignored');
    // Posting photos and 张贴记录 are the postings stage's: the content check passes them by.
    expect(kind('postings/b-v-a/IMG_20261201_101500.jpg')).toBe('ignored');
    expect(kind('postings/b-v-a/2026-12-01.yaml')).toBe('ignored');
  });
  it('explains misplaced and misnamed files', () => {
    expect(kind('entries/v-a/dues.md')).toContain('放错了位置');
    expect(kind('entries/v-a/26/dues.md')).toContain('四位数字');
    expect(kind('entries/v-a/2026/党费.md')).toContain('小写英文字母');
    expect(kind('entries/v-a/2026/Dues H1.md')).toContain('小写英文字母');
    expect(kind('entries/v-a/2026/dues.docx')).toContain('不是 Markdown');
    expect(kind('entries/v-a/2026/dues.txt')).toContain('不是 Markdown');
    expect(kind('entries/v-a/2026/dues.MD')).toContain('.md');
    expect(kind('dues.md')).toContain('不能直接放在');
    expect(kind('notes.txt')).toMatch(/^warning:/);
    expect(kind('postings/IMG_1.jpg')).toMatch(/^warning:张贴照片应当放在 content\/postings\/<公开栏编号>\//);
    expect(kind('postings/b-v-a/notes.docx')).toMatch(/^warning:张贴照片/);
  });
});
