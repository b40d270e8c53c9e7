/**
 * The CI files run as written, on GitHub, Gitea/Forgejo and GitLab: they parse; every `npm run X`
 * they name is a script of the package.json that runs them (Gongkai's own, and a county
 * repository's that `init` writes, for the files counties get); each trigger starts one build;
 * GitLab's pipeline rules admit every job's and the nightly schedule; publishing copies with
 * `gongkai deploy` (tar and ssh) and nothing installs system packages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { COUNTY_SCRIPTS, scaffoldFiles } from '../../src/domain/county-repo-files.ts';
import { ROOT } from '../helpers.ts';

type Yaml = Record<string, any>;
type Runner = 'gongkai' | 'county';

/** Every CI file in the repository, and whose package.json runs it: Gongkai's, a county's (copied by init), or both. */
const CI_FILES: { path: string; kind: 'github' | 'gitlab'; runBy: Runner[] }[] = [
  { path: '.github/workflows/pull-request.yml', kind: 'github', runBy: ['gongkai', 'county'] },
  { path: '.github/workflows/build-sharded.yml', kind: 'github', runBy: ['gongkai', 'county'] },
  { path: 'scaffold/publish.yml', kind: 'github', runBy: ['county'] },
  { path: '.gitlab/ci.yml', kind: 'gitlab', runBy: ['gongkai', 'county'] },
  { path: '.gitlab/build-sharded.yml', kind: 'gitlab', runBy: ['gongkai', 'county'] },
];

const SCRIPTS: Record<Runner, Set<string>> = {
  gongkai: new Set(Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts)),
  county: new Set(Object.keys(COUNTY_SCRIPTS)),
};

function load(path: string): Yaml {
  const doc = parseDocument(readFileSync(join(ROOT, path), 'utf8'), { uniqueKeys: true, prettyErrors: true });
  expect(
    [...doc.errors, ...doc.warnings].map((e) => e.message),
    path,
  ).toEqual([]);
  return doc.toJS() as Yaml;
}

/** The shell lines of a GitHub workflow's steps, or of a GitLab job (its own and the default scripts). */
const githubCommands = (wf: Yaml): string[] =>
  Object.values(wf.jobs as Record<string, Yaml>).flatMap((j) => (j.steps as Yaml[]).map((s) => String(s.run ?? '')));
const gitlabJobs = (ci: Yaml): [string, Yaml][] =>
  Object.entries(ci).filter(
    ([k, v]) => !['workflow', 'default', 'stages', 'include', 'variables'].includes(k) && !k.startsWith('.') && v && typeof v === 'object',
  );
const gitlabCommands = (ci: Yaml, job: Yaml): string[] =>
  [ci.default?.before_script, job.before_script, job.script, job.after_script].flatMap((s) => (Array.isArray(s) ? s.map(String) : []));
const commandsOf = (f: (typeof CI_FILES)[number], y: Yaml) =>
  f.kind === 'github' ? githubCommands(y) : gitlabJobs(y).flatMap(([, j]) => gitlabCommands(y, j));

/** `npm run X`, `npm run --silent X`, `npm run -s X`: the script names a command line runs. */
export const npmRuns = (line: string): string[] => [...line.matchAll(/\bnpm run(?:\s+(?:--silent|-s))?\s+([\w:.-]+)/g)].map((m) => m[1]!);

const builds = (lines: string[]) => lines.some((l) => /\bnpm run build\b/.test(l));

describe('CI files', () => {
  it('are all listed here, so none escapes the checks below', () => {
    const found = [
      ...readdirSync(join(ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`),
      ...readdirSync(join(ROOT, '.gitlab'))
        .filter((f) => f.endsWith('.yml'))
        .map((f) => `.gitlab/${f}`),
      ...readdirSync(join(ROOT, 'scaffold'))
        .filter((f) => f.endsWith('.yml'))
        .map((f) => `scaffold/${f}`),
    ];
    expect(found.sort()).toEqual(CI_FILES.map((f) => f.path).sort());
    // Every CI file init copies into a county repository is one of them.
    for (const forge of ['github', 'gitlab', 'gitea'] as const)
      for (const [from] of scaffoldFiles(forge).filter(([, to]) => to.endsWith('.yml'))) expect(CI_FILES.map((f) => f.path)).toContain(from);
  });

  for (const f of CI_FILES) {
    it(`${f.path}: parses, and every npm run it names is a script of ${f.runBy.join(' and ')}'s package.json`, () => {
      const lines = commandsOf(f, load(f.path));
      const named = lines.flatMap(npmRuns);
      expect(named.length).toBeGreaterThan(0);
      for (const runner of f.runBy)
        expect(
          named.filter((n) => !SCRIPTS[runner].has(n)),
          runner,
        ).toEqual([]);
    });
  }

  it('finds the scripts a command line names (the check above is not vacuous)', () => {
    expect(npmRuns('npm ci && npm run build -- --shard 1/3')).toEqual(['build']);
    expect(npmRuns('npm run --silent gongkai -- diff x; npm run -s print:internal')).toEqual(['gongkai', 'print:internal']);
    expect(SCRIPTS.county.has('nosuch')).toBe(false);
  });

  it('install nothing from the system: no apt-get, no rsync (a bare runner has Node.js, npm, git, tar and ssh)', () => {
    for (const file of ['.ci/run', ...CI_FILES.map((f) => f.path)]) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/^\s*#.*$/gm, '');
      expect(text, file).not.toMatch(/apt-get|apt install|yum |apk add|\brsync\b|\bscp\b/);
    }
  });
});

describe('GitHub / Gitea / Forgejo Actions', () => {
  const pr = load('.github/workflows/pull-request.yml');

  it('every job names its runner and a time limit, every step either uses an action or runs a command', () => {
    for (const f of CI_FILES.filter((x) => x.kind === 'github')) {
      for (const [name, job] of Object.entries(load(f.path).jobs as Record<string, Yaml>)) {
        expect(job['runs-on'], `${f.path} ${name}`).toBeTruthy();
        expect(job['timeout-minutes'], `${f.path} ${name}`).toBeGreaterThan(0);
        for (const s of job.steps as Yaml[]) expect(Boolean(s.uses) !== Boolean(s.run), `${f.path} ${name}`).toBe(true);
      }
    }
  });

  it('checks pull requests: install, check, build, the Chinese summary even when the check fails, and the comment', () => {
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    const commands = githubCommands(pr).join('\n');
    for (const c of ['npm ci', 'npm run check', 'npm run build', 'diff', 'GITHUB_STEP_SUMMARY', '/issues/$PR/comments']) expect(commands).toContain(c);
    const summary = (pr.jobs.check.steps as Yaml[]).find((s) => s.name === '中文摘要')!;
    expect(summary.if).toBe('always()');
    // Gitea before 1.26 refuses upload-artifact@v4: the previews are a convenience, not the check.
    const upload = (pr.jobs.check.steps as Yaml[]).find((s) => String(s.uses).startsWith('actions/upload-artifact'))!;
    expect(upload['continue-on-error']).toBe(true);
  });

  /** Trigger → workflows that build on it, for the workflows one repository holds. */
  function buildsPerTrigger(paths: string[]): Map<string, string[]> {
    const per = new Map<string, string[]>();
    for (const p of paths) {
      const wf = load(p);
      if (!builds(githubCommands(wf))) continue;
      for (const trigger of Object.keys(wf.on)) per.set(trigger, [...(per.get(trigger) ?? []), p]);
    }
    return per;
  }

  it('start one build per trigger, in Gongkai’s repository and in a county’s that init makes', () => {
    const gongkai = readdirSync(join(ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`);
    const county = scaffoldFiles('github')
      .filter(([, to]) => to.startsWith('.github/workflows/'))
      .map(([from]) => from);
    for (const repo of [gongkai, county]) for (const [trigger, files] of buildsPerTrigger(repo)) expect(files, trigger).toHaveLength(1);
    expect([...buildsPerTrigger(county).keys()].sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
  });

  it('publish every night and after each merge, one publish at a time, copying with gongkai deploy', () => {
    const publish = load('scaffold/publish.yml');
    expect(publish.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(publish.on.push.branches).toEqual(['main']);
    expect(publish.concurrency).toMatchObject({ group: 'publish', 'cancel-in-progress': false });
    const steps = publish.jobs.publish.steps as Yaml[];
    expect(steps.at(-1)!.run).toBe('npm run deploy');
    expect(steps.at(-1)!.env).toMatchObject({ DEPLOY_TARGET: '${{ secrets.DEPLOY_TARGET }}', DEPLOY_KEY: '${{ secrets.DEPLOY_KEY }}' });
    // The sharded example builds only when started by hand: beside publish.yml it would build everything twice.
    expect(Object.keys(load('.github/workflows/build-sharded.yml').on)).toEqual(['workflow_dispatch']);
    expect(githubCommands(load('.github/workflows/build-sharded.yml')).join('\n')).toContain('npm run gongkai -- deploy dist');
  });
});

describe('GitLab CI', () => {
  const ci = load('.gitlab/ci.yml');
  const sharded = load('.gitlab/build-sharded.yml');
  const admitted = new Set((ci.workflow.rules as Yaml[]).map((r) => String(r.if)));
  const ifs = (job: Yaml) => (job.rules as Yaml[] | undefined)?.map((r) => String(r.if));

  /** Pipeline (by the rule that admits it) → jobs that build in it. */
  function buildsPerPipeline(jobs: [string, Yaml][], file: Yaml): Map<string, string[]> {
    const per = new Map<string, string[]>();
    for (const [name, job] of jobs) {
      if (!builds(gitlabCommands(file, job))) continue;
      for (const rule of ifs(job) ?? [...admitted]) per.set(rule, [...(per.get(rule) ?? []), name]);
    }
    return per;
  }

  it('admits merge requests, the nightly schedule, runs started by hand and merges to the default branch', () => {
    expect([...admitted]).toEqual([
      '$CI_PIPELINE_SOURCE == "merge_request_event"',
      '$CI_PIPELINE_SOURCE == "schedule"',
      '$CI_PIPELINE_SOURCE == "web"',
      '$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
    ]);
    expect(readFileSync(join(ROOT, '.gitlab/ci.yml'), 'utf8')).toContain('Pipeline schedules');
  });

  it('gives every job rules its pipelines admit, and every admitted pipeline a job', () => {
    const jobs = [...gitlabJobs(ci), ...gitlabJobs(sharded)];
    for (const [name, job] of jobs) {
      expect(ifs(job), name).toBeDefined();
      for (const rule of ifs(job)!) expect(admitted.has(rule), `${name}: ${rule}`).toBe(true);
    }
    for (const rule of admitted)
      expect(
        gitlabJobs(ci).some(([, j]) => ifs(j)!.includes(rule)),
        rule,
      ).toBe(true);
  });

  it('checks merge requests and publishes the rest, one build per pipeline, also with the sharded build in place of publish', () => {
    const per = buildsPerPipeline(gitlabJobs(ci), ci);
    expect(per.get('$CI_PIPELINE_SOURCE == "merge_request_event"')).toEqual(['check']);
    for (const rule of [...admitted].slice(1)) expect(per.get(rule), rule).toEqual(['publish']);
    const swapped: [string, Yaml][] = [...gitlabJobs(ci).filter(([n]) => n !== 'publish'), ...gitlabJobs(sharded)];
    const perSwapped = buildsPerPipeline(swapped, { ...ci, ...sharded });
    for (const rule of admitted) expect(perSwapped.get(rule), rule).toHaveLength(1);
    // Included into ci.yml, the sharded file's stages must still hold the jobs' default stage (test).
    for (const [name, job] of swapped) expect(sharded.stages, name).toContain(job.stage ?? 'test');
  });

  it('runs the same steps as GitHub on merge requests, and publishes with gongkai deploy, one at a time', () => {
    const check = ci.check;
    expect(gitlabCommands(ci, check).join('\n')).toMatch(/npm ci[\s\S]*npm run check[\s\S]*npm run build/);
    expect(check.after_script.join('\n')).toContain('--format markdown');
    expect(check.artifacts.when).toBe('always');
    expect(ci.publish.script).toEqual(['npm run build', 'npm run gongkai -- deploy dist']);
    expect(ci.publish.resource_group).toBe('publish');
    expect(sharded.merge.script.at(-1)).toBe('npm run gongkai -- deploy dist');
    // The image has git, tar and ssh: nothing else is needed to publish.
    expect(ci.default.image).toMatch(/^node:\d+-bookworm$/);
  });
});
