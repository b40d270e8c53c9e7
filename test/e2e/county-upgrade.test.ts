/**
 * A county upgrades Gongkai as a dependency, on a bare machine with npm only. Gongkai is packed
 * (`npm pack`, which compiles lib/) into a tarball; a county repository is created from it the way
 * the webmaster's guide says (`npm exec` of the tarball's `gongkai init` in an empty folder,
 * outside this project); its content is put in the previous format (Gongkai 0.1.0's site.yaml,
 * with the mini county's units, boards and entries) and its package.json pinned to 0.1.0, as a
 * county has it before the upgrade. The upgrade: the pin bumped to the tarball, `npm install`;
 * the build stops and names `migrate`; `migrate` lists the change and writes nothing, `--write`
 * makes it; the build then makes the site and the boards' PDFs with the installed, compiled
 * Gongkai. Each step's time is printed (CI's log keeps them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previousFormatSite } from '../fixtures/previous-format.ts';
import { MINI, ROOT } from '../helpers.ts';

const base = mkdtempSync(join(tmpdir(), 'gongkai-upgrade-'));
const county = join(base, 'qinghe-dwgk');
const timings: [string, number][] = [];
afterAll(() => {
  console.log(`county upgrade, step by step:\n${timings.map(([s, t]) => `  ${t.toFixed(1).padStart(6)} s  ${s}`).join('\n')}`);
  rmSync(base, { recursive: true, force: true });
}, 120_000); // node_modules of a county is ~0.8 GB

/** The environment of a webmaster's shell: none of the npm variables of the test run itself. */
const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', GIT_CEILING_DIRECTORIES: tmpdir(), GONGKAI_TODAY: '2026-11-28' };
  for (const k of Object.keys(e)) if (k.startsWith('npm_') || k === 'INIT_CWD') delete e[k];
  return e;
};

function step(label: string, cmd: string, args: string[], cwd: string) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, env: env(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  timings.push([label, (performance.now() - started) / 1000]);
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const pin = (spec: string) => {
  const file = join(county, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.dependencies.gongkai = spec;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
};

describe('a county created from the packed Gongkai upgrades, migrates and builds', { timeout: 600_000 }, () => {
  let tarball = '';
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const node = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: { node: string } }).devDependencies.node;

  it('packs Gongkai with its compiled JavaScript', () => {
    const r = step('npm pack (compiles lib/)', 'npm', ['pack', '--silent', '--pack-destination', base], ROOT);
    expect(r.code).toBe(0);
    tarball = join(base, `gongkai-${version}.tgz`);
    expect(existsSync(tarball)).toBe(true);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    for (const f of [
      'package/lib/cli/main.js',
      'package/bin/gongkai.js',
      'package/src/pages/index.astro',
      'package/templates/village.yaml',
      'package/scaffold/publish.yml',
      'package/CHANGELOG.md',
    ])
      expect(files).toContain(f);
    expect(files).not.toContain('package/content/entries/');
    expect(existsSync(join(ROOT, 'lib'))).toBe(false);
  });

  it('creates the county repository in an empty folder, as the guide says', () => {
    execFileSync('mkdir', ['-p', county]);
    const r = step(
      'npm exec gongkai init (from the tarball)',
      'npm',
      [
        'exec',
        '--yes',
        '--prefer-offline',
        `--package=node@${node}`,
        `--package=${tarball}`,
        '--',
        'gongkai',
        'init',
        '--county',
        '清河县',
        '--url',
        'https://dwgk.qinghe.gov.cn/',
        '--phone',
        '0312-8123456',
        '--forge',
        'github',
        '--office',
        '@qinghe-dwgk',
        '--gongkai',
        `file:${tarball}`,
      ],
      county,
    );
    expect(r.out).toContain('是本县自己的仓库');
    expect(r.code).toBe(0);
    for (const f of ['package.json', 'content/site.yaml', '.github/workflows/publish.yml', '.github/workflows/pull-request.yml', 'templates/README.md'])
      expect(existsSync(join(county, f)), f).toBe(true);
  });

  it('holds content in the previous format, pinned to Gongkai 0.1.0, committed', () => {
    for (const f of ['units.yaml', 'boards.yaml', 'entries', 'requests', 'pages'])
      cpSync(join(MINI, f), join(county, 'content', f), { recursive: true, force: true });
    writeFileSync(join(county, 'content/site.yaml'), previousFormatSite(MINI));
    pin('0.1.0');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Qinghe Webmaster', '-c', 'user.email=dwgk@qinghe.example.cn', ...args], { cwd: county, env: env() });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    // The author's name is git metadata: the build's leak scan refuses it anywhere in the site, so it is not a word the site uses.
    git('commit', '-qm', '本县仓库（Gongkai 0.1.0 的内容格式）');
  });

  it('upgrades: the pin bumped to the new version, installed', () => {
    pin(`file:${tarball}`);
    const r = step('npm install --prefer-offline (the upgrade)', 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], county);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(county, 'node_modules/gongkai/package.json'), 'utf8')).version).toBe(version);
    expect(existsSync(join(county, 'package-lock.json'))).toBe(true);
  });

  it('stops the build on content of the previous format, naming migrate in Chinese', () => {
    const r = step('npm run build (refused: previous format)', 'npm', ['run', 'build'], county);
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误[content-format-old] 内容还是 Gongkai 0.1.0 的格式');
    expect(r.out).toContain('npm run gongkai -- migrate');
    expect(existsSync(join(county, 'dist'))).toBe(false);
  });

  it('migrates: a dry run first, listing the file and its lines, then --write', () => {
    const before = readFileSync(join(county, 'content/site.yaml'), 'utf8');
    const dry = step('npm run migrate (dry run)', 'npm', ['run', 'migrate'], county);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('要改的文件（1 个）：');
    expect(dry.out).toContain('content/site.yaml');
    expect(dry.out).toContain('这是试运行，没有写入任何文件');
    expect(readFileSync(join(county, 'content/site.yaml'), 'utf8')).toBe(before);
    const wet = step('npm run migrate -- --write', 'npm', ['run', 'migrate', '--', '--write'], county);
    expect(wet.code).toBe(0);
    expect(readFileSync(join(county, 'content/site.yaml'), 'utf8')).toBe(readFileSync(join(MINI, 'site.yaml'), 'utf8'));
  });

  it('builds the site and the print files with the installed Gongkai, saying nothing in English', () => {
    const r = step('npm run build', 'npm', ['run', 'build'], county);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('✓ 已生成：dist');
    expect(r.out.split('\n').filter((l) => /\[(WARN|ERROR)\]|\b(the|does|please|warning|deprecated)\b/i.test(l))).toEqual([]);
    for (const f of ['index.html', 'admin/index.html', 'favicon.svg', 'print/manifest.json', 'print/boards/b-v-demo-a.pdf'])
      expect(existsSync(join(county, 'dist', f)), f).toBe(true);
    expect(readFileSync(join(county, 'dist/units/v-demo-a/index.html'), 'utf8')).toContain('甲村');
  });
});
