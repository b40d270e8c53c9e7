/**
 * A county's own repository for journey tests: a real git repository made by `gongkai init`,
 * driven through the real CLI as the webmaster, the clerks and CI drive it — branches for
 * pull requests, merges, nightly builds on simulated days into one deployed folder that a
 * server keeps serving. Nothing here reaches into the code under test: what a step checks is
 * what a person would see (terminal output, files, pages, PDFs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../../helpers.ts';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A git identity for the robot: commits in journey repositories need one, and none is configured on CI. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: '县委办网站管理员',
  GIT_AUTHOR_EMAIL: 'webmaster@qinghe.example.cn',
  GIT_COMMITTER_NAME: '县委办网站管理员',
  GIT_COMMITTER_EMAIL: 'webmaster@qinghe.example.cn',
};

export class CountyRepo {
  /** The folder holding everything below; removed at the end. */
  readonly base: string;
  /** The county's git repository (its work tree). */
  readonly root: string;
  readonly content: string;
  /** Scratch space outside the repository (CI's summary file, previews). */
  readonly scratch: string;
  /** The deployed site: every build replaces it, the server keeps serving it. */
  readonly out: string;
  /** The build machine's cache, kept between nightly builds as a real server keeps it. */
  readonly cache: string;

  constructor(prefix = 'journey-') {
    // Under the project: Astro keeps temporary chunks in ./.astro for output folders outside it.
    mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
    this.base = mkdtempSync(join(ROOT, '.cache/test-builds', prefix));
    this.root = join(this.base, 'repo');
    mkdirSync(this.root);
    this.content = join(this.root, 'content');
    this.scratch = join(this.base, 'scratch');
    mkdirSync(this.scratch);
    this.out = join(this.base, 'dist');
    this.cache = join(this.base, 'build-cache');
    // The repository exists from the start, so no git command can reach the project's own
    // repository around it (the folder is inside it), even when a test runs alone.
    this.git('init', '-q', '-b', 'main');
  }

  /**
   * The real CLI, as `npm run gongkai -- …` runs it, on this county's content, on a given day.
   * The day moves the machine's clock (GONGKAI_CLOCK), not "today": a county's live site has no
   * as_of, and its pages must count the days themselves, as they do in production.
   */
  cli(args: string[], o: { today?: string; input?: string; env?: Record<string, string>; content?: boolean } = {}): Run {
    const withContent = o.content === false ? args : [...args, '--content', this.content];
    const env: Record<string, string | undefined> = {
      ...process.env,
      NO_COLOR: '1',
      GONGKAI_CACHE_DIR: this.cache,
      GIT_CEILING_DIRECTORIES: this.base,
      ...o.env,
    };
    delete env.GONGKAI_TODAY;
    if (o.today) env.GONGKAI_CLOCK = o.today;
    else delete env.GONGKAI_CLOCK;
    const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...withContent], { cwd: this.root, encoding: 'utf8', input: o.input, env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  git(...args: string[]): string {
    const r = spawnSync('git', ['-C', this.root, ...args], { encoding: 'utf8', env: this.gitEnv() });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** Git never looks above the county's folder for a repository (GIT_CEILING_DIRECTORIES). */
  private gitEnv(date?: string): NodeJS.ProcessEnv {
    return { ...process.env, ...GIT_ENV, GIT_CEILING_DIRECTORIES: this.base, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  }

  /** Commits everything in the work tree on the current branch, dated on the simulated day. */
  commitAll(message: string, day: string): void {
    this.git('add', '-A');
    const date = `${day}T10:00:00+08:00`;
    const r = spawnSync('git', ['-C', this.root, 'commit', '-q', '-m', message], { encoding: 'utf8', env: this.gitEnv(date) });
    if (r.status !== 0) throw new Error(`git commit failed: ${r.stdout}${r.stderr}`);
  }

  /** A clerk's pull request starts as a branch from main. */
  branch(name: string): void {
    this.git('checkout', '-q', '-b', name, 'main');
  }

  /** The reviewer approves and merges: a merge commit on main, dated on the day. */
  merge(name: string, day: string): void {
    this.git('checkout', '-q', 'main');
    const date = `${day}T16:00:00+08:00`;
    const r = spawnSync('git', ['-C', this.root, 'merge', '-q', '--no-ff', '-m', `Merge ${name}`, name], { encoding: 'utf8', env: this.gitEnv(date) });
    if (r.status !== 0) throw new Error(`git merge failed: ${r.stdout}${r.stderr}`);
  }

  write(rel: string, text: string | Uint8Array): string {
    const file = join(this.root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  read(rel: string): string {
    return readFileSync(join(this.root, rel), 'utf8');
  }

  /** The nightly build on `day` into the deployed folder; throws with the build's own words when it fails. */
  build(day: string, extra: string[] = []): Run {
    const r = this.cli(['build', '--out', this.out, ...extra], { today: day });
    if (r.code !== 0) throw new Error(`build on ${day} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
    return r;
  }

  page(path: string): string {
    return readFileSync(join(this.out, path), 'utf8');
  }

  remove(): void {
    rmSync(this.base, { recursive: true, force: true });
  }
}

/** Text of an HTML page without tags and white space, as a reader sees it in one line. */
export const visibleText = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, '');
