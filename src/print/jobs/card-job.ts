/**
 * From the project to one self-contained job per unit's household card (明白卡): the lines
 * for both faces, the imposition and the print run, as plain data (it crosses into worker
 * threads, and its hash is the cache key).
 *
 * What goes on the front is chosen from what is on the unit's board today (`boardEntries`
 * through the publication gate, so never a party-scope entry): running 公示 first, then the
 * items the card template lists, newest entry of each, in the template's order — only
 * entries with a `summary`, which is the line the card prints. Asked for, the same pass records
 * why each other entry of the unit is not on the card (`OffCard`).
 */
import { formatChineseDate, parseDate } from '../../domain/dates.ts';
import { intentSetting, type IntentSetting } from '../../domain/icc-profile.ts';
import type { Entry, Project } from '../../domain/model.ts';
import { cardLayoutSchema, type CardLayout, type Template } from '../../domain/schema/template.ts';
import type { Unit } from '../../domain/schema/unit.ts';
import { PROVISIONAL } from '../../domain/time/provisional-mark.ts';
import { noticeWindow } from '../../domain/time/notice.ts';
import { addDays } from '../../domain/time/day-math.ts';
import { honestChannels, requestContacts } from '../../domain/requests/channels.ts';
import { townOf, unitUrl } from './board-job.ts';
import { boardOmissions, currentBoardEntries, projectCalendar, type BoardSelector } from './board-selection.ts';
import type { OffBoard } from '../../domain/current.ts';
import { impose, sheetsFor, type Imposition } from '../layout/card-imposition.ts';
import type { CardLine, CardSpec } from '../layout/card-layout.ts';
import { LayoutError } from '../layout/template-layout.ts';

/** Everything the card layout needs (its spec, less the bleed in points), and what the print run and manifest need. */
export interface CardJob extends Omit<CardSpec, 'bleedPt'> {
  unitId: string;
  town?: string;
  templateId: string;
  imposition: Imposition;
  bleedMm: number;
  gutterMm: number;
  /** From units.yaml; without it the number of sheets is unknown. */
  households?: number;
  sparePercent: number;
  sheets?: number;
  /** Content date of the newest entry on the card (or today when it shows none). */
  date: string;
  /** The printer's notes in the slug of the front and the back sheet. */
  notes: { front: string[]; back: string[] };
  warnings: string[];
  /** The printing condition the PDF declares (site.yaml print). */
  intent: IntentSetting;
}

export const BACK_TITLE = '想了解哪些党务，请点题';
const QR_CAPTION = '扫码查看公开内容';

interface CardTemplate {
  id: string;
  template: Template;
  layout: CardLayout;
  imposition: Imposition;
}

/** Why an entry of the unit is not on its card today: the rule of `frontLines` that left it off. */
export type OffCard =
  /** Not on the board, where the card's lines are chosen from (undefined: not among the unit's entries). */
  | { why: 'board'; off: OffBoard | undefined }
  | { why: 'no-summary' }
  | { why: 'not-in-template'; template: string; endedNotice: boolean }
  /** The card prints one entry of each item, the newest. */
  | { why: 'same-item'; by: Entry }
  /** It leaves the board on `until`, within `days` of printing (site.yaml defaults.card_life_days): a card is kept for months. */
  | { why: 'short-lived'; until: string; days: number }
  /**
   * The front holds `max` lines; these came first (running notices, then the template's items in
   * order). `noticeEnded`: the entry's 公示 ended that day, so it lost its place at the front.
   */
  | { why: 'full'; max: number; ahead: Entry[]; noticeEnded?: string };

const newestFirst = (a: Entry, b: Entry) => (a.data.date !== b.data.date ? (a.data.date < b.data.date ? 1 : -1) : a.id < b.id ? -1 : 1);

/** 12月7日: a notice's end, within the year the card is read in. */
const monthDay = (d: string) => `${parseDate(d).month}月${parseDate(d).day}日`;

/** The card template for a unit: one naming its kind in `unit_kinds`, else site.yaml's `card_template`. */
function templateFor(unit: Unit, project: Project, resolved: Map<string, CardTemplate>): CardTemplate {
  const cards = [...project.templates].filter(([, t]) => t.kind === 'card');
  const id = cards.find(([, t]) => t.unit_kinds.includes(unit.kind))?.[0] ?? project.site.defaults.card_template;
  const known = resolved.get(id);
  if (known) return known;
  const template = project.templates.get(id);
  if (!template || template.kind !== 'card') {
    throw new LayoutError(
      `site.yaml 的 defaults.card_template 是“${id}”，但 templates/ 中没有这个明白卡模板（kind: card）。请新建 templates/${id}.yaml，或改成已有的明白卡模板${cards.length ? `：${cards.map(([k]) => k).join('、')}` : ''}。`,
    );
  }
  const layout = cardLayoutSchema.parse(template.layout);
  const unknown = layout.items.filter((i) => !project.catalog.items.has(i.item));
  if (unknown.length)
    throw new LayoutError(
      `模板 templates/${id}.yaml 的 layout.items 中的事项“${unknown.map((i) => i.item).join('、')}”不在公开目录（catalog.yaml）中。请改成目录中的事项标识，或删除这一行。`,
    );
  const d = project.site.defaults;
  const t: CardTemplate = {
    id,
    template,
    layout,
    imposition: impose(template.width_mm, template.height_mm, template.sheet ?? d.card_sheet, project.site.print.bleed_mm, d.card_gutter_mm),
  };
  resolved.set(id, t);
  return t;
}

/** The front's lines and the newest date among their entries; `off`, when given, receives why the others are not there. */
function frontLines(
  project: Project,
  unitId: string,
  today: string,
  t: Pick<CardTemplate, 'id' | 'layout'>,
  select: BoardSelector,
  off?: Map<string, OffCard>,
): { lines: CardLine[]; date: string } {
  const { layout } = t;
  const cal = projectCalendar(project);
  const onBoard = select(project, unitId, today).map((s) => s.entry);
  const life = project.site.defaults.card_life_days;
  const horizon = addDays(today, life);
  // The last day each entry is sure to be current, if it has one: nothing shorter-lived than the card goes on it.
  const lastDay = (e: Entry): string | undefined => {
    const days = [
      e.data.notice ? noticeWindow(e.data.notice, cal).end : undefined,
      e.data.expires,
      project.catalog.items.get(e.data.item)?.cadence === 'per_event' && !e.data.notice ? addDays(e.data.date, project.site.defaults.recent_days) : undefined,
    ].filter((d): d is string => d !== undefined);
    return days.length ? days.sort()[0] : undefined;
  };
  const shortLived = new Map(onBoard.flatMap((e) => (e.data.summary && (lastDay(e) ?? horizon) < horizon ? [[e.id, lastDay(e)!] as const] : [])));
  const current = onBoard.filter((e) => e.data.summary && !shortLived.has(e.id)).sort(newestFirst);
  const chosen: { entry: Entry; line: CardLine }[] = [];
  const used = new Set<string>();
  const add = (entry: Entry, label: string, text: string) => {
    chosen.push({ entry, line: { id: entry.id, label, text } });
    used.add(entry.id);
  };
  for (const e of current) {
    const w = e.data.notice ? noticeWindow(e.data.notice, cal) : undefined;
    // The end of the 公示 is what a household needs to know; many summaries already say it. An end
    // counted across a year without its holiday arrangement is printed as the guess it is.
    if (w && today <= w.end) {
      const said = e.data.summary!.includes(monthDay(w.end));
      const mark = w.provisional
        ? said
          ? `（公示期${PROVISIONAL}）`
          : `（公示至${monthDay(w.end)}，${PROVISIONAL}）`
        : said
          ? ''
          : `（公示至${monthDay(w.end)}）`;
      add(e, layout.notice_label, `${e.data.summary}${mark}`);
    }
  }
  const byItem = new Map<string, Entry>();
  for (const { item, label } of layout.items) {
    const e = current.find((x) => x.data.item === item && !used.has(x.id));
    if (e) {
      add(e, label, e.data.summary!);
      byItem.set(item, e);
    }
  }
  const kept = chosen.slice(0, layout.max_entries);
  if (off) {
    for (const e of onBoard) {
      if (used.has(e.id)) continue;
      const until = shortLived.get(e.id);
      if (until) {
        off.set(e.id, { why: 'short-lived', until, days: life });
        continue;
      }
      const by = byItem.get(e.data.item);
      off.set(
        e.id,
        !e.data.summary ? { why: 'no-summary' } : by ? { why: 'same-item', by } : { why: 'not-in-template', template: t.id, endedNotice: !!e.data.notice },
      );
    }
    const ahead = kept.map((c) => c.entry);
    for (const { entry } of chosen.slice(layout.max_entries)) {
      // A 公示 goes first only while it runs; once ended it takes its item's place.
      const end = entry.data.notice ? noticeWindow(entry.data.notice, cal).end : undefined;
      const ended = end && today > end ? { noticeEnded: end } : {};
      off.set(entry.id, { why: 'full', max: layout.max_entries, ahead, ...ended });
    }
  }
  return { lines: kept.map((c) => c.line), date: kept.reduce((d, c) => (c.entry.data.date > d ? c.entry.data.date : d), '') || today };
}

/**
 * Why each entry of the unit is not on its card today (entries on it are not in the map): the
 * card's own choice, or — for an entry not on the board — the board's.
 */
export function cardOmissions(project: Project, unitId: string, today: string): Map<string, OffCard> {
  const unit = project.units.find((u) => u.id === unitId);
  const off = new Map<string, OffCard>();
  if (!unit) return off;
  for (const [id, reason] of boardOmissions(project, unitId, today)) off.set(id, { why: 'board', off: reason });
  frontLines(project, unitId, today, templateFor(unit, project, new Map()), currentBoardEntries, off);
  return off;
}

/** The back: how to raise a 点题, where and when; a contact the unit lacks comes from its parent, so labelled. */
function backLines(unit: Unit, project: Project, layout: CardLayout): CardLine[] {
  const c = requestContacts(unit, project.units, project.site);
  return [
    { id: '点题渠道', label: '点题渠道', text: honestChannels(layout.channels, project.site).join('、') },
    { id: '答复时限', label: '答复时限', text: `收到后${c.replyDays}个工作日内答复` },
    ...(c.phone ? [{ id: '办公电话', label: '办公电话', text: c.phone }] : []),
    ...(c.address ? [{ id: '办公地址', label: '办公地址', text: c.address }] : []),
    ...(c.hours ? [{ id: '办公时间', label: '办公时间', text: c.hours }] : []),
    { id: '监督电话', label: '监督电话', text: c.supervisionPhone },
  ];
}

/** One job per unit (all units, or the ones asked for), in units.yaml order. */
export function cardJobs(project: Project, today: string, units?: ReadonlySet<string>, select: BoardSelector = currentBoardEntries): CardJob[] {
  const resolved = new Map<string, CardTemplate>();
  const d = project.site.defaults;
  return project.units
    .filter((u) => !units || units.has(u.id))
    .map((unit) => {
      const t = templateFor(unit, project, resolved);
      const { lines, date } = frontLines(project, unit.id, today, t, select);
      const perSheet = t.imposition.front.length;
      const sheets = unit.households === undefined ? undefined : sheetsFor(unit.households, perSheet, d.card_spare_percent);
      const warnings: string[] = [];
      if (unit.households === undefined) warnings.push(`单位 ${unit.id}（${unit.name}）没有填写户数（units.yaml 的 households），明白卡印数无法计算，请补上。`);
      // An empty card is not printed at all, and the build names it as such: no warning about its count.
      if (lines.length > 0 && lines.length < t.layout.min_entries) {
        warnings.push(
          `明白卡 ${unit.id}（${unit.name}）只有 ${lines.length} 条可印的公开内容，模板 templates/${t.id}.yaml 要求至少 ${t.layout.min_entries} 条。明白卡只印现在公开、写了 summary（摘要）且事项列在模板 layout.items 中的条目。`,
        );
      }
      const town = townOf(unit);
      const job: Omit<CardJob, 'notes'> = {
        unitId: unit.id,
        unitName: unit.name,
        ...(town ? { town } : {}),
        templateId: t.id,
        widthMm: t.template.width_mm,
        heightMm: t.template.height_mm,
        layout: t.layout,
        imposition: t.imposition,
        bleedMm: project.site.print.bleed_mm,
        gutterMm: d.card_gutter_mm,
        bodyMinPt: d.card_body_min_pt,
        lines,
        backTitle: BACK_TITLE,
        back: backLines(unit, project, t.layout),
        footer: `发布单位：${project.site.publisher}　更新日期：${formatChineseDate(date)}`,
        qrUrl: unitUrl(project.site.base_url, unit.id),
        qrCaption: QR_CAPTION,
        ...(unit.households === undefined ? {} : { households: unit.households }),
        sparePercent: d.card_spare_percent,
        ...(sheets === undefined ? {} : { sheets }),
        date,
        warnings,
        intent: intentSetting(project.site.print),
      };
      return { ...job, notes: cardNotes(job) };
    });
}

/** The print run as one phrase, for the notes and the PDF's subject. */
export function printRun(job: Pick<CardJob, 'households' | 'sheets' | 'sparePercent' | 'imposition'>): string {
  const n = job.imposition.front.length;
  if (job.households === undefined || job.sheets === undefined) return `印数：未填写户数（units.yaml 的 households），请按户数计算，每张纸${n}张卡`;
  return `印数：${job.sheets}张纸（${job.households}户，每张纸${n}张卡，另加备用${job.sparePercent}%）`;
}

export function cardNotes(job: Omit<CardJob, 'notes'>): { front: string[]; back: string[] } {
  const imp = job.imposition;
  const sheet = `${imp.sheet}纸${imp.landscape ? '横放' : '竖放'}`;
  const run = printRun(job);
  return {
    front: [
      `${job.unitName}明白卡　第1页：正面　成品${job.widthMm}×${job.heightMm}毫米，出血${job.bleedMm}毫米，${sheet}，每张${imp.front.length}张卡　${run}`,
      '印法：双面打印，选“长边翻转”；按实际大小（100%）打印，不要选“适合页面”。先印一张，对着光看正反面是否对齐，再印全部。',
      `裁法：沿卡片外侧的裁切线裁切，每条裁切线都要切；相邻卡片之间留有${job.gutterMm}毫米，要切两刀，中间的窄条不要。`,
    ],
    back: [`${job.unitName}明白卡　第2页：反面（已按“长边翻转”排好，每张卡的反面正好在它的正面背后）　${run}`],
  };
}
