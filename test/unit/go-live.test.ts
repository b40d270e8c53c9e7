/** The go-live check's rules: the demo's placeholders are refused, a real county's values pass, and the holiday table for the coming year is asked for from 1 December. */
import { describe, expect, it } from 'vitest';
import { checkGoLive, checkLaunch, launchExplanation } from '../../src/domain/rules/go-live-rules.ts';
import { catalogSchema, indexCatalog } from '../../src/domain/schema/catalog.ts';
import { siteSchema } from '../../src/domain/schema/site.ts';
import { unitsFileSchema } from '../../src/domain/schema/unit.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { checkComingYearCalendar } from '../../src/domain/time/calendar-rules.ts';

/** A complete job ticket of a real county. */
const JOB = {
  deadline_days: 10,
  contact: { name: '县委组织部组织科', phone: '0312-8123400' },
  delivery: { by: 'town', county: '清河县人民路8号县委组织部收发室' },
  cards: { stock: '铜版纸', weight_gsm: 300, finish: '双面覆哑膜' },
  install: { by: '印刷厂', remove_old: true },
};
const site = (over: Record<string, unknown>) =>
  siteSchema.parse({
    county: '清河县',
    title: '清河县党务公开网',
    base_url: 'https://dwgk.qinghe.gov.cn/',
    publisher: '中共清河县委组织部',
    supervision_phone: '0312-8123456',
    print_job: JOB,
    ...over,
  });
const units = unitsFileSchema.parse([
  { id: 'county', name: '中共清河县委员会', kind: 'county-committee' },
  { id: 't-a', name: '城关镇', kind: 'town', parent: 'county', phone: '0312-8123501' },
  { id: 'v-a', name: '东门社区', kind: 'village', parent: 't-a' },
]);
const boards = [
  { id: 'b-t-a', unit: 't-a', template: 'town', location: '镇政府门前', width_mm: 3000, height_mm: 1500 },
  { id: 'b-v-a', unit: 'v-a', template: 'village', location: '社区门前', width_mm: 2400, height_mm: 1200 },
];
const codes = (r: ReturnType<typeof checkGoLive>) => [...r.site, ...r.units, ...r.boards].map((f) => `${f.code}@${(f.path ?? []).join('.')}`);

describe('go-live rules', () => {
  it('pass a county with real values', () => {
    expect(codes(checkGoLive(site({}), units, boards))).toEqual([]);
  });

  it('refuse example domains, 0000- phones, as_of and placeholder names, each at its field', () => {
    const demo = site({
      county: '示范县',
      base_url: 'https://dwgk.shifan.example.cn/',
      supervision_phone: '0000-6123456',
      allowed_numbers: ['0312-8123456', '0000-6123400'],
      as_of: '2026-11-27',
      requests: { form_url: 'https://forms.test/dianti' },
      print: { example_release: '2026-11-24' },
      print_job: {
        ...JOB,
        contact: { name: '县委组织部某某', phone: '0000-6123401' },
        delivery: { by: 'village', county: '示范县人民路1号', addresses: { 'v-a': '待填' } },
        install: { by: '示范县某某广告公司', remove_old: true },
      },
    });
    const bad = unitsFileSchema.parse([units[0], { ...units[1], phone: '0000-6100001' }, { ...units[2], name: '某某村党支部', address: '示范县某某路' }]);
    const r = checkGoLive(demo, bad, [{ ...boards[0]!, location: '待填' }, boards[1]!]);
    expect(codes(r)).toEqual([
      'placeholder-name@county',
      'placeholder-address@base_url',
      'placeholder-phone@supervision_phone',
      'placeholder-phone@allowed_numbers.1',
      'placeholder-address@requests.form_url',
      'as-of-in-production@as_of',
      'example-release-in-production@print.example_release',
      'placeholder-name@print_job.contact.name',
      'placeholder-phone@print_job.contact.phone',
      'placeholder-name@print_job.delivery.county',
      'placeholder-name@print_job.delivery.addresses.v-a',
      'placeholder-name@print_job.install.by',
      'placeholder-phone@1.phone',
      'placeholder-name@2.name',
      'placeholder-name@2.address',
      'placeholder-name@0.location',
    ]);
    expect(r.site.every((f) => f.severity === 'error' && f.hint)).toBe(true);
  });

  it('warn of a job ticket a shop cannot quote from, naming what is missing', () => {
    const r = checkGoLive(site({ print_job: { deadline_days: 10, cards: { stock: '铜版纸' } } }), units, boards);
    expect(r.site.map((f) => [f.code, f.severity, f.path])).toEqual([['print-job-incomplete', 'warning', ['print_job']]]);
    expect(r.site[0]!.message).toContain('印刷联系人（contact）、明白卡纸张和克重（cards）、安装（install）');
    expect(r.site[0]!.message).not.toContain('完成期限');
  });

  it('warn of a unit with no board, never of the county committee', () => {
    const r = checkGoLive(site({}), units, [boards[0]!]);
    expect(r.units.map((f) => [f.code, f.severity, f.message, f.path])).toEqual([
      ['unit-without-board', 'warning', '村（社区）“东门社区”（v-a）没有公开栏', [2]],
    ]);
  });
});

describe('the launch day', () => {
  it('is asked for when missing, and a day still ahead is a warning; a past one is fine', () => {
    expect(checkLaunch(site({}), '2026-12-01')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'launch-missing', hint: expect.stringContaining('launch: 2026-12-01') }),
    ]);
    expect(checkLaunch(site({ launch: '2026-12-10' }), '2026-12-01')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'launch-in-future', path: ['launch'] }),
    ]);
    expect(checkLaunch(site({ launch: '2026-12-01' }), '2026-12-01')).toEqual([]);
    expect(checkLaunch(site({ launch: '2025-03-01' }), '2026-12-01')).toEqual([]);
  });

  it('is explained in words: what counts from it and the first deadline after it', () => {
    const catalog = indexCatalog(
      catalogSchema.parse({
        aspects: [
          {
            id: 'org',
            name: '组织设置',
            items: [
              { id: 'setup', name: '组织设置', cadence: 'long_term', scope: 'public', levels: ['village'] },
              { id: 'dues', name: '党费', cadence: 'semiannual', scope: 'public', levels: ['village'] },
            ],
          },
        ],
      }),
    );
    expect(launchExplanation(site({ launch: '2026-12-02' }), catalog)).toBe(
      '开通日期 2026年12月2日（site.yaml 的 launch）：督查考评从这一天算起，此前开始的期间不计；每个事项开通后第一次公开期限（最早的在2027年1月15日，即期间第一个月的15日）之前没有公开的，显示为“未到期”，不算逾期或从未公开。',
    );
    expect(launchExplanation(site({}), catalog)).toContain('没有写开通日期');
  });
});

describe('the holiday table for the coming year', () => {
  // Years far from the bundled tables, so the test does not change when chinese-days adds a year.
  const cal = buildCalendar([{ year: 2090, holidays: ['2090-10-01'], workdays: [], replace: false }]);
  it('is not asked for before October', () => {
    expect(checkComingYearCalendar('2090-09-30', cal)).toBeUndefined();
  });
  it('is a warning from 1 October, saying how to bring it in', () => {
    expect(checkComingYearCalendar('2090-10-01', cal)).toMatchObject({
      severity: 'warning',
      code: 'calendar-next-year',
      message: expect.stringContaining('2091年'),
      hint: expect.stringMatching(/npm update chinese-days.*content\/calendar\/2091\.yaml/),
    });
  });
  it('from 1 January, still missing, is a warning that the site’s deadlines are guesses, marked — never an error that stops the site', () => {
    expect(checkComingYearCalendar('2091-01-01', cal)).toMatchObject({
      severity: 'warning',
      code: 'calendar-provisional',
      message: expect.stringContaining('暂按周末计算'),
      hint: expect.stringContaining('content/calendar/2091.yaml'),
    });
  });
  it('is satisfied once the year is entered', () => {
    const both = buildCalendar([
      { year: 2090, holidays: [], workdays: [], replace: false },
      { year: 2091, holidays: ['2091-01-01'], workdays: [], replace: false },
    ]);
    expect(checkComingYearCalendar('2090-12-20', both)).toBeUndefined();
  });
});
