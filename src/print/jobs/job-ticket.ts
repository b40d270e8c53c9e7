/**
 * The job ticket: what a print shop needs to quote and do the job without calling — the day the
 * files are dated and the day everything is due, the county's print contact, where each unit's
 * files are delivered (to its town, its village or itself, as site.yaml print_job says), the
 * cards' paper, what each board's print goes onto and how it is fixed, and who installs and
 * whether the old posters come down. The manifest (json, csv), every zip, the installation
 * lists, the quote sheet and /print/ all say it from here.
 */
import { z } from 'zod';
import type { Project } from '../../domain/model.ts';
import { BOARD_SPEC_KEYS, type Board, type BoardSpecKey } from '../../domain/schema/board.ts';
import type { PrintJob } from '../../domain/schema/site.ts';
import type { Unit } from '../../domain/schema/unit.ts';
import { CalendarGapError } from '../../domain/time/calendar.ts';
import { projectCalendar } from './board-selection.ts';

/** The ticket's county-wide part, as manifest.json carries it. */
export const jobTicketSchema = z.object({
  /** The content date the files show. */
  date: z.string(),
  /** Delivered (and installed) by this day: `deadline_days` working days after `date`. */
  deadline: z.string().optional(),
  deadline_days: z.number().int().positive().optional(),
  contact: z.object({ name: z.string(), phone: z.string() }).optional(),
  delivery_by: z.enum(['town', 'village', 'unit']),
  /** The cards' paper, in words (铜版纸 300 克，双面覆哑膜). */
  card_paper: z.string().optional(),
  install: z.object({ by: z.string().optional(), remove_old: z.boolean().optional(), note: z.string().optional() }).optional(),
});
export type JobTicket = z.infer<typeof jobTicketSchema>;

/** A zip and an installation list of its own: a town with its villages, or the county's own units (县直单位). */
export const COUNTY_GROUP = 'county';
export const COUNTY_GROUP_NAME = '县直单位';

/** A zip's group in words: the town's name, or 县直单位. */
export const groupName = (group: string, unitName: (id: string) => string): string => (group === COUNTY_GROUP ? COUNTY_GROUP_NAME : unitName(group));

export const DELIVERY_LABELS: Record<JobTicket['delivery_by'], string> = { town: '按镇（街道）送货', village: '按村（社区）送货', unit: '按单位送货' };

/** The cards' paper in words, or undefined when site.yaml names none. */
export function paperText(cards: PrintJob['cards']): string | undefined {
  if (!cards || (!cards.stock && !cards.weight_gsm && !cards.finish)) return undefined;
  return [[cards.stock, cards.weight_gsm ? `${cards.weight_gsm} 克` : ''].filter(Boolean).join(' '), cards.finish].filter(Boolean).join('，');
}

export function jobTicket(project: Project, date: string): JobTicket {
  const job = project.site.print_job;
  let deadline: string | undefined;
  if (job.deadline_days) {
    try {
      deadline = projectCalendar(project).addWorkingDays(date, job.deadline_days);
    } catch (e) {
      // A year without a holiday table: the ticket says the number of working days, not a guessed day.
      if (!(e instanceof CalendarGapError)) throw e;
    }
  }
  const paper = paperText(job.cards);
  return {
    date,
    ...(deadline ? { deadline } : {}),
    ...(job.deadline_days ? { deadline_days: job.deadline_days } : {}),
    ...(job.contact ? { contact: job.contact } : {}),
    delivery_by: job.delivery.by,
    ...(paper ? { card_paper: paper } : {}),
    ...(job.install ? { install: job.install } : {}),
  };
}

/** Where a unit's files go: the unit delivered to (its town, its village, itself, or the county office) and the address. */
export interface Delivery {
  /** The zip and installation list the unit's files are in: its town's, or COUNTY_GROUP. */
  group: string;
  /** Who receives them (a unit's name, or 县委组织部 for the county's own units). */
  to: string;
  address: string;
}

export function deliveryOf(project: Project, unitId: string): Delivery {
  const job = project.site.print_job;
  const byId = new Map(project.units.map((u) => [u.id, u]));
  const unit = byId.get(unitId);
  let town: Unit | undefined = unit;
  while (town && town.kind !== 'town') town = town.parent ? byId.get(town.parent) : undefined;
  const countyAddress = job.delivery.county ?? project.site.address ?? '';
  // The unit's address (site.yaml's for it, else units.yaml's); a unit without one receives through
  // its parent, up to its town; a town without one is "not written" (the shop asks), never the
  // county office's by default — except for the county's own units, which the county office receives.
  const at = (u: Unit, group: string): Delivery => {
    for (let x: Unit | undefined = u, depth = 0; x && depth < 5; depth++) {
      const address = job.delivery.addresses[x.id] ?? x.address;
      if (address) return { group, to: x.name, address };
      x = x.kind === 'town' || !x.parent ? undefined : byId.get(x.parent);
    }
    return { group, to: u.name, address: group === COUNTY_GROUP ? countyAddress : '' };
  };
  if (!unit || !town) {
    return unit && job.delivery.by === 'unit' ? at(unit, COUNTY_GROUP) : { group: COUNTY_GROUP, to: project.site.publisher, address: countyAddress };
  }
  if (job.delivery.by === 'town') return at(town, town.id);
  if (job.delivery.by === 'village') return at(unit.kind === 'village' ? unit : town, town.id);
  return at(unit, town.id);
}

/** A board's own job ticket: boards.yaml's words, else site.yaml print_job.boards'. */
export function boardSpecOf(board: Board, job: PrintJob): Pick<Board, BoardSpecKey> {
  const d = job.boards ?? {};
  return Object.fromEntries(BOARD_SPEC_KEYS.flatMap((k) => ((board[k] ?? d[k]) ? [[k, board[k] ?? d[k]]] : [])));
}

/** The ticket in lines of Chinese, for the zips' 印刷施工单.txt, the installation lists and the page. */
export function ticketLines(t: JobTicket): string[] {
  const install = t.install;
  return [
    `印刷文件日期：${t.date}`,
    t.deadline
      ? `完成期限：${t.deadline}（印刷文件日期后 ${t.deadline_days} 个工作日）前送到并安装好`
      : t.deadline_days
        ? `完成期限：印刷文件日期后 ${t.deadline_days} 个工作日`
        : '完成期限：未写（site.yaml 的 print_job.deadline_days），请向县里问清',
    t.contact ? `县里的印刷联系人：${t.contact.name}，电话 ${t.contact.phone}` : '县里的印刷联系人：未写（site.yaml 的 print_job.contact）',
    `送货：${DELIVERY_LABELS[t.delivery_by]}，地址见清单的“送货地址”一列`,
    `明白卡用纸：${t.card_paper ?? '未写（site.yaml 的 print_job.cards），请向县里问清'}`,
    install
      ? `安装：${install.by ? `由${install.by}安装` : '安装单位未写'}${install.remove_old === undefined ? '' : install.remove_old ? '，先撕下（拆下）旧的再安装' : '，旧的不用撤下'}${install.note ? `；${install.note}` : ''}`
      : '安装：未写（site.yaml 的 print_job.install），请向县里问清由谁安装、旧的是否撤下',
  ];
}
