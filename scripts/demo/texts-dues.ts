/**
 * Party dues (党费): collection tables whose totals add up, and the yearly use of dues.
 * Amounts are computed in cents (integers) so sums are exact.
 */
import type { UnitModel } from './county.ts';
import { doc, fitSummary, h2, isGrassroots, list, meetingBody, money, sign, table, type Builder } from './kit.ts';
import { periodLabel, previousLabel } from './texts-plan.ts';
import { Rng } from './rng.ts';

/** Monthly dues per member in cents, fixed per unit (the standards are set once a year). */
function memberDues(u: UnitModel, seed: number): number[] {
  const r = Rng.derive(seed, 'dues', u.id);
  return Array.from({ length: u.members }, () => {
    if (isGrassroots(u)) {
      const x = r.int(0, 99);
      if (x < 68) return 20; // 农民党员每月0.2元
      if (x < 88) return r.int(8, 30) * 50; // retired, on pension
      return r.int(20, 60) * 50; // village cadres, employees
    }
    return r.int(30, 260) * 50;
  });
}

export const duesCollection: Builder = (c) => {
  const u = c.u;
  const r = c.r;
  const p = c.spec.period!;
  const label = periodLabel(p);
  const prev = previousLabel(p);
  const year = Number(p.slice(0, 4));
  const [py, firstMonth] = p.endsWith('H1') ? [year - 1, 7] : [year, 1];
  const base = memberDues(u, c.seed);
  const baseSum = base.reduce((a, b) => a + b, 0);
  let members = u.members - r.int(0, 2);
  let dueTotal = 0;
  let paidTotal = 0;
  let carry = 0;
  let shortMonth = '';
  const rows: string[][] = [];
  for (let i = 0; i < 6; i++) {
    if (i > 0 && r.chance(12)) members++;
    const due = Math.round((baseSum * members) / u.members) + (isGrassroots(u) ? 0 : r.int(-4, 4) * 100);
    let paid = due + carry;
    carry = 0;
    if (!shortMonth && i < 5 && r.chance(18)) {
      const miss = Math.min(due, base[r.int(0, base.length - 1)]!);
      paid -= miss;
      carry = miss;
      shortMonth = `${firstMonth + i}月`;
    }
    dueTotal += due;
    paidTotal += paid;
    rows.push([`${py}年${firstMonth + i}月`, String(members), money(due), money(paid)]);
  }
  rows.push(['合计', '—', money(dueTotal), money(paidTotal)]);
  const farmers = isGrassroots(u) ? base.filter((x) => x === 20).length : 0;
  const body = doc(
    `根据《中国共产党章程》和党费收缴使用管理有关规定，现将${u.org}${prev}党费收缴情况和${label}党费交纳标准公开如下。`,
    h2(1, `${prev}党费收缴情况`),
    table(['月份', '应交党员数', '应交（元）', '实交（元）'], rows),
    shortMonth ? `${shortMonth}有1名党员因${r.pick(['外出务工', '工作调动', '长期在外地'])}未能按时交纳，已于次月补交。` : `各月党费均按时足额交纳。`,
    h2(2, `${label}党费交纳标准`),
    isGrassroots(u)
      ? list([
          `农村（社区）无固定收入党员${farmers}名，每人每月交纳0.2元`,
          `离退休党员按基本退休费的0.5%至1%交纳`,
          `有工资收入的党员按税后工资收入的0.5%至2%交纳`,
          `生活困难的党员经支部研究可以减免`,
        ])
      : list([
          `在职党员按月工资收入（扣除个人所得税和社会保险）的0.5%至2%交纳`,
          `离退休党员按基本退休费的0.5%至1%交纳`,
          `交纳标准每年核定一次，本年核定已于${r.int(1, 2)}月完成`,
        ]),
    h2(3, '收缴方式'),
    `党费由${u.leaders.find((l) => /组织|党支部书记|党办/.test(l.role))?.name ?? u.leaders[0]!.name}负责按月收缴，${r.pick(['党员可通过线上党费缴纳平台交纳', '当面交纳的当场开具收据', '每月10日前交纳当月党费'])}，收缴的党费${isGrassroots(u) ? `全额上缴${u.town}${u.town.endsWith('街道') ? '党工委' : '党委'}` : '按规定上缴县委组织部党费专户'}。`,
    sign(c),
  );
  return {
    title: r.pick([`${label}党费收缴情况公开`, `${u.org}党费收缴情况公示（${prev}）`, `${prev}党费收缴情况和${label}交纳标准`]),
    summary: fitSummary(`${prev}应交${money(dueTotal)}元，实交${money(paidTotal)}元`, `${prev}党费收缴情况`),
    body,
  };
};

export const duesUsage: Builder = (c) => {
  const u = c.u;
  const r = c.r;
  const g = isGrassroots(u);
  const items = r.sample(
    g
      ? ['慰问困难党员和老党员', '订阅党报党刊', '党员教育培训', '主题党日活动', '购置党员活动室学习资料', '表彰优秀共产党员']
      : ['订阅党报党刊', '党员教育培训', '慰问生活困难党员', '表彰先进基层党组织和优秀共产党员', '主题党日现场教学', '购买党建学习资料'],
    r.int(3, 5),
  );
  const rows = items.map((k) => [k, r.int(g ? 2 : 8, g ? 30 : 120) * 5000]);
  const spent = rows.reduce((a, [, v]) => a + (v as number), 0);
  const prevLeft = r.int(0, g ? 80 : 300) * 1000;
  const extra = r.int(0, g ? 40 : 200) * 1000;
  const granted = Math.max(spent - prevLeft + extra, 0);
  const left = prevLeft + granted - spent;
  const body = doc(
    `按照党费使用管理规定，现将${u.org}${c.year - 1}年度党费使用情况公开如下。`,
    h2(1, '收支情况'),
    `上年结余${money(prevLeft)}元，${g ? `${u.town}党委` : '上级党组织'}下拨党费${money(granted)}元，本年支出${money(spent)}元，年末结余${money(left)}元。`,
    h2(2, '支出明细'),
    table(['支出项目', '金额（元）'], [...rows.map(([k, v]) => [k as string, money(v as number)]), ['合计', money(spent)]]),
    h2(3, '管理情况'),
    `党费使用经${meetingBody(u)}集体研究，${r.pick(['单据齐全、账目清楚', '做到专款专用，没有挪作他用', '接受上级党组织审计监督'])}。${r.pick(['党员对使用情况有疑问的，可以查阅账目。', '支出凭证存放于党员活动室，党员可以查阅。'])}`,
    sign(c),
  );
  return {
    title: r.pick([`${c.year - 1}年度党费使用和管理情况`, `${u.short}党费使用情况公开（${c.year - 1}年度）`]),
    summary: fitSummary(`${c.year - 1}年支出党费${money(spent)}元`, '党费使用情况'),
    body,
  };
};
