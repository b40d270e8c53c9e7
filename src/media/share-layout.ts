/**
 * A share picture for WeChat groups, laid out: 1080 px wide (WeChat's long-picture width), the
 * unit in a red band, the title, the date line, the whole text set by the board's rules
 * (entry-pieces.ts: Chinese line breaking, tables as tables), and at the end the source line
 * and the QR code of the entry's page. A long entry continues on further pictures of at most
 * `MAX_HEIGHT` px, each numbered (第2张/共3张). Units are pixels (the engine's points, 1:1).
 * Photos are not drawn — a line says where they are — so a picture is text only.
 */
import type { Entry, Project } from '../domain/model.ts';
import { formatChineseDate } from '../domain/dates.ts';
import { formatNoticePeriod, noticeWindow } from '../domain/time/notice.ts';
import { entryUrl } from '../print/jobs/board-job.ts';
import { projectCalendar } from '../print/jobs/board-selection.ts';
import { WHITE, type Box, type Cmyk } from '../print/layout/boxes.ts';
import { entryPieces, type EntrySizes } from '../print/layout/entry-pieces.ts';
import { EM_ASCENT, flowFrom, spacer, textPieces, type FlowCursor, type Piece } from '../print/layout/flow.ts';
import type { Block } from '../print/layout/markdown-blocks.ts';
import type { Measurer } from '../print/layout/measurer.ts';

export const WIDTH = 1080;
export const MAX_HEIGHT = 2400;
const MARGIN = 64;
const BAND = 150;
const FOOT = 96;
const GREY: Cmyk = [0, 0, 0, 65];
/** Phone-sized type: the picture is shown about 2.7 times smaller on a 400-point-wide screen. */
const SIZES: EntrySizes = { title: 58, heading: 46, body: 42, meta: 34, lineHeight: 1.6, table: 36 };
const QR = 260;

export interface ShareJob {
  entryId: string;
  unitName: string;
  title: string;
  /** Under the title: date, item, and a 公示's period. */
  meta: string;
  body: string;
  url: string;
  /** The source line: 来源：示范县党务公开网. */
  source: string;
  /** The red of the band (site.yaml print.party_red). */
  red: Cmyk;
}

export interface SharePage {
  width: number;
  height: number;
  boxes: Box[];
}

export function shareJob(e: Entry, project: Project): ShareJob {
  const item = project.catalog.items.get(e.data.item)?.name ?? e.data.item;
  const unit = project.units.find((u) => u.id === e.unit);
  const notice = e.data.notice ? formatNoticePeriod(noticeWindow(e.data.notice, projectCalendar(project))) : undefined;
  return {
    entryId: e.id,
    unitName: unit?.name ?? e.unit,
    title: e.data.title,
    meta: [`${formatChineseDate(e.data.date)}发布　${item}`, ...(notice ? [notice] : [])].join('\n'),
    body: e.body,
    url: entryUrl(project.site.base_url, e.unit, e.slug),
    source: `来源：${project.site.title}`,
    red: project.site.print.party_red,
  };
}

/** Photos are not drawn: a line says one is there and where to see it. */
function withoutPictures(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => (b.kind === 'image' ? { kind: 'para', text: `〔图片${b.alt ? `：${b.alt}` : ''}，请扫码查看原文〕` } : b));
}

function band(job: ShareJob, m: Measurer, label: string): Box[] {
  const size = 46;
  const small = 30;
  const y = (BAND - size) / 2 + EM_ASCENT * size;
  const right = m.width(label, 'sans', small);
  return [
    { kind: 'rect', x: 0, y: 0, w: WIDTH, h: BAND, fill: job.red },
    {
      kind: 'text',
      x: MARGIN,
      y,
      text: fitText(job.unitName, WIDTH - 2 * MARGIN - right - 40, m, 'sans-bold', size),
      face: 'sans-bold',
      size,
      spacing: 0,
      color: WHITE,
    },
    { kind: 'text', x: WIDTH - MARGIN - right, y, text: label, face: 'sans', size: small, spacing: 0, color: WHITE },
  ];
}

/** A name cut with …… if it is wider than the band allows. */
function fitText(text: string, width: number, m: Measurer, face: 'sans-bold', size: number): string {
  if (m.width(text, face, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && m.width(`${chars.join('')}…`, face, size) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** The end of the last picture: the source line, the QR code of the entry's page and its address. */
function qrPiece(job: ShareJob, width: number, m: Measurer): Piece {
  const right = width - QR - 40;
  const lines = [
    ...textPieces('扫码查看原文', right, m, { face: 'sans-bold', size: 40, lineHeight: 1.4, justify: false }, job.entryId),
    ...textPieces(job.source, right, m, { face: 'sans', size: 32, lineHeight: 1.4, justify: false, color: GREY }, job.entryId),
    ...textPieces(job.url.replace(/^https?:\/\//, ''), right, m, { face: 'sans', size: 26, lineHeight: 1.3, justify: false, color: GREY }, job.entryId),
  ];
  const textH = lines.reduce((a, p) => a + p.h, 0);
  let y = (QR - textH) / 2;
  const boxes: Box[] = [
    { kind: 'line', x1: 0, y1: 0, x2: width, y2: 0, color: [0, 0, 0, 25], width: 2 },
    { kind: 'qr', x: 0, y: 28, size: QR, url: job.url },
  ];
  for (const p of lines) {
    for (const b of p.boxes) if (b.kind === 'text') boxes.push({ ...b, x: b.x + QR + 40, y: b.y + 28 + y });
    y += p.h;
  }
  return { h: QR + 56, entry: job.entryId, boxes };
}

/** The pictures of one entry: `blocks` are its body's (entry-blocks.ts), read by the caller. */
export function layoutShare(job: ShareJob, blocks: readonly Block[], m: Measurer): SharePage[] {
  const width = WIDTH - 2 * MARGIN;
  const entry = { id: job.entryId, title: job.title, meta: job.meta.split('\n')[0]!, blocks: withoutPictures(blocks) };
  const pieces: Piece[] = entryPieces(entry, width, m, SIZES, MAX_HEIGHT / 2);
  // A notice's period goes under the date, in the same grey.
  const extra = job.meta.split('\n').slice(1);
  const metaAt = pieces.findIndex((p) => p.boxes.some((b) => b.kind === 'text' && b.text === entry.meta));
  if (extra.length && metaAt >= 0)
    pieces.splice(
      metaAt + 1,
      0,
      ...extra.flatMap((t) => textPieces(t, width, m, { face: 'sans', size: SIZES.meta, lineHeight: 1.4, justify: false, color: GREY }, job.entryId, true)),
    );
  while (pieces.at(-1)?.spacer) pieces.pop();
  pieces.push(spacer(40), qrPiece(job, width, m));
  const column = { x: MARGIN, y: BAND + 48, w: width, h: MAX_HEIGHT - BAND - 48 - FOOT };
  const flows: { boxes: Box[]; used: number }[] = [];
  let at: FlowCursor = { index: 0 };
  while (at.index < pieces.length) {
    const f = flowFrom(pieces.length, (j) => pieces[j]!, [column], at);
    if (f.next.index === at.index && !f.next.carry && at.carry === undefined && f.used[0] === 0) {
      // Nothing fits even on an empty picture (cannot happen at these sizes): stop rather than loop.
      throw new Error(`share picture of ${job.entryId}: a piece taller than a whole picture`);
    }
    flows.push({ boxes: f.boxes, used: f.used[0]! });
    at = f.next;
  }
  const n = flows.length;
  return flows.map((f, i) => {
    const last = i === n - 1;
    // The last picture ends with the QR code and the source; the others say that more follows.
    const height = Math.ceil(column.y + f.used + (last ? FOOT / 2 : FOOT));
    const label = n > 1 ? `党务公开　第${i + 1}张/共${n}张` : '党务公开';
    const foot: Box[] = last
      ? []
      : [
          {
            kind: 'text',
            x: MARGIN,
            y: height - FOOT / 2 + 10,
            text: `${job.source}　接下一张（第${i + 2}张/共${n}张）`,
            face: 'sans',
            size: 28,
            spacing: 0,
            color: GREY,
          },
        ];
    return { width: WIDTH, height, boxes: [...band(job, m, label), ...f.boxes, ...foot] };
  });
}
