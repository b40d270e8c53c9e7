/** `gongkai print` as a printer's clerk runs it: some boards, usage errors in Chinese, internal handouts. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, MINI, TEMPLATES } from '../helpers.ts';

const out = mkdtempSync(join(tmpdir(), 'gongkai-print-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('gongkai print', () => {
  it('prints everything into a folder that does not exist yet, and again over it, marking nothing changed', () => {
    const fresh = join(out, 'fresh', 'dist');
    const first = cli(['print', '--content', MINI, '--out', fresh]);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(fresh, 'print/boards/b-v-demo-a.pdf'))).toBe(true);
    expect(existsSync(join(fresh, 'print/manifest.json'))).toBe(true);
    const again = cli(['print', '--content', MINI, '--out', fresh]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('与上次相比有变化 0 块');
  }, 60_000);
  it('renders only the boards asked for, without touching the manifest', () => {
    const r = cli(['print', '--content', MINI, '--out', out, '--board', 'b-t-demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('公开栏印刷文件：1 块');
    expect(existsSync(join(out, 'print/boards/b-t-demo.pdf'))).toBe(true);
    expect(existsSync(join(out, 'print/boards/b-v-demo-a.pdf'))).toBe(false);
    expect(existsSync(join(out, 'print/manifest.json'))).toBe(false);
    // 乙村 has published nothing: asked for by name, its board is still not printed, and the run says why.
    const empty = cli(['print', '--content', MINI, '--out', out, '--board', 'b-v-demo-b']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('公开栏印刷文件：0 块（新排 0，沿用缓存 0；与上次相比有变化 0 块；另有 1 块目前没有可印的内容，没有生成）');
    expect(empty.stderr).toContain('注意：1 块公开栏目前没有可印的内容，没有列入印刷清单');
    expect(existsSync(join(out, 'print/boards/b-v-demo-b.pdf'))).toBe(false);
  }, 30_000);

  it('names an unknown board and a wrong tile size as usage errors', () => {
    const a = cli(['print', '--content', MINI, '--out', out, '--board', 'b-nowhere']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('b-nowhere');
    const b = cli(['print', '--content', MINI, '--out', out, '--tile', 'A5']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('A3 或 A4');
  }, 30_000);

  it('names the template file and field when a layout block is wrong', () => {
    const templates = join(out, 'templates');
    cpSync(TEMPLATES, templates, { recursive: true });
    writeFileSync(join(templates, 'small.yaml'), readFileSync(join(templates, 'small.yaml'), 'utf8').replace('body_pt: 28', 'body_pt: -3'));
    const r = cli(['print', '--content', MINI, '--templates', templates, '--out', out, '--board', 'b-v-demo-b']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/small.yaml 的 layout.body_pt');
  }, 30_000);

  it('print --internal writes handouts outside the site folder', () => {
    const dir = join(out, 'internal');
    const r = cli(['print', '--internal', '--content', MINI, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 条党内公开内容');
    expect(existsSync(join(dir, 'v-demo-a.pdf'))).toBe(true);
  }, 30_000);
});
