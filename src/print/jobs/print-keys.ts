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
import { boardJob, type BoardJob, type JobEntry } from './board-job.ts';
import { currentBoardEntries } from './board-selection.ts';
import { cardKey, imageDigests, jobKey, printCodeDigest, profileDigest } from './render-key.ts';
import { cardJobs, type CardJob } from './card-job.ts';
import { boardIsEmpty, cardIsEmpty } from './empty-products.ts';

export type PrintKind = 'board' | 'card';

export interface PrintedEntry {
  id: string;
  title: string;
  /** Digest of everything printed of the entry (its fields together). */
  digest: string;
  /** Each printed field's digest, by its Chinese name (标题, 日期, 正文, 摘要, 图片 …): what changed is named, not guessed. */
  fields: Record<string, string>;
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
  /** The job's fields this part stands for: together the parts and the entries cover every field of the job (a test holds them to it). */
  fields: readonly string[];
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

/** A part of a job: its name, the job fields it stands for, and its value in words or as a digest. */
function part<J extends object>(job: J, name: string, fields: readonly (keyof J & string)[], readable: string | undefined, followsEntries = false): PrintPart {
  const value = readable ?? digest(fields.map((f) => job[f]));
  return { name, value, readable: readable !== undefined, fields, ...(followsEntries ? { followsEntries: true } : {}) };
}

/** The printing condition: the declared condition and the profile's bytes, not where the profile file lies. */
const colour = (job: BoardJob | CardJob): PrintPart =>
  part({ intent: { ...job.intent, profile: profileDigest(job) } }, '印刷条件（颜色特性）', ['intent'], undefined);

function boardParts(job: BoardJob): PrintPart[] {
  // The footer's 更新日期 follows the newest entry: it is a part of its own, so an entry change
  // is not also announced as a footer change.
  // The release mark in the QR code follows the content too: a part of its own, like the date.
  const furniture = { ...job, footer: job.footer.filter((line) => !line.startsWith('更新日期')), qrUrl: job.qrUrl.split('?')[0]! };
  const arrangement = { ...job, panels: job.panels.map((p) => [p.title, p.sections.map((s) => [s.heading, s.entries.map((e) => e.id)])]) };
  return [
    part(job, '尺寸', ['widthMm', 'heightMm'], `${job.widthMm}×${job.heightMm} 毫米`),
    part(job, '版式', ['templateId', 'layout', 'scale', 'warning'], undefined),
    part(job, '拼贴', ['tile'], job.tile ? `${job.tile} 拼贴` : '不拼贴'),
    part(job, '加印续页', ['continuation'], job.continuation ? '加印续页' : '不加印续页'),
    part(furniture, '标题和页脚', ['title', 'footer', 'qrUrl', 'unitName', 'unitId'], undefined),
    part(job, '点题说明', ['ask'], undefined),
    part(arrangement, '栏目编排', ['panels'], undefined, true),
    part(job, '出血和最小字号', ['bleedMm', 'bodyMinPt'], `出血 ${job.bleedMm} 毫米，正文不小于 ${job.bodyMinPt} 磅`),
    colour(job),
    part(job, '所属镇', ['town'], job.town ?? '县直'),
    part(job, '更新日期', ['date'], job.date, true),
    part(job, '版本标记', ['releaseMark'], job.releaseMark, true),
  ];
}

/** What of a board entry is printed, field by field; the images by their bytes. (Whether it gives way first on a full board is `yields`.) */
function boardEntryFields(e: JobEntry, images: string): Record<string, string> {
  return {
    标题: digest(e.title),
    日期: digest([e.meta, e.date]),
    正文: digest(e.body),
    摘要: digest(e.summary ?? ''),
    网址: digest(e.url),
    图片: images,
  };
}

export const boardKeys: ProductKeys = (project, today, units) =>
  project.boards
    .filter((b) => !units || units.has(b.unit))
    .map((board): PrintKey => {
      const job = boardJob(project, board, currentBoardEntries, today);
      const images = imageDigests(job);
      return {
        kind: 'board',
        id: board.id,
        unit: board.unit,
        key: jobKey(job, printCodeDigest(), images),
        file: `print/boards/${board.id}.pdf`,
        place: board.location,
        size: `${board.width_mm}×${board.height_mm}`,
        entries: job.panels.flatMap((p) =>
          p.sections.flatMap((s) =>
            s.entries.map((e) => {
              const fields = boardEntryFields(e, images.get(e.id) ?? '');
              return {
                id: e.id,
                title: e.title,
                digest: digest([fields, !!e.finished, !!e.older]),
                fields,
                ...(e.finished ? { yields: 'finished' as const } : e.older ? { yields: 'older' as const } : {}),
              };
            }),
          ),
        ),
        parts: boardParts(job),
        empty: boardIsEmpty(job),
      };
    });

/**
 * Card sheets: one per unit, keyed by the card's render key. Its entries are the lines on
 * the front as printed; its parts say what else can make a sheet change (size, layout,
 * imposition, print run, back, the printer's notes).
 */
function cardParts(job: CardJob): PrintPart[] {
  const imp = job.imposition;
  return [
    part(job, '尺寸', ['widthMm', 'heightMm'], `${job.widthMm}×${job.heightMm} 毫米`),
    part(job, '版式', ['templateId', 'layout'], undefined),
    part(job, '拼版', ['imposition', 'gutterMm'], `${imp.sheet}${imp.landscape ? '横放' : '竖放'}，每张 ${imp.front.length} 张卡`),
    part(job, '印数', ['households', 'sparePercent', 'sheets'], job.sheets === undefined ? '未填写户数' : `${job.sheets} 张`),
    part(job, '反面', ['backTitle', 'back', 'qrUrl', 'qrCaption'], undefined),
    part(job, '单位名称和页脚', ['unitName', 'unitId', 'footer'], undefined, true),
    part(job, '纸边说明', ['notes', 'warnings'], undefined, true),
    part(job, '出血和最小字号', ['bleedMm', 'bodyMinPt'], `出血 ${job.bleedMm} 毫米，文字不小于 ${job.bodyMinPt} 磅`),
    colour(job),
    part(job, '所属镇', ['town'], job.town ?? '县直'),
    part(job, '更新日期', ['date'], job.date, true),
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
    entries: job.lines.map((l) => {
      const fields = { 简称: digest(l.label), 摘要: digest(l.text) };
      return { id: l.id, title: titles.get(l.id) ?? l.text, digest: digest(fields), fields };
    }),
    parts: cardParts(job),
    empty: cardIsEmpty(job),
  }));
};

export const PRINT_PRODUCTS: readonly ProductKeys[] = [boardKeys, cardKeys];

export function printKeys(project: Project, today: string, units?: ReadonlySet<string>): PrintKey[] {
  return PRINT_PRODUCTS.flatMap((keys) => keys(project, today, units));
}
