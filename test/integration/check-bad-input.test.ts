/**
 * Each kind of bad input clerks really produce gets its own Chinese diagnostic with file,
 * line and a fix — and never a stack trace.
 */
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { copyMini, ENTRY, GOOD_FM, load, put } from '../helpers.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function diagnosticsFor(rel: string, content: string | Uint8Array) {
  dir = copyMini();
  put(dir, rel, content);
  const r = load(dir);
  return r.diagnostics.filter((d) => d.file === rel);
}

const ENTRY_PATH = 'entries/v-demo-a/2026/new-entry.md';

describe('check: bad input', () => {
  it('accepts the fixture as it is', () => {
    dir = copyMini();
    const r = load(dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.project?.entries).toHaveLength(4);
  });

  it('accepts UTF-8 with BOM and CRLF line ends', () => {
    const text = '\ufeff' + ENTRY(GOOD_FM).replace(/\n/g, '\r\n');
    expect(diagnosticsFor(ENTRY_PATH, text)).toEqual([]);
  });

  it('names a GBK file and how to re-save it', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xb5, 0xb3, 0xce, 0xf1, 0x0a]));
    expect(d).toMatchObject({ code: 'encoding-gbk', line: 1, severity: 'error' });
    expect(d!.hint).toContain('UTF-8');
  });

  it('reports what else a GBK or UTF-16 file holds together with its encoding, and publishes neither', () => {
    const text = ENTRY(GOOD_FM, '联系人张三，电话13812345678。');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    for (const [bytes, code] of [
      [iconv.encode(text, 'gbk'), 'encoding-gbk'],
      [utf16, 'encoding-utf16'],
    ] as const) {
      const found = diagnosticsFor(ENTRY_PATH, bytes);
      expect(found.map((d) => `${d.line}:${d.code}`)).toEqual([`1:${code}`, '9:personal-mobile']);
      expect(load(dir).project!.entries.map((e) => e.slug)).not.toContain('new-entry');
      rmSync(dir, { recursive: true, force: true });
    }
    dir = copyMini();
  });

  it('points at a full-width colon', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('title: ', '标题：')));
    expect(d).toMatchObject({ code: 'fullwidth-colon', line: 2, column: 3 });
  });

  it('points at tab indentation', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(`${GOOD_FM}\nnotice:\n\tstart: 2026-11-20`));
    expect(d).toMatchObject({ code: 'tab-indent', line: 9 });
  });

  it('gives the line of a YAML syntax error: an unclosed quote at the quote, with the line fixed', () => {
    const found = diagnosticsFor(ENTRY_PATH, ENTRY(`${GOOD_FM}\nsummary: "未闭合的引号`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'unclosed-quote', line: 8, column: 10 });
    expect(found[0]!.hint).toMatch(/summary: 未闭合的引号$/);
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(`${GOOD_FM}\nsummary: [未闭合的括号`));
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 8 });
  });

  it('explains a date that does not exist', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('2026-11-20', '2026-02-30')));
    expect(d).toMatchObject({ code: 'invalid-field', line: 4, column: 7 });
    expect(d!.message).toContain('2026年2月没有30日');
  });

  it('refuses a period that does not match the cadence', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('2026-H2', '2026-Q4')));
    expect(d).toMatchObject({ code: 'period-cadence-mismatch', line: 5 });
    expect(d!.hint).toContain('2026-H1');
  });

  it('finds duplicate slugs across years', () => {
    dir = copyMini();
    put(dir, 'entries/v-demo-a/2025/dues-2026-h1.md', ENTRY(GOOD_FM.replace(/2026/g, '2025')));
    const [d] = load(dir).diagnostics;
    // Reported once, on the second file in path order, naming the first.
    expect(d).toMatchObject({ code: 'duplicate-slug', file: 'entries/v-demo-a/2026/dues-2026-h1.md' });
    expect(d!.message).toContain('entries/v-demo-a/2025/dues-2026-h1.md');
  });

  it('suggests the right unit folder', () => {
    const [d] = diagnosticsFor('entries/v-demo-c/2026/x.md', ENTRY(GOOD_FM));
    expect(d).toMatchObject({ code: 'unknown-unit' });
    expect(d!.hint).toMatch(/v-demo-[ab]/);
  });

  it('suggests the right item', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('dues-collection', '党费收缴情况')));
    expect(d).toMatchObject({ code: 'unknown-item', line: 3 });
    expect(d!.hint).toContain('dues-collection（党费收缴情况）');
    const [e] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('dues-collection', 'dues-colection')));
    expect(e).toMatchObject({ code: 'unknown-item', line: 3, column: 7 });
    expect(e!.hint).toContain('dues-collection（党费收缴情况）');
  });

  it('suggests an existing template for a board', () => {
    dir = copyMini();
    put(dir, 'boards.yaml', '- { id: b-v-demo-a, unit: v-demo-a, template: vilage, location: 村委会, width_mm: 2400, height_mm: 1200 }\n');
    const [d] = load(dir).diagnostics;
    expect(d).toMatchObject({ file: 'boards.yaml', code: 'unknown-template', line: 1 });
    expect(d!.hint).toContain('village');
  });

  it('explains files in the wrong place or with the wrong extension', () => {
    expect(diagnosticsFor('entries/v-demo-a/x.md', ENTRY(GOOD_FM))[0]).toMatchObject({ code: 'misplaced-file' });
    expect(diagnosticsFor('entries/v-demo-a/2026/x.docx', 'PK\u0003\u0004')[0]!.message).toContain('不是 Markdown');
    expect(diagnosticsFor('entries/v-demo-a/2026/x.txt', 'hello')[0]).toMatchObject({ code: 'misplaced-file' });
  });

  it('reports empty files', () => {
    expect(diagnosticsFor(ENTRY_PATH, '')[0]).toMatchObject({ code: 'empty-file', line: 1 });
  });

  it('refuses a 50 MB file without reading it', () => {
    dir = copyMini();
    const file = join(dir, ENTRY_PATH);
    put(dir, ENTRY_PATH, '');
    truncateSync(file, 50 * 1024 * 1024);
    const [d] = load(dir).diagnostics.filter((x) => x.file === ENTRY_PATH);
    expect(d).toMatchObject({ code: 'file-too-large' });
    expect(d!.message).toContain('50.0 MB');
  });

  it('names unknown fields, with the English name for Chinese ones', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(`${GOOD_FM}\n摘要: 一句话`));
    expect(d).toMatchObject({ code: 'unknown-field', line: 8, column: 1 });
    expect(d!.hint).toContain('summary');
  });

  it('reports a missing field at the front matter', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace(/^title:.*\n/, '')));
    expect(d).toMatchObject({ code: 'missing-field' });
    expect(d!.message).toContain('标题');
  });

  it('reports a missing or unclosed front matter', () => {
    expect(diagnosticsFor(ENTRY_PATH, '只有正文，没有信息区。\n')[0]).toMatchObject({ code: 'missing-front-matter' });
    expect(diagnosticsFor(ENTRY_PATH, `---\n${GOOD_FM}\n正文\n`)[0]).toMatchObject({ code: 'unclosed-front-matter' });
  });

  it('refuses unsafe images: outside the unit, SVG, missing, disguised, remote, decompression bombs', () => {
    dir = copyMini();
    const png = (w: number, h: number) => {
      // A PNG header that claims w×h pixels: enough for the size check, nothing to decode.
      const b = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
      b.writeUInt32BE(w, 16);
      b.writeUInt32BE(h, 20);
      b[24] = 8;
      b[25] = 2;
      return b;
    };
    put(dir, 'entries/v-demo-b/2026/other.jpg', readFileSync(join(dir, 'entries/v-demo-a/2026/road-site.jpg')));
    put(dir, 'entries/v-demo-a/2026/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    put(dir, 'entries/v-demo-a/2026/fake.png', readFileSync(join(dir, 'entries/v-demo-a/2026/road-site.jpg')));
    put(dir, 'entries/v-demo-a/2026/bomb.png', png(50000, 50000));
    const body = [
      '![a](../../v-demo-b/2026/other.jpg)',
      '![b](logo.svg)',
      '![c](missing.jpg)',
      '![d](fake.png)',
      '![e](bomb.png)',
      '![f](https://example.com/x.jpg)',
      '![g](road-site.jpg)',
    ].join('\n\n');
    put(dir, ENTRY_PATH, ENTRY(GOOD_FM, body));
    const codes = load(dir)
      .diagnostics.filter((d) => d.file === ENTRY_PATH)
      .map((d) => `${d.line}:${d.code}`);
    expect(codes).toEqual([
      '9:image-outside-unit',
      '11:image-type',
      '13:image-missing',
      '15:image-type-mismatch',
      '17:image-too-many-pixels',
      '19:remote-image',
    ]);
  });

  it('refuses secret markings in any scope and personal data in public entries, with positions', () => {
    dir = copyMini();
    put(
      dir,
      'entries/v-demo-a/2026/secret.md',
      ENTRY('title: 内部通知\nitem: sanhui-yike\ndate: 2026-11-02\nperiod: 2026-11\nscope: party', '文件标注：机密★10年\n'),
    );
    put(dir, ENTRY_PATH, ENTRY(GOOD_FM, '联系人手机：13912345678'));
    const d = load(dir).diagnostics;
    expect(d.find((x) => x.code === 'secret-marking')).toMatchObject({ file: 'entries/v-demo-a/2026/secret.md', line: 8, column: 6 });
    expect(d.find((x) => x.code === 'personal-mobile')).toMatchObject({ file: ENTRY_PATH, line: 9, column: 7 });
  });

  it('reports every problem in one run', () => {
    dir = copyMini();
    put(dir, 'entries/v-demo-a/2026/a.md', ENTRY(GOOD_FM.replace('2026-11-20', '2026-02-30')));
    put(dir, 'entries/v-demo-a/2026/b.md', '');
    writeFileSync(join(dir, 'entries/v-demo-b.md'), 'x');
    expect(load(dir).errorCount).toBe(3);
  });
});
