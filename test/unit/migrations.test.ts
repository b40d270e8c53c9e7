/**
 * Content migrations: the 0.2.0 move of bleed_mm keeps every other byte of a webmaster's
 * site.yaml (comments, alignment), works whatever the file's shape, is a no-op on content already
 * in the new format, and the plan records the format, lists every changed file and its lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTENT_FORMAT, MIGRATIONS, type Migration } from '../../src/domain/migrations/migrations.ts';
import { pendingMigrations, planMigrations, recordedFormat } from '../../src/domain/migrations/plan.ts';
import { formatMigrationPlan } from '../../src/domain/migrations/report.ts';
import { compareVersions } from '../../src/domain/migrations/versions.ts';
import { moveMapEntry, setTopLevel } from '../../src/domain/migrations/yaml-edit.ts';
import { siteSchema } from '../../src/domain/schema/site.ts';
import { ROOT } from '../helpers.ts';

/** site.yaml as Gongkai 0.1.0's init wrote it (abridged): bleed under defaults, a print block, aligned comments. */
const OLD_SITE = `# 网站与全县通用设置（由 gongkai init 生成）。改动后请运行 npm run check 检查。
county: "清河县"
title: "清河县党务公开网"
base_url: "https://dwgk.qinghe.gov.cn/"
publisher: "中共清河县委组织部"
supervision_phone: "0312-8123456"
defaults:
  notice_days: 5        # 公示默认天数（工作日）
  bleed_mm: 5           # 印刷出血（毫米）：印刷厂要求 5 毫米
  card_sheet: A4        # 明白卡拼版纸张：A4、A3 或 SRA3
# 印刷颜色
print:
  party_red: [0, 100, 100, 0]   # M100 Y100
  # output_condition: FOGRA39
allowed_numbers:
  - "0312-8123456"
`;

const lines = (s: string) => s.split('\n');
const migrate = (text: string) => planMigrations(recordedFormat(text), [{ path: 'site.yaml', text }]);

describe('moving bleed_mm from defaults to print (0.2.0)', () => {
  it('moves the line with its comment into print and changes no other line', () => {
    const { text, notes } = moveMapEntry(OLD_SITE, ['defaults'], 'bleed_mm', ['print']);
    expect(notes).toEqual(['defaults.bleed_mm: 5 移到 print.bleed_mm']);
    expect(text).toContain('print:\n  bleed_mm: 5           # 印刷出血（毫米）：印刷厂要求 5 毫米\n  party_red: [0, 100, 100, 0]   # M100 Y100\n');
    expect(lines(text).filter((l) => !l.includes('bleed_mm'))).toEqual(lines(OLD_SITE).filter((l) => !l.includes('bleed_mm')));
    const site = siteSchema.parse(parse(text));
    expect(site.print.bleed_mm).toBe(5);
  });

  it('starts a print block when there is none', () => {
    const { text } = moveMapEntry(OLD_SITE.replace(/# 印刷颜色\nprint:\n.*\n.*\n/, ''), ['defaults'], 'bleed_mm', ['print']);
    expect(text.endsWith('print:\n  bleed_mm: 5           # 印刷出血（毫米）：印刷厂要求 5 毫米\n')).toBe(true);
    expect(parse(text)).toMatchObject({ defaults: { notice_days: 5, card_sheet: 'A4' }, print: { bleed_mm: 5 } });
  });

  it('keeps a value already in print and drops the old one, saying so', () => {
    const both = OLD_SITE.replace('  party_red:', '  bleed_mm: 3\n  party_red:');
    const { text, notes } = moveMapEntry(both, ['defaults'], 'bleed_mm', ['print']);
    expect(notes[0]).toContain('print.bleed_mm 已经有值（3），删除 defaults.bleed_mm: 5');
    expect(parse(text)).toMatchObject({ print: { bleed_mm: 3 } });
    expect(parse(text).defaults.bleed_mm).toBeUndefined();
  });

  it('handles files a line edit cannot (flow maps, bleed alone in defaults) through the YAML document, comments kept', () => {
    const flow = 'county: 清河县 # 县名\ndefaults: { notice_days: 5, bleed_mm: 4 }\nprint: { party_red: [0, 100, 100, 0] }\n';
    expect(parse(moveMapEntry(flow, ['defaults'], 'bleed_mm', ['print']).text)).toEqual({
      county: '清河县',
      defaults: { notice_days: 5 },
      print: { party_red: [0, 100, 100, 0], bleed_mm: 4 },
    });
    const alone = '# 设置\ndefaults:\n  bleed_mm: 4 # 出血\n';
    const moved = moveMapEntry(alone, ['defaults'], 'bleed_mm', ['print']).text;
    expect(parse(moved)).toEqual({ defaults: {}, print: { bleed_mm: 4 } });
    expect(moved).toContain('# 设置');
    expect(moved).toContain('# 出血');
  });

  it('leaves content already in the new format, or a file that does not parse, exactly as it is', () => {
    const done = moveMapEntry(OLD_SITE, ['defaults'], 'bleed_mm', ['print']).text;
    expect(moveMapEntry(done, ['defaults'], 'bleed_mm', ['print'])).toEqual({ text: done, notes: [] });
    const broken = 'defaults:\n  bleed_mm: [3\n';
    expect(moveMapEntry(broken, ['defaults'], 'bleed_mm', ['print'])).toEqual({ text: broken, notes: [] });
  });
});

describe('migration plans', () => {
  it('take content from before versions were recorded to the current format, recording it below the opening comment', () => {
    const plan = migrate(OLD_SITE);
    expect(plan).toMatchObject({ from: '0.1.0', to: CONTENT_FORMAT, substantive: true });
    expect(plan.steps.map((s) => s.to)).toEqual(['0.2.0']);
    const after = plan.changes[0]!.after;
    expect(lines(after).slice(0, 4)).toEqual([
      lines(OLD_SITE)[0],
      expect.stringContaining('内容格式的版本'),
      `format_version: ${CONTENT_FORMAT}`,
      'county: "清河县"',
    ]);
    expect(recordedFormat(after)).toBe(CONTENT_FORMAT);
    expect(siteSchema.parse(parse(after)).format_version).toBe(CONTENT_FORMAT);
    // A second run has nothing left to do.
    expect(migrate(after)).toMatchObject({ steps: [], changes: [], substantive: false });
  });

  it('only record the format when the content needs no change (not substantive: check lets it pass)', () => {
    const plan = migrate(OLD_SITE.replace(/ {2}bleed_mm.*\n/, ''));
    expect(plan.substantive).toBe(false);
    expect(plan.changes.map((c) => c.notes)).toEqual([[`记录内容格式 format_version: ${CONTENT_FORMAT}`]]);
  });

  it('apply migrations in version order to the files each reads, replacing a recorded format in place', () => {
    const later: Migration = {
      from: '0.2.0',
      to: '0.3.0',
      summary: '示例',
      reads: (p) => p.endsWith('.md'),
      transform: (f) => ({ text: f.text.replace('甲', '乙'), notes: ['甲改成乙'] }),
    };
    const all = [...MIGRATIONS, later];
    const files = [
      { path: 'site.yaml', text: `format_version: 0.2.0\ncounty: 清河县\n` },
      { path: 'entries/v-a/2026/x.md', text: '甲\n' },
    ];
    expect(pendingMigrations('0.2.0', all)).toEqual([later]);
    const plan = planMigrations('0.2.0', files, all);
    expect(plan.changes.map((c) => [c.path, c.after])).toEqual([
      ['entries/v-a/2026/x.md', '乙\n'],
      ['site.yaml', 'format_version: 0.3.0\ncounty: 清河县\n'],
    ]);
    expect(plan.changes[0]!.notes).toEqual(['0.3.0：甲改成乙']);
  });

  it('are reported with every changed file and line, old and new', () => {
    const text = formatMigrationPlan(migrate(OLD_SITE), { installed: '0.2.0', shown: (p) => `content/${p}` }).join('\n');
    expect(text).toContain('内容格式：0.1.0 → 0.2.0（这台电脑上的 Gongkai 是 0.2.0）');
    expect(text).toContain('要改的文件（1 个）：\n  content/site.yaml');
    expect(text).toContain('-  bleed_mm: 5           # 印刷出血（毫米）：印刷厂要求 5 毫米');
    expect(text).toContain('+  bleed_mm: 5           # 印刷出血（毫米）：印刷厂要求 5 毫米');
    expect(text).toContain(`+format_version: ${CONTENT_FORMAT}`);
  });

  it('setTopLevel replaces only the value of an existing key', () => {
    expect(setTopLevel('a: 1 # 注释\nformat_version: 0.1.0 # 版本\n', 'format_version', '0.2.0', 'x')).toBe('a: 1 # 注释\nformat_version: 0.2.0 # 版本\n');
  });
});

describe('versions', () => {
  it('compare numerically, part by part', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.2.0', '0.2.1')).toBeLessThan(0);
    expect(() => compareVersions('0.2', '0.2.0')).toThrow();
  });

  it('the package, the changelog and the content format agree: the newest release is this version, and no migration is newer', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')}（\\d{4}-\\d{2}-\\d{2}）`, 'm'));
    expect(compareVersions(CONTENT_FORMAT, version)).toBeLessThanOrEqual(0);
    // Every migration is in the changelog, under its version.
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    for (const m of MIGRATIONS) expect(changelog).toContain(`## ${m.to}（`);
    // The demo county and the test fixture are in the current format.
    for (const f of ['content/site.yaml', 'test/fixtures/mini/site.yaml']) expect(recordedFormat(readFileSync(join(ROOT, f), 'utf8')), f).toBe(CONTENT_FORMAT);
  });
});
