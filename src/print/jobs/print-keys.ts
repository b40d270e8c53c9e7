/**
 * One content hash per print product (a board's poster, a unit's card sheet) for a project on
 * a given "today": the same key means the same printed sheet, so two releases' keys say what
 * printers must reprint. Nothing is laid out or rendered here — a board's key is the print
 * cache's key of its job (src/print/run/cache.ts), which covers the entries shown, the template,
 * the size, the footer, the images and the print code.
 *
 * Besides the key, each product lists what it shows (entries with a digest of their printed
 * text) and its other parts (size, template, footer …), so release notes can say WHY a
 * product changed, in words a printer and a clerk understand.
 */
import { createHash } from 'node:crypto';
import type { Project } from '../../domain/model.ts';
import { boardJob, type BoardJob } from './board-job.ts';
import { currentBoardEntries } from './board-selection.ts';
import { cardKey, jobKey } from './render-key.ts';
import { cardJobs, type CardJob } from './card-job.ts';
import { boardIsEmpty, cardIsEmpty } from './empty-products.ts';

export type PrintKind = 'board' | 'card';

export interface PrintedEntry {
  id: string;
  title: string;
  /** Digest of everything printed of the entry (title, date or 公示期 line, body). */
  digest: string;
  /** On a board: a 公示 that has ended, or an entry with a newer one of its item — the first to be shortened on a full board. */
  yields?: 'finished' | 'older';
}

export interface PrintPart {
  /** What the part is, in Chinese: 尺寸, 版式, 页眉页脚 … */
  name: string;
  value: string;
  /** Whether `value` means something to a person (a size) or is only a digest (a layout). */
  readable: boolean;
  /** The part changes whenever the entries do (order, update date): worth naming only when they did not. */
  followsEntries?: boolean;
}

export interface PrintKey {
  kind: PrintKind;
  /** The board id, or the card sheet's id. */
  id: string;
  unit: string;
  /** Content hash of all the product's inputs. */
  key: string;
  /** The product's file in the site, relative to its root (print/boards/<id>.pdf …). */
  file: string;
  /** Where it goes (a board's location), for the printers' list. */
  place: string;
  /** Trim size, as printed in the manifest (2400×1200). */
  size: string;
  entries: PrintedEntry[];
  parts: PrintPart[];
  /** Nothing public to show on it that day: no file is made, so there is nothing to print (empty-products.ts). */
  empty: boolean;
}

/** All print products of one kind, for a project on a day (only those of `units`, when given). */
export type ProductKeys = (project: Project, today: string, units?: ReadonlySet<string>) => PrintKey[];

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function boardParts(job: BoardJob): PrintPart[] {
  // The footer's 更新日期 follows the newest entry: it is a part of its own, so an entry change
  // is not also announced as a footer change.
  const footer = job.footer.filter((line) => !line.startsWith('更新日期'));
  return [
    { name: '尺寸', value: `${job.widthMm}×${job.heightMm} 毫米`, readable: true },
    { name: '版式', value: `${job.templateId}（${digest([job.layout, job.scale])}）`, readable: false },
    { name: '拼贴', value: job.tile ? `${job.tile} 拼贴` : '不拼贴', readable: true },
    { name: '标题和页脚', value: digest([job.title, footer, job.qrUrl]), readable: false },
    {
      name: '栏目编排',
      value: digest(job.panels.map((p) => [p.title, p.sections.map((s) => [s.heading, s.entries.map((e) => e.id)])])),
      readable: false,
      followsEntries: true,
    },
    { name: '出血和最小字号', value: `出血 ${job.bleedMm} 毫米，正文不小于 ${job.bodyMinPt} 磅`, readable: true },
    { name: '更新日期', value: job.date, readable: true, followsEntries: true },
  ];
}

export const boardKeys: ProductKeys = (project, today, units) =>
  project.boards
    .filter((b) => !units || units.has(b.unit))
    .map((board): PrintKey => {
      const job = boardJob(project, board, currentBoardEntries, today);
      return {
        kind: 'board',
        id: board.id,
        unit: board.unit,
        key: jobKey(job),
        file: `print/boards/${board.id}.pdf`,
        place: board.location,
        size: `${board.width_mm}×${board.height_mm}`,
        entries: job.panels.flatMap((p) =>
          p.sections.flatMap((s) =>
            s.entries.map((e) => ({
              id: e.id,
              title: e.title,
              digest: digest([e.title, e.meta, e.body]),
              ...(e.finished ? { yields: 'finished' as const } : e.older ? { yields: 'older' as const } : {}),
            })),
          ),
        ),
        parts: boardParts(job),
        empty: boardIsEmpty(job),
      };
    });

/** Every kind of print product release notes compare: posters and household card sheets. */
/**
 * Card sheets: one per unit, keyed by the card's render key. Its entries are the lines on
 * the front as printed; its parts say what else can make a sheet change (size, layout,
 * imposition, print run, back).
 */
function cardParts(job: CardJob): PrintPart[] {
  const imp = job.imposition;
  return [
    { name: '尺寸', value: `${job.widthMm}×${job.heightMm} 毫米`, readable: true },
    { name: '版式', value: `${job.templateId}（${digest(job.layout)}）`, readable: false },
    { name: '拼版', value: `${imp.sheet}${imp.landscape ? '横放' : '竖放'}，每张 ${imp.front.length} 张卡`, readable: true },
    { name: '印数', value: job.sheets === undefined ? '未填写户数' : `${job.sheets} 张`, readable: true },
    { name: '反面', value: digest([job.backTitle, job.back, job.qrUrl, job.qrCaption]), readable: false },
    { name: '出血和最小字号', value: `出血 ${job.bleedMm} 毫米，文字不小于 ${job.bodyMinPt} 磅`, readable: true },
    { name: '更新日期', value: job.date, readable: true, followsEntries: true },
  ];
}

/** One card sheet per unit. */
export const cardKeys: ProductKeys = (project, today, units) => {
  const titles = new Map(project.entries.map((e) => [e.id, e.data.title]));
  return cardJobs(project, today, units).map((job): PrintKey => ({
    kind: 'card',
    id: job.unitId,
    unit: job.unitId,
    key: cardKey(job),
    file: `print/cards/${job.unitId}.pdf`,
    place: '发给群众，每户一张',
    size: `${job.widthMm}×${job.heightMm}`,
    entries: job.lines.map((l) => ({ id: l.id, title: titles.get(l.id) ?? l.text, digest: digest([l.label, l.text]) })),
    parts: cardParts(job),
    empty: cardIsEmpty(job),
  }));
};

export const PRINT_PRODUCTS: readonly ProductKeys[] = [boardKeys, cardKeys];

export function printKeys(project: Project, today: string, units?: ReadonlySet<string>): PrintKey[] {
  return PRINT_PRODUCTS.flatMap((keys) => keys(project, today, units));
}
