/**
 * The leak scan reads a share picture's text — the lines it shows, kept in its PNG text chunk
 * (print/render/share-png.ts) — so a withheld entry's sentence drawn into a picture stops the
 * build; a share picture without that text is never taken as clean. Other PNGs (board previews)
 * carry no words and are not asked for any.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanForLeaks } from '../../src/pipeline/leak-scan.ts';
import { encodeIndexedPng } from '../../src/print/render/png-indexed.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function site(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-share-scan-'));
  dirs.push(dir);
  for (const [rel, bytes] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  }
  return dir;
}

const picture = (text?: Record<string, string>) =>
  encodeIndexedPng({ width: 4, height: 2, pixels: new Uint8Array(8), palette: [[255, 255, 255]], ...(text ? { text } : {}) });
const needle = { text: '支部委员会关于处分某某某的决定', source: 'v-x/discipline' };

describe('share pictures in the leak scan', () => {
  it('finds a withheld sentence in the text a share picture shows', async () => {
    const dir = site({ 'channels/share/v-x/a-1.png': picture({ Title: '公开的标题', Comment: `第一行\n${needle.text}的执行情况` }) });
    const r = await scanForLeaks(dir, [needle]);
    expect(r.hits.map((h) => [h.file, h.source])).toEqual([['channels/share/v-x/a-1.png', 'v-x/discipline']]);
  });

  it('passes a clean picture, and never takes one without its text as clean', async () => {
    const clean = await scanForLeaks(site({ 'channels/share/v-x/a-1.png': picture({ Comment: '公开的内容' }) }), [needle]);
    expect([clean.hits, clean.unreadable]).toEqual([[], []]);
    const blank = await scanForLeaks(site({ 'channels/share/v-x/a-1.png': picture() }), [needle]);
    expect(blank.unreadable).toEqual([{ file: 'channels/share/v-x/a-1.png', reason: '分享图片里没有写入它显示的文字，无法确认其中没有党内内容' }]);
    // A board preview is grey bars, not words: nothing to ask of it.
    const preview = await scanForLeaks(site({ 'print/previews/b-x.png': picture() }), [needle]);
    expect(preview.unreadable).toEqual([]);
  });
});
