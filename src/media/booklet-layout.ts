/**
 * The booklet's A5 pages: a cover, the table of contents, how to raise a 点题, each unit's
 * section (contacts, QR code, standing entries set by the boards' rules: Chinese line
 * breaking, justified paragraphs, tables as tables), blank note pages up to a multiple of four
 * (saddle stitching folds sheets of four pages), and a back cover with the supervision phone.
 * Page numbers on every page but the covers; the contents list the page each part starts on,
 * laid out again until the contents' own length no longer moves them. Units are points.
 */
import { formatChineseDate } from '../domain/dates.ts';
import { BLACK, mm, WHITE, type Box, type Cmyk, type LaidPage } from '../print/layout/boxes.ts';
import { entryPieces, type EntrySizes } from '../print/layout/entry-pieces.ts';
import { EM_ASCENT, flowFrom, spacer, textPieces, type FlowCursor, type Piece } from '../print/layout/flow.ts';
import type { Block } from '../print/layout/markdown-blocks.ts';
import type { Measurer } from '../print/layout/measurer.ts';
import { tablePieces } from '../print/layout/table-pieces.ts';
import type { BookletJob } from './booklet.ts';

export const A5 = { w: mm(148), h: mm(210) };
const MARGIN = { top: mm(16), bottom: mm(18), side: mm(15) };
/** 五号 body, as in printed guides read at arm's length. */
const SIZES: EntrySizes = { title: 12, heading: 11, body: 10.5, meta: 8.5, lineHeight: 1.55, table: 9 };
const GREY: Cmyk = [0, 0, 0, 65];
const QR = mm(22);

export interface BookletLayout {
  pages: LaidPage[];
  /** Parts and the page each starts on (1 = the cover). */
  contents: { title: string; page: number }[];
  /** Pages with content before the note pages were added. */
  contentPages: number;
}

const column = () => ({ x: MARGIN.side, y: MARGIN.top, w: A5.w - 2 * MARGIN.side, h: A5.h - MARGIN.top - MARGIN.bottom });

/** A part's heading: a rule in the red and the title; pieces marked with the part's index. */
function partHeading(title: string, part: number, m: Measurer, red: Cmyk): Piece[] {
  const w = column().w;
  const lines = textPieces(title, w, m, { face: 'sans-bold', size: 14, lineHeight: 1.4, justify: false, color: red }, `part:${part}`, true);
  return [
    { h: mm(3), entry: `part:${part}`, keepWithNext: true, boxes: [{ kind: 'rect', x: 0, y: 0, w, h: mm(0.8), fill: red }] },
    ...lines,
    { ...spacer(mm(2)), entry: `part:${part}`, keepWithNext: true },
  ];
}

function para(
  text: string,
  m: Measurer,
  entry: string,
  opts: { face?: 'serif' | 'sans' | 'sans-bold'; size?: number; indent?: boolean; keep?: boolean; color?: Cmyk } = {},
): Piece[] {
  const size = opts.size ?? SIZES.body;
  return textPieces(
    text,
    column().w,
    m,
    {
      face: opts.face ?? 'serif',
      size,
      lineHeight: SIZES.lineHeight,
      indent: opts.indent === false ? 0 : 2 * size,
      ...(opts.color ? { color: opts.color } : {}),
    },
    entry,
    opts.keep ?? false,
  );
}

/** A QR code with its caption beside it. */
function qrPiece(url: string, caption: string, m: Measurer, entry: string): Piece {
  const w = column().w;
  const lines = [
    ...textPieces(caption, w - QR - mm(4), m, { face: 'sans', size: 9, lineHeight: 1.4, justify: false }, entry),
    ...textPieces(url.replace(/^https?:\/\//, ''), w - QR - mm(4), m, { face: 'sans', size: 7.5, lineHeight: 1.3, justify: false, color: GREY }, entry),
  ];
  const textH = lines.reduce((a, p) => a + p.h, 0);
  let y = (QR - textH) / 2;
  const boxes: Box[] = [{ kind: 'qr', x: 0, y: 0, size: QR, url }];
  for (const p of lines) {
    for (const b of p.boxes) if (b.kind === 'text') boxes.push({ ...b, x: b.x + QR + mm(4), y: b.y + y });
    y += p.h;
  }
  return { h: QR + mm(3), entry, boxes };
}

/** The parts after the contents: how to raise a 点题, then one part per unit (and the county directory). */
function parts(job: BookletJob, blocksOf: (e: BookletJob['units'][number]['entries'][number]) => Block[], m: Measurer): { title: string; pieces: Piece[] }[] {
  const h = job.howTo;
  const how: Piece[] = [
    ...para(
      `想了解哪项党务，都可以向负责的党组织提出来，这叫“点题”。能当场说清楚的当场解释；说不清楚的，收到后${h.replyDays}个工作日内公开答复（收到当天不算）。`,
      m,
      'how',
    ),
    ...para(`提出的办法：${h.channels.join('、')}。各单位的电话、地址和办公时间见本指南后面各页。${h.mailbox ? `意见箱：${h.mailbox}。` : ''}`, m, 'how'),
    spacer(mm(2)),
    ...tablePieces(
      ['事项', '时限'],
      [
        ['点题答复', `收到后${h.replyDays}个工作日内`],
        ['党员发展、干部任用等公示', `不少于${h.noticeDays}个工作日，写明起止日期`],
        ['定期公开的内容（每月、每季度、每半年、每年）', `每期第一个月${h.renewByDay}日前更新`],
        ['长期公开的内容（组织设置、议事规则等）', '有变化时及时更新'],
      ],
      column().w,
      m,
      { size: SIZES.table!, lineHeight: 1.35 },
      'how',
    ),
    spacer(mm(3)),
    ...para(`超过期限没有答复，或对答复不满意的，请拨打监督电话：${h.supervisionPhone}。`, m, 'how', { face: 'sans-bold', indent: false }),
    spacer(mm(3)),
    qrPiece(job.siteUrl, `全部公开内容在${job.siteTitle}，用手机扫码查看`, m, 'how'),
  ];
  const out = [{ title: '怎样点题', pieces: how }];
  for (const u of job.units) {
    const pieces: Piece[] = [];
    for (const c of u.contacts) pieces.push(...para(`${c.label}：${c.text}`, m, u.id, { face: 'sans', size: 9.5, indent: false }));
    pieces.push(spacer(mm(1.5)), qrPiece(u.qrUrl, `扫码查看${u.name}现在公开的全部内容`, m, u.id));
    if (!u.entries.length) pieces.push(...para('本单位的组织设置、议事规则等长期公开内容请到公开栏或网站查看。', m, u.id, { color: GREY }));
    for (const e of u.entries)
      pieces.push(...entryPieces({ id: e.id, title: e.title, meta: e.meta, blocks: blocksOf(e) }, column().w, m, SIZES, column().h * 0.6));
    out.push({ title: u.name, pieces });
  }
  if (job.directory?.length)
    out.push({
      title: '县直单位联系方式',
      pieces: tablePieces(['单位', '电话', '地址'], job.directory, column().w, m, { size: 8.5, lineHeight: 1.3 }, 'directory'),
    });
  return out;
}

function pageNumber(n: number, m: Measurer): Box {
  const text = `— ${n} —`;
  return { kind: 'text', x: (A5.w - m.width(text, 'serif', 9)) / 2, y: A5.h - mm(9), text, face: 'serif', size: 9, spacing: 0, color: BLACK };
}

function cover(job: BookletJob, m: Measurer, bleed: number): LaidPage {
  const band = mm(78);
  const titleLines = textPieces(job.title, A5.w - 2 * MARGIN.side, m, { face: 'sans-bold', size: 22, lineHeight: 1.35, justify: false, color: WHITE }, 'cover');
  let y = mm(30);
  const boxes: Box[] = [{ kind: 'rect', x: -bleed, y: -bleed, w: A5.w + 2 * bleed, h: band + bleed, fill: job.red }];
  boxes.push({ kind: 'text', x: MARGIN.side, y: mm(18), text: job.county, face: 'sans', size: 12, spacing: 0, color: WHITE });
  for (const p of titleLines) {
    for (const b of p.boxes) if (b.kind === 'text') boxes.push({ ...b, x: b.x + MARGIN.side, y: b.y + y });
    y += p.h;
  }
  const qrY = band + mm(28);
  boxes.push({ kind: 'qr', x: (A5.w - mm(34)) / 2, y: qrY, size: mm(34), url: job.units[0]?.qrUrl ?? job.siteUrl });
  const centred = (text: string, yy: number, size: number, face: 'sans' | 'sans-bold' | 'serif', color: Cmyk = BLACK): Box => ({
    kind: 'text',
    x: (A5.w - m.width(text, face, size)) / 2,
    y: yy,
    text,
    face,
    size,
    spacing: 0,
    color,
  });
  boxes.push(centred('用手机扫码，查看公开栏上现在的内容', qrY + mm(34) + mm(8), 10, 'sans'));
  boxes.push(centred('请妥善保管　随时查阅', band + mm(14), 12, 'sans-bold'));
  boxes.push(centred(job.publisher, A5.h - mm(22), 10, 'sans'));
  boxes.push(centred(`${formatChineseDate(job.date).replace(/\d+日$/, '')}印制`, A5.h - mm(15), 9, 'sans', GREY));
  return { width: A5.w, height: A5.h, boxes };
}

function backCover(job: BookletJob, m: Measurer): LaidPage {
  const boxes: Box[] = [];
  let y = mm(40);
  for (const [text, size, face] of [
    ['监督电话', 14, 'sans-bold'],
    [job.howTo.supervisionPhone, 20, 'sans-bold'],
    [`超期未答复或对答复不满意时拨打`, 10, 'sans'],
  ] as const) {
    boxes.push({ kind: 'text', x: (A5.w - m.width(text, face, size)) / 2, y, text, face, size, spacing: 0, color: face === 'sans-bold' ? job.red : BLACK });
    y += size * 1.8;
  }
  boxes.push({ kind: 'qr', x: (A5.w - mm(30)) / 2, y: mm(95), size: mm(30), url: job.siteUrl });
  const notes = [
    job.siteTitle,
    job.siteUrl.replace(/^https?:\/\//, ''),
    `本指南内容截至${formatChineseDate(job.date)}，最新内容以公开栏和网站为准。`,
    job.publisher,
  ];
  y = mm(140);
  for (const t of notes) {
    for (const p of textPieces(t, A5.w - 2 * MARGIN.side, m, { face: 'sans', size: 9, lineHeight: 1.5, justify: false }, 'back'))
      for (const b of p.boxes) if (b.kind === 'text') boxes.push({ ...b, x: (A5.w - m.width(b.text, 'sans', 9)) / 2, y: b.y + y });
    y += 9 * 1.8;
  }
  return { width: A5.w, height: A5.h, boxes };
}

/** A page of ruled lines for the household's notes: the pages that make the count a multiple of four. */
function notePage(n: number, m: Measurer): LaidPage {
  const c = column();
  const boxes: Box[] = [{ kind: 'text', x: c.x, y: c.y + EM_ASCENT * 12, text: '备　忘', face: 'sans-bold', size: 12, spacing: 0, color: BLACK }];
  for (let y = c.y + mm(14); y < c.y + c.h; y += mm(9)) boxes.push({ kind: 'line', x1: c.x, y1: y, x2: c.x + c.w, y2: y, color: [0, 0, 0, 30], width: 0.4 });
  return { width: A5.w, height: A5.h, boxes: [...boxes, pageNumber(n, m)] };
}

/** Flows the parts from page `first` on; returns the pages and the page each part starts on. */
function flowParts(all: { title: string; pieces: Piece[] }[], first: number, m: Measurer, red: Cmyk): { pages: LaidPage[]; starts: number[] } {
  const pieces = all.flatMap((p, i) => [...partHeading(p.title, i, m, red), ...p.pieces, spacer(mm(4))]);
  const starts: number[] = [];
  const pages: LaidPage[] = [];
  let at: FlowCursor = { index: 0 };
  while (at.index < pieces.length) {
    const from = at.index;
    const f = flowFrom(pieces.length, (j) => pieces[j]!, [column()], at);
    if (f.next.index === from && !f.next.carry && f.used[0] === 0) throw new Error('booklet: a piece taller than a page');
    const n = first + pages.length;
    for (let j = from; j < f.next.index; j++) {
      const tag = /^part:(\d+)$/.exec(pieces[j]!.entry);
      if (tag && starts[Number(tag[1])] === undefined) starts[Number(tag[1])] = n;
    }
    pages.push({ width: A5.w, height: A5.h, boxes: [...f.boxes, pageNumber(n, m)] });
    at = f.next;
  }
  return { pages, starts };
}

function contentsPages(entries: { title: string; page: number }[], first: number, m: Measurer): LaidPage[] {
  const c = column();
  const size = 10.5;
  const lh = size * 1.9;
  const perPage = Math.floor((c.h - mm(12)) / lh);
  const pages: LaidPage[] = [];
  for (let i = 0; i === 0 || i < entries.length; i += perPage) {
    const boxes: Box[] = [{ kind: 'text', x: c.x, y: c.y + EM_ASCENT * 14, text: '目　录', face: 'sans-bold', size: 14, spacing: 0, color: BLACK }];
    entries.slice(i, i + perPage).forEach((e, k) => {
      const y = c.y + mm(12) + k * lh + EM_ASCENT * size;
      const num = String(e.page);
      const numW = m.width(num, 'serif', size);
      const titleW = m.width(e.title, 'sans', size);
      const dotW = m.width('·', 'serif', size);
      const dots = Math.max(0, Math.floor((c.w - titleW - numW - size) / dotW));
      boxes.push({ kind: 'text', x: c.x, y, text: e.title, face: 'sans', size, spacing: 0, color: BLACK });
      boxes.push({ kind: 'text', x: c.x + titleW + size / 2, y, text: '·'.repeat(dots), face: 'serif', size, spacing: 0, color: GREY });
      boxes.push({ kind: 'text', x: c.x + c.w - numW, y, text: num, face: 'serif', size, spacing: 0, color: BLACK });
    });
    pages.push({ width: A5.w, height: A5.h, boxes: [...boxes, pageNumber(first + pages.length, m)] });
  }
  return pages;
}

export function layoutBooklet(job: BookletJob, blocksOf: (e: BookletJob['units'][number]['entries'][number]) => Block[], m: Measurer): BookletLayout {
  const bleed = mm(job.bleedMm);
  const all = parts(job, blocksOf, m);
  // The contents' length decides where the parts start, which the contents list: try until stable.
  let tocPages = 1;
  for (;;) {
    const flowed = flowParts(all, 2 + tocPages, m, job.red);
    const contents = all.map((p, i) => ({ title: p.title, page: flowed.starts[i]! }));
    const toc = contentsPages(contents, 2, m);
    if (toc.length !== tocPages) {
      tocPages = toc.length;
      continue;
    }
    const body = [cover(job, m, bleed), ...toc, ...flowed.pages];
    const contentPages = body.length + 1;
    const notes = (4 - (contentPages % 4)) % 4;
    const pages = [...body, ...Array.from({ length: notes }, (_, k) => notePage(body.length + k + 1, m)), backCover(job, m)];
    return { pages, contents, contentPages };
  }
}
