/** `gongkai diff` on a fixture repository with real commits. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, MINI, put } from '../helpers.ts';

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gongkai-diff-'));
  cpSync(MINI, join(repo, 'content'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  appendFileSync(join(repo, 'content/entries/v-demo-a/2026/dues-2026-h1.md'), '\n补充说明：表中金额已核对。\n');
  git('commit', '-qam', 'change one village entry');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('gongkai diff', () => {
  it('names exactly the village board and card for a change to one village entry', () => {
    const r = cli(['diff', 'HEAD~1', '--head', 'HEAD', '--content', join(repo, 'content'), '--format', 'json'], repo);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.entries).toEqual([{ unit: 'v-demo-a', slug: 'dues-2026-h1', path: 'content/entries/v-demo-a/2026/dues-2026-h1.md', status: 'modified' }]);
    expect(j.boards).toEqual(['b-v-demo-a']);
    expect(j.cards).toEqual(['v-demo-a']);
  });

  it('writes a Chinese Markdown summary with the board, its preview and the check result', () => {
    put(repo, 'dist/print/previews/b-v-demo-a.png', 'png');
    const r = cli(
      [
        'diff',
        'HEAD~1',
        '--head',
        'HEAD',
        '--content',
        join(repo, 'content'),
        '--format',
        'markdown',
        '--dist',
        join(repo, 'dist'),
        '--preview-url',
        'https://preview.example/print/previews',
      ],
      repo,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('✅ 内容检查通过');
    expect(r.stdout).toContain('- 需要重新印刷的公开栏 1 块：\n  - b-v-demo-a：甲村党支部，村委会门前广场，2400×1200 毫米');
    expect(r.stdout).toContain('![b-v-demo-a 预览](https://preview.example/print/previews/b-v-demo-a.png)');
  });

  it('includes uncommitted and untracked work, and lists errors with fixes', () => {
    put(repo, 'content/entries/v-demo-b/2026/new.md', '---\ntitle: 乙村\nitem: dues-collection\ndate: 2026-02-30\n---\n');
    const r = cli(['diff', 'HEAD', '--content', join(repo, 'content'), '--format', 'markdown'], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('❌ 发现');
    expect(r.stdout).toContain('| content/entries/v-demo-b/2026/new.md 第4行 |');
    expect(r.stdout).toContain('b-v-demo-b');
    rmSync(join(repo, 'content/entries/v-demo-b/2026/new.md'));
  });

  it('says so when the base does not exist', () => {
    const r = cli(['diff', 'no-such-branch', '--content', join(repo, 'content')], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到版本“no-such-branch”');
  });
});
