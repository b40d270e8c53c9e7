/**
 * A county's own repository: `init` in an empty folder lays it out (package.json pinning Gongkai
 * and Node.js, CI files for the forge, templates/ for overrides only); a template put there
 * replaces Gongkai's of that name alone; its first build says nothing in English and /admin/ has
 * its icon; content of the previous format is refused with the command that fixes it, migrated
 * (dry run, then --write) and compared across the migration by release notes; a newer format
 * than the installed Gongkai is refused; `standalone` moves a clone of Gongkai over in place;
 * `deploy` replaces a served folder with a new build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COUNTY_SCRIPTS } from '../../src/domain/county-repo-files.ts';
import { CONTENT_FORMAT } from '../../src/domain/migrations/migrations.ts';
import { layeredTemplates } from '../../src/load/load-registries.ts';
import { Reporter } from '../../src/load/source-file.ts';
import { previousFormatSite } from '../fixtures/previous-format.ts';
import { cli, MINI, put, ROOT, TEMPLATES, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-county-repo-');
const INIT = ['--county', '清河县', '--url', 'https://dwgk.qinghe.gov.cn/', '--phone', '0312-8123456', '--office', '@qinghe-dwgk'];
/** site.yaml of the mini county as Gongkai 0.1.0 had it. */
const OLD_SITE = previousFormatSite(MINI);

const gitIn =
  (dir: string) =>
  (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Qinghe Webmaster', '-c', 'user.email=dwgk@qinghe.example.cn', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CEILING_DIRECTORIES: join(dir, '..') },
    });

describe('gongkai init in an empty folder', () => {
  const dir = temp();
  const r = cli(['init', '--dir', dir, '--forge', 'gitlab', ...INIT]);

  it('makes the county’s own repository: content, package.json pinning this Gongkai and Node.js, CI for the forge, templates for overrides', () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('是本县自己的仓库：已写 package.json、.gitignore、README.md、templates/README.md、.gitlab-ci.yml');
    expect(r.stdout).toContain('npm install');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'dwgk-qinghe', private: true, dependencies: { gongkai: own.version, node: own.devDependencies.node } });
    expect(pkg.scripts).toEqual(COUNTY_SCRIPTS);
    expect(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')).toBe(readFileSync(join(ROOT, '.gitlab/ci.yml'), 'utf8'));
    expect(existsSync(join(dir, '.github/workflows'))).toBe(false);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
    // templates/ holds only its README: every template comes from the installed Gongkai.
    expect(existsSync(join(dir, 'templates/README.md'))).toBe(true);
    expect(existsSync(join(dir, 'templates/village.yaml'))).toBe(false);
    expect(parse(readFileSync(join(dir, 'content/site.yaml'), 'utf8'))).toMatchObject({ format_version: CONTENT_FORMAT, print: { bleed_mm: 3 } });
  });

  it('writes GitHub’s workflows for github and gitea, and keeps files already there', () => {
    const other = temp();
    put(other, 'README.md', '# 本县自己的说明\n');
    const g = cli(['init', '--dir', other, '--forge', 'gitea', '--gongkai', 'https://git.example.cn/gongkai-0.2.0.tgz', ...INIT]);
    expect(g.code).toBe(0);
    expect(g.stdout).toContain('已经有的文件没有改动：README.md');
    expect(readFileSync(join(other, 'README.md'), 'utf8')).toBe('# 本县自己的说明\n');
    expect(existsSync(join(other, '.github/workflows/pull-request.yml'))).toBe(true);
    expect(existsSync(join(other, '.github/workflows/publish.yml'))).toBe(true);
    expect(JSON.parse(readFileSync(join(other, 'package.json'), 'utf8')).dependencies.gongkai).toBe('https://git.example.cn/gongkai-0.2.0.tgz');
  });

  it('takes a template the county puts in templates/ instead of Gongkai’s of that name, and Gongkai’s for the rest', () => {
    const shipped = readFileSync(join(ROOT, 'templates/village.yaml'), 'utf8');
    put(dir, 'templates/village.yaml', shipped.replace(/^name: .*$/m, 'name: 清河县村级公开栏'));
    const report = new Reporter((f) => f);
    const layered = layeredTemplates(join(dir, 'templates'), report);
    expect(report.diagnostics).toEqual([]);
    expect(layered.get('village')!.name).toBe('清河县村级公开栏');
    expect(layered.get('town')).toEqual(layeredTemplates(TEMPLATES, report).get('town'));
    expect([...layered.keys()]).toEqual(['card', 'card-a6', 'card-third-a4', 'county-unit', 'large', 'small', 'town', 'village']);
    const check = cli(['check', '--content', join(dir, 'content')]);
    expect(check.stdout).toContain('没有发现问题');
    expect(check.code).toBe(0);
  });
});

describe('content of the previous format', () => {
  const repo = temp();
  const content = join(repo, 'content');
  const git = gitIn(repo);
  const run = (...args: string[]) => cli([...args, '--content', content], repo);

  it('is refused by check and build with one error naming migrate, before anything else is read', () => {
    execFileSync('cp', ['-r', MINI, content]);
    writeFileSync(join(content, 'site.yaml'), OLD_SITE);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', '0.1.0 的内容');
    git('tag', 'v1');
    const r = run('check');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('错误[content-format-old] 内容还是 Gongkai 0.1.0 的格式');
    expect(r.stdout).toContain('npm run gongkai -- migrate');
    expect(r.stdout).toMatch(/发现 1 个错误、0 个警告/);
  });

  it('is migrated: a dry run lists every changed line and writes nothing, --write changes exactly that', () => {
    const dry = run('migrate');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('内容格式：0.1.0 → 0.2.0');
    expect(dry.stdout).toContain('要改的文件（1 个）：');
    expect(dry.stdout).toMatch(/content\/site\.yaml\n {4}· 0\.2\.0：defaults\.bleed_mm: 3 移到 print\.bleed_mm/);
    expect(dry.stdout).toContain('-  bleed_mm: 3 # 印刷出血（毫米）');
    expect(dry.stdout).toContain('这是试运行，没有写入任何文件');
    expect(readFileSync(join(content, 'site.yaml'), 'utf8')).toBe(OLD_SITE);
    const wet = run('migrate', '--write');
    expect(wet.code).toBe(0);
    expect(wet.stdout).toContain('✓ 已改好 1 个文件');
    // The mini fixture is in the current format: the migration gives exactly it.
    expect(readFileSync(join(content, 'site.yaml'), 'utf8')).toBe(readFileSync(join(MINI, 'site.yaml'), 'utf8'));
    expect(run('check').code).toBe(0);
    expect(run('migrate').stdout).toContain('不需要迁移');
  });

  it('is compared across the migration by release notes: the older revision is read as migrated', () => {
    git('add', '-A');
    git('commit', '-qm', '迁移到 0.2.0');
    const r = run('release-notes', 'v1', 'HEAD', '--today', '2026-11-28');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('两个版本之间没有需要重新印刷的公开栏和明白卡。');
    expect(r.stderr).not.toContain('错误');
    expect(r.stdout).not.toContain('错误');
  });

  it('newer than the installed Gongkai is refused, by check and by migrate, with what to install', () => {
    const newer = temp();
    execFileSync('cp', ['-r', MINI, join(newer, 'content')]);
    const site = join(newer, 'content/site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(`format_version: ${CONTENT_FORMAT}`, 'format_version: 9.0.0'));
    const check = cli(['check', '--content', join(newer, 'content')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('错误[gongkai-too-old] 内容是按 Gongkai 9.0.0 的格式写的');
    expect(check.stdout).toContain('npm ci');
    const migrate = cli(['migrate', '--write', '--content', join(newer, 'content')]);
    expect(migrate.code).toBe(1);
    expect(readFileSync(site, 'utf8')).toContain('format_version: 9.0.0');
  });
});

/** What a county that followed the 0.1.0 guide has: Gongkai's files, its own content and CODEOWNERS, one template changed, the guide's publish.yml, all committed. */
function makeFork(): string {
  const fork = temp();
  for (const f of [
    'src/cli/main.ts',
    'test/helpers.ts',
    'scripts/bench.ts',
    '.ci/run',
    'astro.config.mjs',
    'tsconfig.json',
    'package-lock.json',
    '.gitlab/ci.yml',
  ])
    put(fork, f, readFileSync(join(ROOT, f)));
  put(fork, 'package.json', JSON.stringify({ name: 'gongkai', version: '0.1.0' }));
  for (const t of ['village.yaml', 'town.yaml', 'card.yaml']) put(fork, `templates/${t}`, readFileSync(join(ROOT, 'templates', t)));
  put(fork, 'templates/small.yaml', readFileSync(join(ROOT, 'templates/small.yaml'), 'utf8').replace(/^name: .*$/m, 'name: 清河县小型公开栏'));
  put(fork, '.github/workflows/publish.yml', 'name: 发布网站\non: push\njobs: {}\n');
  put(fork, 'print/印刷厂.icc', 'profile');
  execFileSync('cp', ['-r', MINI, join(fork, 'content')]);
  writeFileSync(join(fork, 'content/site.yaml'), OLD_SITE.replace('county: 示范县', 'county: 清河县'));
  const git = gitIn(fork);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', '克隆 Gongkai 时的本县仓库');
  return fork;
}

describe('gongkai standalone: a clone of Gongkai becomes the county’s own repository', () => {
  const fork = makeFork();
  const git = gitIn(fork);
  const site = join(fork, 'content/site.yaml');

  it('lists what it removes, keeps and replaces on a dry run, and changes nothing', () => {
    const r = cli(['standalone', '--dir', fork]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('删除 Gongkai 自己的文件（8 处）：.ci、.gitlab/ci.yml、astro.config.mjs、package-lock.json、scripts、src、test、tsconfig.json');
    expect(r.stdout).toContain('删除与 Gongkai 相同的版式（用安装的 Gongkai 自带的）：templates/card.yaml、templates/town.yaml、templates/village.yaml');
    expect(r.stdout).toContain('保留本县改过或新加的版式：templates/small.yaml');
    expect(r.stdout).toContain('换成本县仓库的版本：package.json、.github/workflows/publish.yml');
    expect(r.stdout).toContain('这是试运行');
    expect(git('status', '--porcelain')).toBe('');
  });

  it('moves over with --write, keeping the content, its history and the county’s own files', () => {
    const r = cli(['standalone', '--dir', fork, '--write']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run gongkai -- migrate');
    for (const gone of ['src', 'test', 'scripts', '.ci', 'astro.config.mjs', 'package-lock.json', 'templates/village.yaml'])
      expect(existsSync(join(fork, gone)), gone).toBe(false);
    for (const kept of ['content/units.yaml', 'print/印刷厂.icc', 'templates/small.yaml', 'templates/README.md', '.github/workflows/pull-request.yml'])
      expect(existsSync(join(fork, kept)), kept).toBe(true);
    expect(JSON.parse(readFileSync(join(fork, 'package.json'), 'utf8')).dependencies.gongkai).toBeTruthy();
    expect(readFileSync(join(fork, '.github/workflows/publish.yml'), 'utf8')).toContain('npm run deploy');
    expect(readFileSync(site, 'utf8')).toBe(OLD_SITE.replace('county: 示范县', 'county: 清河县'));
    expect(git('log', '--format=%s')).toContain('克隆 Gongkai 时的本县仓库');
  });

  it('refuses a repository with uncommitted changes, and a folder that is not a clone of Gongkai', () => {
    const other = makeFork();
    put(other, 'content/pages/draft.mdx', '---\ntitle: 草稿\n---\n');
    const dirty = cli(['standalone', '--dir', other]);
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain('没提交的改动');
    const plain = temp();
    expect(cli(['standalone', '--dir', plain]).stderr).toContain('不是克隆 Gongkai 的仓库');
  });
});

describe('gongkai deploy into a served folder', () => {
  it('copies a new build over the old one and removes what the new build no longer has', () => {
    const base = temp();
    const dist = join(base, 'dist');
    const served = join(base, 'srv');
    put(dist, 'index.html', '<h1>第一次</h1>');
    put(dist, 'units/v-a/old-entry/index.html', '撤下的条目');
    expect(cli(['deploy', dist, '--to', served]).stdout).toContain('✓ 已发布：2 个文件');
    rmSync(join(dist, 'units'), { recursive: true });
    put(dist, 'index.html', '<h1>第二次</h1>');
    put(dist, 'search/index.html', '搜索');
    const r = cli(['deploy', dist], ROOT, undefined, { DEPLOY_TARGET: served });
    expect(r.code).toBe(0);
    expect(readFileSync(join(served, 'index.html'), 'utf8')).toBe('<h1>第二次</h1>');
    expect(existsSync(join(served, 'search/index.html'))).toBe(true);
    expect(existsSync(join(served, 'units'))).toBe(false);
  });

  it('refuses a folder without a built site, and says when no target is set', () => {
    const empty = temp();
    expect(cli(['deploy', empty, '--to', join(empty, 'srv')]).code).toBe(1);
    const none = cli(['deploy', empty], ROOT, undefined, { DEPLOY_TARGET: '' });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('没有复制到服务器');
  });
});

describe('a new county’s first build', { timeout: 120_000 }, () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('says nothing in English, and /admin/ links an icon the site has', () => {
    const dir = temp();
    expect(cli(['init', '--dir', dir, '--forge', 'github', ...INIT]).code).toBe(0);
    mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
    const out = join(mkdtempSync(join(ROOT, '.cache/test-builds/county-')), 'dist');
    made.push(join(out, '..'));
    const r = cli(['build', '--content', join(dir, 'content'), '--out', out], ROOT, undefined, { GONGKAI_CACHE_DIR: join(dir, '.cache') });
    expect(r.code).toBe(0);
    const said = `${r.stdout}\n${r.stderr}`.split('\n');
    expect(said.filter((l) => /\[(WARN|ERROR)\]|\b(the|is|does|not|please|warning|error|deprecated)\b/i.test(l))).toEqual([]);
    const admin = readFileSync(join(out, 'admin/index.html'), 'utf8');
    const icon = /<link rel="icon" href="\/([^"]+)"/.exec(admin)?.[1];
    expect(icon).toBe('favicon.svg');
    expect(existsSync(join(out, icon!))).toBe(true);
  });
});
