/**
 * `gongkai build --shard i/n` + `gongkai merge` give byte for byte what one build gives, and
 * the merge refuses shards that do not make up one build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkFiles } from '../../src/io/walk.ts';
import { cli, copyMini, ENTRY, put, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-shard-');
let content: string;
let work: string;
// Each run gets its own cache: shards on different CI runners share nothing.
const build = (out: string, ...more: string[]) =>
  cli(['build', '--content', content, '--out', join(work, out), ...more], undefined, undefined, { GONGKAI_CACHE_DIR: join(work, `cache-${out}`) });

beforeAll(() => {
  work = temp();
  content = copyMini(temp());
  // Enough print jobs for three shards: the county unit and 乙村 put up a line each (boards and cards with nothing on them are no jobs).
  for (const unit of ['cu-demo', 'v-demo-b'])
    put(
      content,
      `entries/${unit}/2026/org-setup.md`,
      ENTRY(
        `title: ${unit}组织设置和领导班子分工\nitem: org-setup-division\ndate: 2026-03-01\nreviewed_by: 孙某某\napproved_by: 周某某\nsummary: 支部委员会委员3名`,
        '委员3名。',
      ),
    );
  for (const [out, more] of [
    ['single', []],
    ['s1', ['--shard', '1/3']],
    ['s2', ['--shard', '2/3']],
    ['s3', ['--shard', '3/3']],
  ] as const) {
    const r = build(out, ...more);
    if (r.code !== 0) throw new Error(`build ${out} failed: ${r.stdout}\n${r.stderr}`);
  }
}, 300_000);

describe('sharded build', () => {
  it('shares out the boards and cards: each shard renders only its own', () => {
    const own = (d: string) => walkFiles(join(work, d)).filter((f) => /^print\/(boards|cards)\/.*\.pdf$/.test(f));
    const shares = ['s1', 's2', 's3'].map(own);
    expect(shares.every((s) => s.length > 0)).toBe(true);
    expect(shares.flat().sort()).toEqual(own('single'));
  });

  it('merges into exactly the single build, byte for byte', () => {
    const r = cli(['merge', join(work, 's3'), join(work, 's1'), join(work, 's2'), '--content', content, '--out', join(work, 'merged')], undefined, undefined, {
      GONGKAI_CACHE_DIR: join(work, 'cache-merge'),
    });
    expect(r.code, r.stderr).toBe(0);
    const single = walkFiles(join(work, 'single'));
    expect(walkFiles(join(work, 'merged'))).toEqual(single);
    const differ = single.filter((f) => !readFileSync(join(work, 'single', f)).equals(readFileSync(join(work, 'merged', f))));
    expect(differ).toEqual([]);
  });

  it('refuses a missing shard, naming it', () => {
    const r = cli(['merge', join(work, 's1'), join(work, 's3'), '--content', content, '--out', join(work, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('缺少第 2 份');
  });

  it('refuses shards of different builds', () => {
    const other = build('s2-other-day', '--shard', '2/3', '--today', '2026-11-20');
    expect(other.code, other.stderr).toBe(0);
    const r = cli(['merge', join(work, 's1'), join(work, 's2-other-day'), join(work, 's3'), '--content', content, '--out', join(work, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是同一次构建');
  }, 120_000);

  it('explains a wrong --shard value', () => {
    const r = build('x', '--shard', '4/3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard 2/3');
  });
});
