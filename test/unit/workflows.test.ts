/** The pull-request workflows parse and have the shape their engines require. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.ts';

const load = (p: string) => parse(readFileSync(join(ROOT, p), 'utf8'), { uniqueKeys: true }) as Record<string, any>;

describe('GitHub / Gitea / Forgejo Actions workflow', () => {
  const wf = load('.github/workflows/pull-request.yml');
  it('runs on pull requests with steps that each use an action or run a command', () => {
    expect(wf.on.pull_request).toBeDefined();
    const steps = wf.jobs.check.steps as Record<string, unknown>[];
    expect(wf.jobs.check['runs-on']).toBeTruthy();
    for (const s of steps) expect(Boolean(s.uses) !== Boolean(s.run)).toBe(true);
    const commands = steps.map((s) => String(s.run ?? '')).join('\n');
    for (const c of ['npm ci', 'npm run check', 'npm run build', 'diff', 'GITHUB_STEP_SUMMARY', '/issues/$PR/comments']) expect(commands).toContain(c);
  });
  it('still writes the summary when the check fails', () => {
    const summary = (wf.jobs.check.steps as Record<string, unknown>[]).find((s) => s.name === '中文摘要')!;
    expect(summary.if).toBe('always()');
  });
});

describe('GitLab CI', () => {
  const ci = load('.gitlab/ci.yml');
  it('runs the same steps on merge requests', () => {
    expect(ci.workflow.rules[0].if).toContain('merge_request_event');
    const job = ci.check;
    expect([...job.before_script, ...job.script].join('\n')).toMatch(/npm ci[\s\S]*npm run check[\s\S]*npm run build/);
    expect(job.after_script.join('\n')).toContain('--format markdown');
    expect(job.artifacts.when).toBe('always');
  });
});

describe('what a build machine needs', () => {
  it('is Node.js and npm only: no workflow and no CI step installs system packages', () => {
    for (const file of [
      '.ci/run',
      '.github/workflows/pull-request.yml',
      '.github/workflows/build-sharded.yml',
      '.gitlab/ci.yml',
      '.gitlab/build-sharded.yml',
    ]) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/apt-get|apt install|yum |apk add/);
    }
  });
});

describe('the example build workflows', () => {
  it('rebuild every day, so what boards show "now", notices and request deadlines follow the calendar', () => {
    const wf = load('.github/workflows/build-sharded.yml');
    expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(readFileSync(join(ROOT, '.gitlab/build-sharded.yml'), 'utf8')).toContain('Pipeline schedules');
  });
});
