/**
 * Which entries a unit publishes in a year: the mandatory ones first (work plan, dues,
 * set-up), then a weighted draw from everything else the catalog allows at its level,
 * until the year's target count is reached. Dates follow the time rules: periodic items
 * in the first half of their period's first month, stages in order, notices on working days.
 */
import { addDays, minDate, randomWorkday } from './calendar.ts';
import type { UnitModel } from './county.ts';
import type { Spec, Stage } from './kit.ts';
import type { Rng } from './rng.ts';
import { pickTopic } from './texts-stage.ts';

export interface CatalogItemInfo {
  cadence: string;
  scope: 'public' | 'party';
  levels: string[];
}

export interface YearPlan {
  year: number;
  /** Last date an entry may carry (today for the current year). */
  cutoff: string;
  target: number;
  /** Candidate keys taken before the weighted draw, in order. */
  mandatory: string[];
  /** A 公示 that is running today: item and start date. */
  running?: { item: 'recruitment-publicity' | 'cadre-selection'; start: string };
}

interface Candidate {
  key: string;
  weight: number;
  make: () => Spec[];
}

const STAGES: Stage[] = ['deliberation', 'decision', 'implementation', 'result'];
const SHORT: Record<string, string> = {
  'work-plan-completion': 'work-plan',
  'dues-collection': 'dues',
  'superior-decisions': 'superior-decisions',
  'study-education': 'study',
  'contact-service': 'service',
  'feedback-handling': 'feedback',
  'four-winds': 'four-winds',
  'oversight-results': 'oversight',
  'member-care': 'member-care',
  'dues-usage': 'dues-usage',
  'org-life-meeting': 'org-life-meeting',
  'shuzhi-shulian': 'shuzhi-shulian',
  'lianzheng-chengnuo': 'lianzheng-chengnuo',
  'sanhui-yike': 'sanhui-yike',
  'recruitment-plan': 'recruitment-plan',
  'democratic-review': 'democratic-review',
  'democratic-evaluation': 'democratic-evaluation',
  'sanzhong-yida': 'sanzhong-yida',
  'recruitment-publicity': 'recruitment-notice',
  'cadre-selection': 'cadre-notice',
  'topic-requests': 'topic-reply',
  'discipline-handling': 'discipline',
  'org-setup-division': 'org-setup',
  'rules-procedures': 'rules',
};

export const LEVEL_OF: Record<UnitModel['kind'], string> = {
  'county-committee': 'county_unit',
  'county-unit': 'county_unit',
  town: 'town',
  village: 'village',
};

function periodStart(p: string): string {
  if (p.length === 4) return `${p}-01-01`;
  if (p[5] === 'H') return `${p.slice(0, 4)}-${p[6] === '1' ? '01' : '07'}-01`;
  if (p[5] === 'Q') return `${p.slice(0, 4)}-${String((Number(p[6]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return `${p}-01`;
}

/** Mostly within the first 14 days of the period (on time), sometimes later in the first month. */
function periodicDate(r: Rng, p: string, annual: boolean): string {
  const s = periodStart(p);
  if (annual && r.chance(25)) return randomWorkday(r, addDays(s, 31), addDays(s, 78));
  return r.chance(94) ? randomWorkday(r, s, addDays(s, 13)) : randomWorkday(r, addDays(s, 15), addDays(s, 26));
}

export function planYear(u: UnitModel, plan: YearPlan, r: Rng, catalog: Map<string, CatalogItemInfo>, slugs: Set<string>): Spec[] {
  const Y = plan.year;
  const level = LEVEL_OF[u.kind];
  const allowed = (item: string) => catalog.get(item)?.levels.includes(level) ?? false;
  const cutoff = minDate(plan.cutoff, `${Y}-12-31`);
  const eventTo = minDate(addDays(cutoff, -14), `${Y}-12-31`);
  const cands: Candidate[] = [];
  const add = (key: string, weight: number, item: string, make: () => Spec[]) => {
    if (allowed(item)) cands.push({ key, weight, make });
  };
  const slug = (base: string) => {
    let s = base;
    for (let i = 2; slugs.has(s); i++) s = `${base}-${i}`;
    slugs.add(s);
    return s;
  };
  const periodic = (item: string, p: string): Spec[] => {
    const date = periodicDate(r, p, p.length === 4);
    if (date > cutoff) return [];
    return [{ item, date, period: p, slug: slug(`${p.toLowerCase()}-${SHORT[item]}`) }];
  };
  const event = (item: string, variant: number, from = `${Y}-01-05`, to = eventTo): Spec[] => {
    if (to < from) return [];
    const date = randomWorkday(r, from, to);
    const notice = item === 'recruitment-publicity' || item === 'cadre-selection' ? { start: date, days: 5 } : undefined;
    return [{ item, date, variant, slug: slug(`${date}-${SHORT[item]}`), ...(notice ? { notice } : {}) }];
  };
  const topics = new Set<string>();
  const matter = (item: string): Spec[] => {
    const t = pickTopic(item, u, r, topics);
    if (!t) return [];
    topics.add(t.slug);
    const last = minDate(addDays(cutoff, -20), `${Y}-12-20`);
    const first = `${Y}-01-10`;
    if (last < first) return [];
    let d = randomWorkday(r, first, minDate(last, `${Y}-09-30`));
    const n = r.int(2, 4);
    const out: Spec[] = [];
    const id = slug(`${Y}-${t.slug}`);
    for (let i = 0; i < n; i++) {
      if (i > 0) d = randomWorkday(r, addDays(d, 12), addDays(d, 40));
      if (d > cutoff) break;
      out.push({ item, date: d, stage: STAGES[i]!, matter: id, topic: t.text, stageNo: i + 1, slug: `${id}-${STAGES[i]}` });
    }
    for (const s of out) slugs.add(s.slug);
    return out;
  };

  const nowQ = plan.cutoff.startsWith(String(Y)) ? Math.ceil(Number(plan.cutoff.slice(5, 7)) / 3) : 4;
  add('org', 5, 'org-setup-division', () => [
    { item: 'org-setup-division', date: randomWorkday(r, `${Y}-01-05`, minDate(cutoff, `${Y}-10-30`)), slug: slug(`${Y}-org-setup`) },
  ]);
  add('rules', 3, 'rules-procedures', () => [
    { item: 'rules-procedures', date: randomWorkday(r, `${Y}-02-01`, minDate(cutoff, `${Y}-11-15`)), slug: slug(`${Y}-rules`) },
  ]);
  for (const h of [1, 2]) {
    add(`wpc-H${h}`, 20, 'work-plan-completion', () => periodic('work-plan-completion', `${Y}-H${h}`));
    add(`dues-H${h}`, 20, 'dues-collection', () => periodic('dues-collection', `${Y}-H${h}`));
    add(`fourwinds-H${h}`, 2, 'four-winds', () => periodic('four-winds', `${Y}-H${h}`));
    add(`oversight-H${h}`, 2, 'oversight-results', () => periodic('oversight-results', `${Y}-H${h}`));
  }
  for (let q = 1; q <= 4; q++) {
    const boost = q === nowQ ? 4 : q === nowQ - 1 ? 1 : 0;
    add(`sup-Q${q}`, 2 + boost, 'superior-decisions', () => periodic('superior-decisions', `${Y}-Q${q}`));
    add(`study-Q${q}`, 1 + boost, 'study-education', () => periodic('study-education', `${Y}-Q${q}`));
    add(`contact-Q${q}`, 1 + boost, 'contact-service', () => periodic('contact-service', `${Y}-Q${q}`));
    add(`feedback-Q${q}`, 1 + (q === nowQ ? 1 : 0), 'feedback-handling', () => periodic('feedback-handling', `${Y}-Q${q}`));
  }
  const annual: [string, number][] = [
    ['member-care', 3],
    ['dues-usage', 4],
    ['org-life-meeting', 3],
    ['shuzhi-shulian', 4],
    ['lianzheng-chengnuo', 3],
  ];
  for (const [item, w] of annual) add(item, w, item, () => periodic(item, String(Y)));
  const electionYear = Y === 2026 && u.kind === 'village';
  const matterItem = () => {
    const items = ['term-goals', 'major-decisions', 'elections'];
    return items[r.weighted([3, 5, electionYear ? 9 : 2])]!;
  };
  add('matter1', 6, 'major-decisions', () => matter(matterItem()));
  add('matter2', 2, 'major-decisions', () => matter(matterItem()));
  const v = r.int(0, 999);
  add('szyd1', 5, 'sanzhong-yida', () => event('sanzhong-yida', v));
  add('szyd2', 2, 'sanzhong-yida', () => event('sanzhong-yida', v + 1));
  add('recruit1', 3, 'recruitment-publicity', () => event('recruitment-publicity', v));
  add('recruit2', 1, 'recruitment-publicity', () => event('recruitment-publicity', v + 1));
  add('cadre1', 2, 'cadre-selection', () => event('cadre-selection', v));
  add('topic1', 4, 'topic-requests', () => event('topic-requests', v));
  add('topic2', 2, 'topic-requests', () => event('topic-requests', v + 1));
  // Party-internal items (党内公开).
  const lastMonth = plan.cutoff.startsWith(String(Y)) ? Number(plan.cutoff.slice(5, 7)) : 12;
  for (const m of r.sample(
    Array.from({ length: lastMonth }, (_, i) => i + 1),
    2,
  )) {
    const p = `${Y}-${String(m).padStart(2, '0')}`;
    add(`shyk-${m}`, 1, 'sanhui-yike', () => periodic('sanhui-yike', p));
  }
  add('rplan', 1, 'recruitment-plan', () => periodic('recruitment-plan', String(Y)));
  add('dreview', 1, 'democratic-review', () => periodic('democratic-review', String(Y)));
  add('deval', 1, 'democratic-evaluation', () => periodic('democratic-evaluation', String(Y)));
  if (r.chance(15)) add('discipline', 1, 'discipline-handling', () => event('discipline-handling', v));

  const out: Spec[] = [];
  if (plan.running && allowed(plan.running.item)) {
    const s = plan.running.start;
    out.push({ item: plan.running.item, date: s, variant: v + 2, notice: { start: s, days: 5 }, slug: slug(`${s}-${SHORT[plan.running.item]}`) });
  }
  const take = (c: Candidate) => {
    const specs = c.make();
    if (specs.length && out.length + specs.length <= plan.target + 1) out.push(...specs);
  };
  for (const key of plan.mandatory) {
    const i = cands.findIndex((c) => c.key === key);
    if (i >= 0 && out.length < plan.target) take(cands.splice(i, 1)[0]!);
  }
  while (out.length < plan.target && cands.length) {
    const i = r.weighted(cands.map((c) => c.weight));
    take(cands.splice(i, 1)[0]!);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slug < b.slug ? -1 : 1));
}
