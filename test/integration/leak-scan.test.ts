/** The leak scan finds a withheld entry's sentinel wherever it lands in the output. */
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it } from 'vitest';
import { leakFailure, LeakScanner, scanForLeaks } from '../../src/pipeline/leak-scan.ts';
import { ContentError, EnvironmentError } from '../../src/errors.ts';
import { readPdfTexts } from '../../src/pipeline/pdf-text.ts';
import { commitNeedles, leakNeedles } from '../../src/domain/safety/leak-needles.ts';
import { flat, load, MINI, put, ROOT } from '../helpers.ts';

const SENTINEL = 'SENTINEL-PARTY-7f3a';
const project = load(MINI).project!;
const needles = leakNeedles(project.entries);
let dir: string;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('leak scan', () => {
  it('takes the titles and distinctive sentences of withheld entries only', () => {
    expect(needles.map((n) => n.text)).toContain(`甲村十月三会一课内部安排 ${SENTINEL}`);
    expect(needles.every((n) => n.source.endsWith('sanhui-2026-10.md'))).toBe(true);
  });

  it('passes clean output and names the file of a leak in HTML, entity-encoded or not', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    put(dir, 'index.html', '<p>甲村党支部2026年上半年党费收缴情况</p>');
    expect((await scanForLeaks(dir, needles)).hits).toEqual([]);
    put(dir, 'units/v-demo-a/index.html', `<a title="甲村十月三会一课内部安排&#32;${SENTINEL}">x</a>`);
    const r = await scanForLeaks(dir, needles);
    expect(r.hits).toEqual([
      {
        file: 'units/v-demo-a/index.html',
        needle: `甲村十月三会一课内部安排 ${SENTINEL}`,
        source: expect.stringContaining('sanhui-2026-10.md'),
        kind: 'entry',
      },
    ]);
  });

  it('looks inside gzip-compressed search fragments and JSON escapes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    put(dir, 'pagefind/fragment/zh-cn_1.pf_fragment', gzipSync(JSON.stringify({ content: `支部党员大会安排（党内公开）` })));
    put(dir, 'data/x.json', '{"t":"\\u652f\\u90e8\\u515a\\u5458\\u5927\\u4f1a\\u5b89\\u6392\\uff08\\u515a\\u5185\\u516c\\u5f00\\uff09"}');
    expect((await scanForLeaks(dir, needles)).hits.map((h) => h.file).sort()).toEqual(['data/x.json', 'pagefind/fragment/zh-cn_1.pf_fragment']);
  });

  it('reads the text of PDFs, Chinese in an embedded subset font, across line breaks and pages', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    const doc = new PDFDocument({ size: [200, 200] });
    const done = new Promise<void>((r) => doc.pipe(createWriteStream(join(dir, 'board.pdf'))).on('finish', () => r()));
    doc.registerFont('sans', join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
    doc.font('sans').fontSize(10).text('公开内容').text('SENTINEL-', 10, 30).text('PARTY-7f3a', 10, 50);
    doc.addPage().font('sans').text('甲村十月三会一课', 10, 10).text('内部安排', 10, 30);
    doc.end();
    await done;
    const needle = [
      { text: SENTINEL, source: 'x.md' },
      { text: '甲村十月三会一课内部安排', source: 'y.md' },
    ];
    const first = await scanForLeaks(dir, needle);
    expect(first.hits.map((h) => `${h.file} ${h.source}`)).toEqual(['board.pdf x.md', 'board.pdf y.md']);
    expect(first.unreadable).toEqual([]);
    needle.pop();
    // With a text cache, the second scan reads the remembered text and still finds the leak.
    const cacheDir = join(dir, '..', `${dir.split('/').pop()}-cache`);
    expect((await scanForLeaks(dir, needle, { cacheDir })).hits).toHaveLength(1);
    expect((await scanForLeaks(dir, needle, { cacheDir })).hits).toHaveLength(1);
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('remembers clean files only for the same needles, and rescans changed bytes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    const cacheDir = join(dir, '..', `${dir.split('/').pop()}-clean`);
    put(dir, 'a/index.html', '<p>甲村党支部2026年上半年党费收缴情况</p>');
    put(dir, 'b/index.html', '<p>另一个公开页面</p>');
    expect((await scanForLeaks(dir, needles, { cacheDir })).hits).toEqual([]);
    // Changed bytes are read again: the new leak is found although the folder was clean before.
    put(dir, 'b/index.html', `<p>甲村十月三会一课内部安排 ${SENTINEL}</p>`);
    expect((await scanForLeaks(dir, needles, { cacheDir })).hits.map((h) => h.file)).toEqual(['b/index.html']);
    // Unchanged bytes, new needles: a file clean for the old needles is scanned for the new ones.
    const more = [...needles, { text: '另一个公开页面', source: 'new.md' }, { text: '上半年党费收缴情况', source: 'y.md' }];
    expect((await scanForLeaks(dir, more, { cacheDir })).hits.map((h) => h.file).sort()).toEqual(['a/index.html', 'b/index.html']);
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('never skips a file it cannot read silently, and says it is a problem of the machine, not a leak', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7 not really');
    put(dir, 'index.html', '<p>公开页面</p>');
    const r = await scanForLeaks(dir, needles);
    expect(r.hits).toEqual([]);
    expect(r.unreadable).toEqual([{ file: 'broken.pdf', reason: expect.any(String) }]);
    const failure = leakFailure(r);
    expect(failure).toBeInstanceOf(EnvironmentError);
    expect(failure!.message).toContain('没有发现泄露');
    expect(failure!.message).not.toContain('程序的问题');
    expect(failure!.details[0]).toMatch(/^broken\.pdf：/);
  });

  it('names each leaking file and the withheld entry, and stays silent on clean output', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    put(dir, 'index.html', '<p>公开页面</p>');
    expect(leakFailure(await scanForLeaks(dir, needles))).toBeUndefined();
    put(dir, 'units/x/index.html', `<p>甲村十月三会一课内部安排 ${SENTINEL}</p>`);
    const failure = leakFailure(await scanForLeaks(dir, needles));
    expect(failure).toBeInstanceOf(ContentError);
    expect(failure!.details[0]).toMatch(/^units\/x\/index\.html 含有党内条目 .*sanhui-2026-10\.md 的内容“甲村十月三会一课内部安排/);
  });

  it('scans in passes: a file scanned earlier in the run is not read again unless its bytes changed, and hits are reported once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    put(dir, 'units/a/index.html', `<p>甲村十月三会一课内部安排 ${SENTINEL}</p>`);
    put(dir, 'units/b/index.html', '<p>另一个公开页面</p>');
    const scanner = new LeakScanner(needles);
    await scanner.scan(dir, (rel) => rel.startsWith('units/'), { yieldMs: 0 });
    // Written after the first pass: a new bundle, and a page changed in place.
    put(dir, 'pagefind/town/fragment/1.pf_fragment', gzipSync(JSON.stringify({ content: `甲村十月三会一课内部安排 ${SENTINEL}` })));
    await scanner.scan(dir, () => true, { under: 'pagefind/town' });
    put(dir, 'units/b/index.html', `<p>甲村十月三会一课内部安排 ${SENTINEL}</p>`);
    await scanner.scan(dir);
    const r = scanner.finish();
    expect(r.hits.map((h) => h.file).sort()).toEqual(['pagefind/town/fragment/1.pf_fragment', 'units/a/index.html', 'units/b/index.html']);
    expect(r.filesScanned).toBe(3);
  });

  it('reads many PDFs in worker threads, each file’s text or the reason it could not be read', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    const files = await Promise.all(
      ['甲', '乙', '丙'].map(async (name) => {
        const file = join(dir, `${name}.pdf`);
        const doc = new PDFDocument({ size: [200, 200] });
        const done = new Promise<void>((r) => doc.pipe(createWriteStream(file)).on('finish', () => r()));
        doc.registerFont('sans', join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
        doc.font('sans').text(`${name}村公开栏`);
        doc.end();
        await done;
        return file;
      }),
    );
    files.push(join(dir, 'missing.pdf'));
    const texts = await readPdfTexts(files, 2);
    expect(files.slice(0, 3).map((f) => flat((texts.get(f) as { text: string }).text))).toEqual(['甲村公开栏', '乙村公开栏', '丙村公开栏']);
    expect(texts.get(join(dir, 'missing.pdf'))).toEqual({ reason: expect.stringContaining('ENOENT') });
  });

  it('looks for the repository’s records in every page on every run, and says they are internal records', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-leak-'));
    const cacheDir = join(dir, '..', `${dir.split('/').pop()}-records`);
    const records = commitNeedles(
      { subjects: ['Fix the dues table layout', '修改'], names: ['王某某', 'Dev Person'], emails: ['dev@example.invalid'] },
      project.entries,
    );
    // A short subject and a name that public entries show (a reviewer) are no evidence of a leak.
    expect(records.map((r) => r.text).sort()).toEqual(['Dev Person', 'Fix the dues table layout', 'dev@example.invalid']);
    put(dir, 'index.html', '<p>公开页面</p>');
    expect((await scanForLeaks(dir, needles, { cacheDir, records })).hits).toEqual([]);
    // The page was clean for the entries' needles; a record written into it later is still found.
    put(dir, 'units/x/index.html', '<footer>Fix the dues table layout &middot; dev@example.invalid</footer>');
    expect((await scanForLeaks(dir, needles, { cacheDir })).hits).toEqual([]);
    const r = await scanForLeaks(dir, needles, { cacheDir, records });
    expect(r.hits.map((h) => `${h.file} ${h.kind} ${h.source}`).sort()).toEqual(['units/x/index.html git 提交信息', 'units/x/index.html git 提交者邮箱']);
    const failure = leakFailure(r)!;
    expect(failure.message).toContain('git 的内部记录（提交信息、作者或邮箱）');
    expect(failure.details[0]).toContain('（内部记录，不能公开）');
    rmSync(cacheDir, { recursive: true, force: true });
  });
});
