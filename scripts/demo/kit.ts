/**
 * Small tools for assembling Chinese texts: headings, tables, lists, money, study topics
 * that fit the year, and the context every text builder receives.
 */
import { cnDate, cnIndex } from './calendar.ts';
import type { UnitModel } from './county.ts';
import type { Rng } from './rng.ts';

export type Stage = 'deliberation' | 'decision' | 'implementation' | 'result';

/** One planned entry: what the front matter needs, before the text is written. */
export interface Spec {
  item: string;
  date: string;
  slug: string;
  period?: string;
  stage?: Stage;
  matter?: string;
  /** Chinese name of a staged matter, shared by its stages. */
  topic?: string;
  /** Stages of the matter published so far (for 实施/结果 texts). */
  stageNo?: number;
  notice?: { start: string; days: number };
  /** Free variant number for builders (e.g. which half a dues table covers). */
  variant?: number;
}

export interface Ctx {
  u: UnitModel;
  /** 示范县 */
  county: string;
  r: Rng;
  spec: Spec;
  year: number;
  /** The generator's seed, for facts fixed per unit across entries. */
  seed: number;
}

export interface Meeting {
  name: string;
  date: string;
  expected: number;
  present: number;
  vote: string;
}

export interface Text {
  title: string;
  summary: string;
  body: string;
  meeting?: Meeting;
}

export type Builder = (c: Ctx) => Text;
export type Line = (c: Ctx) => string;

export const h2 = (i: number, text: string) => `## ${cnIndex(i)}、${text}`;

export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export const list = (items: string[]) => items.map((s) => `- ${s}`).join('\n');
export const olist = (items: string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');

/** Cents to 1234.50 */
export const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** k lines from a pool, in random order, joined into one paragraph. */
export function para(c: Ctx, pool: readonly Line[], k: number): string {
  return c.r
    .sample(pool, k)
    .map((f) => f(c))
    .join('');
}

/** One line from a pool. */
export const one = (c: Ctx, pool: readonly Line[]) => c.r.pick(pool)(c);

/** The document's blocks, separated by blank lines. */
export const doc = (...blocks: (string | false | undefined)[]) => blocks.filter((b): b is string => !!b).join('\n\n') + '\n';

/** Closing lines: the publishing organisation and the date. */
export const sign = (c: Ctx) => `${c.u.org}\n${cnDate(c.spec.date)}`;

/** Approver and reviewer as printed on the board. */
export function approver(u: UnitModel): string {
  const l = u.leaders[0]!;
  return `${l.name}（${l.role}）`;
}

export function reviewer(u: UnitModel, r: Rng): string {
  const pool = u.leaders.slice(1).filter((l) => /组织|纪检|副书记|党支部书记|党办|纪委|纪工委|常务/.test(l.role));
  const l = pool.length ? r.pick(pool) : (u.leaders[1] ?? u.leaders[0]!);
  return `${l.name}（${l.role}）`;
}

/** A person other than the leaders (members, applicants): 王某某 style. */
export function someone(r: Rng): string {
  return `${r.pick(SOME_SURNAMES)}${r.chance(50) ? '某某' : '某'}`;
}
const SOME_SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余'.split('');

/** Themes of study that fit the year. */
export function studyThemes(year: number): string[] {
  const always = [
    '习近平新时代中国特色社会主义思想',
    '《中国共产党章程》',
    '《中国共产党纪律处分条例》',
    '中央八项规定及其实施细则精神',
    '《中国共产党党务公开条例（试行）》',
    '《中国共产党支部工作条例（试行）》',
  ];
  const byYear: Record<number, string[]> = {
    2022: ['党的十九届六中全会精神', '党的二十大精神'],
    2023: ['党的二十大精神', '学习贯彻习近平新时代中国特色社会主义思想主题教育'],
    2024: ['党纪学习教育', '党的二十届三中全会精神'],
    2025: ['深入贯彻中央八项规定精神学习教育', '党的二十届四中全会精神'],
    2026: ['党的二十届四中全会精神', '“十五五”规划开局之年重点任务'],
  };
  return [...(byYear[year] ?? byYear[2026]!), ...always];
}

/** 村/社区/单位/镇 as the place word used in sentences. */
export function placeWord(u: UnitModel): string {
  switch (u.site) {
    case 'village':
      return '村';
    case 'community':
      return '社区';
    case 'town':
      return u.short.endsWith('乡') ? '乡' : '镇';
    case 'street':
      return '街道';
    case 'county':
      return '全县';
    default:
      return '单位';
  }
}

export const isGrassroots = (u: UnitModel) => u.site === 'village' || u.site === 'community';

/** The committee as a noun: 党委会议 → 党委会, 支部委员会会议 → 支部委员会. */
export function meetingBody(u: UnitModel): string {
  const m = u.meeting;
  return m.endsWith('会会议') ? m.slice(0, -2) : m.replace(/会议$/, '会');
}

/** The unit's line of work for sentences: villages' crops read as 黄桃产业. */
export function workOf(u: UnitModel, i = 0): string {
  const w = u.work[i] ?? u.work[0];
  if (!w) return '中心工作';
  return u.site === 'village' && !w.endsWith('旅游') ? `${w}产业` : w;
}

/** The party organisation one level up, as texts name it. */
export function superiorOrg(u: UnitModel): string {
  if (isGrassroots(u)) return `${u.town}${u.town.endsWith('街道') ? '党工委' : '党委'}`;
  if (u.kind === 'town') return '县委';
  if (u.kind === 'county-committee') return '市委';
  return '县委组织部';
}
export const isTown = (u: UnitModel) => u.kind === 'town';

/** Cuts a summary to at most 30 characters (the card line). */
export function fitSummary(s: string, fallback: string): string {
  const chars = [...s];
  if (chars.length <= 30) return s;
  return [...fallback].length <= 30 ? fallback : [...fallback].slice(0, 30).join('');
}
