/**
 * LED strip text as a controller takes it: every line within the configured width (a GB2312
 * character one cell, an ASCII one half), every character in GB2312 — a character outside it
 * shown as □ and reported with the entry it came from — dates, amounts and countdowns short,
 * and the GB2312 file the same text.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.ts';
import type { Project } from '../../src/domain/model.ts';
import { encodeGb2312, isGb2312, notGb2312 } from '../../src/media/gb2312.ts';
import { ledCells, ledLines, ledNoteText, ledText, MISSING, shortForLed } from '../../src/media/led.ts';
import { copyMini, ENTRY, put, TEMPLATES } from '../helpers.ts';

const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';
let dir: string;
let project: Project;

beforeAll(() => {
  dir = copyMini();
  put(
    dir,
    'entries/v-demo-a/2026/notice.md',
    ENTRY(`title: 甲村党支部关于王䶮同志转为正式党员的公示\nitem: recruitment-publicity\ndate: 2026-12-07\nnotice: { start: 2026-12-07, days: 5 }\n${SIGNED}`),
  );
  const r = loadProject({ contentDir: dir, templatesDir: TEMPLATES });
  expect(r.errorCount).toBe(0);
  project = r.project!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GB2312', () => {
  it('knows the characters controllers show, and not GBK’s or rarer ones', () => {
    for (const c of ['中', '党', '，', '。', '“', '”', '·', '—', '～', '℃', '□', 'A', '1', ' ']) expect(isGb2312(c), c).toBe(true);
    // 䶮 and 喆: outside GB2312 (喆 is GBK only); ⅰ and € are code page 936 additions; • is not in it at all.
    for (const c of ['䶮', '喆', '镕', '堃', 'ⅰ', '€', '•', '😀']) expect(isGb2312(c), c).toBe(false);
    expect(notGb2312('王䶮和王喆和王䶮')).toEqual(['䶮', '喆']);
  });

  it('encodes to the bytes controller software reads (CRLF lines)', () => {
    const bytes = encodeGb2312('甲村党支部\n监督电话：0000-6123456\n');
    expect(new TextDecoder('gbk').decode(bytes)).toBe('甲村党支部\r\n监督电话：0000-6123456\r\n');
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xbc, 0xd7])); // 甲 = BCD7 in GB2312
  });
});

describe('LED text', () => {
  it('keeps every line within the width and breaks by the Chinese rules', () => {
    for (const width of [12, 16]) {
      for (const unit of project.units) {
        const t = ledText(project, unit.id, '2026-12-09', width);
        for (const l of t.lines) {
          expect(ledCells(l), `${unit.id}: ${l}`).toBeLessThanOrEqual(width);
          expect(l[0], l).not.toMatch(/[，。、；：？！）》」』”]/);
          expect(notGb2312(l)).toEqual([]);
        }
      }
    }
    expect(ledLines('上半年收缴党费1813.2元，足额交纳', 8)).toEqual(['上半年收缴党费', '1813.2元，足额', '交纳']);
  });

  it('shows a running notice first with its last day and working days left, and a character outside GB2312 as □ with a note naming the entry', () => {
    const t = ledText(project, 'v-demo-a', '2026-12-09', 16);
    const text = t.lines.join('');
    expect(t.lines[0]).toBe('甲村党支部党务公开 12月9日');
    expect(text).toContain(`【公示】甲村党支部关于王${MISSING}同志转为正式党员的公示，至12月11日，剩3个工作日`);
    expect(t.notes).toEqual([{ unitId: 'v-demo-a', entry: 'v-demo-a/notice', field: '标题', chars: ['䶮'] }]);
    expect(ledNoteText(t.notes[0]!, '甲村党支部')).toBe(
      'LED 文字：条目 v-demo-a/notice 的标题中的“䶮”不在 GB2312 字符集中，显示屏显示不出来，已换成“□”。请改用常用字，或在 units.yaml、条目中换一种写法。',
    );
    expect(text).toContain('【党费】上半年收缴党费1860元');
    expect(t.lines.at(-1)).toBe('监督电话：0000-6123456');
  });

  it('writes dates, amounts and countdowns short', () => {
    expect(shortForLed('2026年12月7日公示，2025年1月1日起；党费11,380.00元、1,813.20元、12.60万元，还剩3天', 2026)).toBe(
      '12月7日公示，2025年1月1日起；党费11380元、1813.2元、12.6万元，剩3天',
    );
    expect(shortForLed('２０２６年１２月７日', 2026)).toBe('12月7日');
  });

  it('never shows a party-internal entry', () => {
    const party = project.entries.filter((e) => e.data.scope === 'party');
    expect(party.length).toBeGreaterThan(0);
    for (const unit of project.units) {
      const text = ledText(project, unit.id, '2026-12-09').lines.join('');
      for (const e of party) expect(text).not.toContain(e.data.title.slice(0, 10));
    }
  });
});
