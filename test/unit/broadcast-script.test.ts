/**
 * The loudspeaker script (村村响) as its listener meets it: read through for Arabic numerals and
 * symbols (there must be none), tables turned into sentences, amounts and dates as spoken,
 * long items cut with the note, notices with their last day, requests answered in the week,
 * the reading time; and the weeks the command takes.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.ts';
import type { Project } from '../../src/domain/model.ts';
import { broadcastScript, CUT_NOTE, weekOf } from '../../src/media/broadcast.ts';
import { layoutBroadcast } from '../../src/media/broadcast-layout.ts';
import { NOT_SPOKEN } from '../../src/media/speech.ts';
import { fakeMeasurer } from '../fake-measurer.ts';
import { copyMini, ENTRY, put, TEMPLATES } from '../helpers.ts';

const SIGNED = 'reviewed_by: 孙某某\napproved_by: 周某某';
let dir: string;
let project: Project;

beforeAll(() => {
  dir = copyMini();
  put(
    dir,
    'entries/v-demo-a/2026/dues-h2.md',
    ENTRY(
      `title: 甲村党支部2026年下半年党费收缴情况\nitem: dues-collection\ndate: 2026-12-08\nperiod: 2026-H2\n${SIGNED}\nsummary: 收缴党费1,813.20元`,
      '下半年应交党费1,813.20元，实交1,813.20元，详见 https://dwgk.example.cn/ 。\n\n| 月份 | 党员人数 | 实交（元） |\n| --- | --- | --- |\n| 7月 | 42 | 302.20 |\n| 8月 | 42 | — |\n',
    ),
  );
  put(
    dir,
    'entries/v-demo-a/2026/notice.md',
    ENTRY(
      `title: 甲村党支部发展对象公示\nitem: recruitment-publicity\ndate: 2026-12-07\nnotice: { start: 2026-12-07, days: 5 }\n${SIGNED}`,
      `经支部委员会研究，拟将张某某（1997年4月出生）确定为发展对象。${'公示期间如有意见，请向支部反映。'.repeat(30)}`,
    ),
  );
  put(
    dir,
    'requests/v-demo-a/2026/fees.md',
    '---\ntopic: 党费标准（2026年）\nreceived: 2026-12-07\nchannel: 电话\nreplied: 2026-12-09\nreply: 按月工资收入的0.5%交纳，每月100元以下。\n---\n问党费标准。\n',
  );
  const r = loadProject({ contentDir: dir, templatesDir: TEMPLATES });
  expect(r.errorCount, JSON.stringify(r.diagnostics.filter((d) => d.severity === 'error'))).toBe(0);
  project = r.project!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('broadcast script', () => {
  const week = weekOf('2026-W50')!; // 7–13 December 2026

  it('takes a week as an ISO week or any day in it, Monday to Sunday', () => {
    expect(week).toEqual({ from: '2026-12-07', to: '2026-12-13' });
    expect(weekOf('2026-12-10')).toEqual(week);
    expect(weekOf('2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(weekOf('W50')).toBeUndefined();
  });

  it('has no Arabic numeral or symbol on any line, and says the reading time in words', () => {
    const s = broadcastScript(project, 'v-demo-a', week, '2026-12-09');
    const bad = s.text.split('\n').filter((l) => NOT_SPOKEN.test(l));
    expect(bad).toEqual([]);
    expect(s.note).toMatch(/^十二月七日至十二月十三日　预计播报约.+，按每秒四个字计$/);
    expect(s.seconds).toBe(
      Math.round(
        [...[s.opening, ...s.sections.flatMap((x) => [`${x.heading}。`, ...(x.items.length ? x.items.map((i) => i.text) : [x.empty])]), s.closing].join('')]
          .length / 4,
      ),
    );
  });

  it('reads what is new, with amounts spoken and the table as sentences', () => {
    const s = broadcastScript(project, 'v-demo-a', week, '2026-12-09');
    const fresh = s.sections[0]!.items.map((i) => i.text).join('');
    expect(fresh).toContain('第一条，《甲村党支部二〇二六年下半年党费收缴情况》。下半年应交党费一千八百一十三元二角，实交一千八百一十三元二角');
    expect(fresh).toContain('七月，党员人数四十二，实交三百零二元二角。');
    // An empty cell is left out, not read as a dash.
    expect(fresh).toContain('八月，党员人数四十二。');
  });

  it('reads running notices with their last day and days left, cutting a long one with the note', () => {
    const s = broadcastScript(project, 'v-demo-a', week, '2026-12-09');
    const [notice] = s.sections[1]!.items;
    expect(notice!.text).toContain('公示期从十二月七日到十二月十一日，最后一天是十二月十一日，还剩三个工作日');
    expect(notice!.text).toContain('一九九七年四月出生');
    expect(notice!.cut).toBe(true);
    expect(notice!.text).toContain(CUT_NOTE);
    expect([...notice!.text].length).toBeLessThan(project.site.media.broadcast_item_chars + 120);
  });

  it('reads the requests answered in the week', () => {
    const s = broadcastScript(project, 'v-demo-a', week, '2026-12-09');
    expect(s.sections[2]!.items.map((i) => i.text)).toEqual([
      '有群众问到“党费标准，二〇二六年”，甲村党支部已于十二月九日答复。按月工资收入的百分之零点五交纳，每月一百元以下。',
    ]);
    // The week before: the road request (answered 26 November) and nothing new.
    const before = broadcastScript(project, 'v-demo-a', weekOf('2026-11-26')!);
    expect(before.sections[2]!.items).toHaveLength(1);
    expect(before.sections[0]!.items).toEqual([]);
    expect(before.text).toContain('本周没有新公开的内容。');
  });

  it('never reads a party-internal entry', () => {
    const s = broadcastScript(project, 'v-demo-a', weekOf('2026-10-12')!);
    const party = project.entries.find((e) => e.data.scope === 'party' && e.unit === 'v-demo-a')!;
    expect(s.text).not.toContain(party.data.title.slice(0, 8));
  });

  it('sets the A4 sheet with a footer in words', () => {
    const pages = layoutBroadcast(broadcastScript(project, 'v-demo-a', week, '2026-12-09'), fakeMeasurer());
    const texts = pages.flatMap((p) => p.boxes.flatMap((b) => (b.kind === 'text' ? [b.text] : [])));
    expect(texts.at(-1)).toMatch(/^第.页，共.页$/);
    expect(texts.filter((t) => /[0-9]/.test(t))).toEqual([]);
  });
});
