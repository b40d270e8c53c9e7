/**
 * A town's installation list (安装清单): one A4 landscape page (or more) the installer carries
 * from board to board — which board, where it stands, its size, indoors or out, how it is
 * mounted, whom to call on site — with a column to tick. Pure layout: the table is the same
 * table code the boards use, its header row repeated on every page.
 */
import { BLACK, mm, type LaidPage } from './boxes.ts';
import { EM_ASCENT, flowIntoColumns, spacer, textPieces, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';
import { tablePieces } from './table-pieces.ts';

export interface InstallRow {
  board: string;
  unit: string;
  location: string;
  size: string;
  placement: string;
  mounting: string;
  /** What the print goes onto and how it is fixed (基材、固定方式). */
  fixing: string;
  sheets: string;
  contact: string;
}

const A4_LANDSCAPE = { w: mm(297), h: mm(210) };
/** Office printers clip up to 5 mm; 15 mm leaves room to hold and to punch. */
const MARGIN = mm(15);
const SIZE = 10;
const HEAD = ['序号', '公开栏', '单位', '位置', '尺寸（毫米）', '室内/室外', '安装方式', '基材和固定', '印张', '现场联系', '已安装'];

/**
 * `ticket`: the job ticket's lines (deadline, contact, delivery, installation), above the table;
 * `note`: a paragraph under it (the town's boards that get no poster this time).
 */
export function layoutInstallList(
  title: string,
  date: string,
  rows: readonly InstallRow[],
  m: Measurer,
  note?: string,
  ticket: readonly string[] = [],
): LaidPage[] {
  const width = A4_LANDSCAPE.w - 2 * MARGIN;
  const top = MARGIN + 30;
  const col = { x: MARGIN, y: top, w: width, h: A4_LANDSCAPE.h - top - MARGIN - 16 };
  const cells = rows.map((r, i) => [String(i + 1), r.board, r.unit, r.location, r.size, r.placement, r.mounting, r.fixing, r.sheets, r.contact, '']);
  const lead = ticket.flatMap((t) => textPieces(t, width, m, { face: 'sans', size: SIZE, lineHeight: 1.4, justify: false }, ''));
  let queue: Piece[] = rows.length
    ? tablePieces(HEAD, cells, width, m, { size: SIZE, lineHeight: 1.3 }, '')
    : [
        {
          h: SIZE * 2,
          entry: '',
          boxes: [
            {
              kind: 'text',
              x: 0,
              y: SIZE * 1.2,
              text: note ? '本次没有要安装的公开栏。' : '本镇没有公开栏。',
              face: 'sans',
              size: SIZE,
              spacing: 0,
              color: BLACK,
            },
          ],
        },
      ];
  if (note) queue = [...queue, spacer(SIZE), ...textPieces(note, width, m, { face: 'sans', size: SIZE, lineHeight: 1.4, justify: false }, '')];
  if (lead.length) queue = [...lead, spacer(SIZE * 0.6), ...queue];
  const pages: LaidPage[] = [];
  while (queue.length) {
    const f = flowIntoColumns(queue, [col]);
    // A table row is cut when taller than a page, so every page places something.
    if (f.rest.length === queue.length) throw new Error(`安装清单“${title}”的一行比一整页还高`);
    const n = pages.length + 1;
    pages.push({
      width: A4_LANDSCAPE.w,
      height: A4_LANDSCAPE.h,
      boxes: [
        { kind: 'text', x: MARGIN, y: MARGIN + EM_ASCENT * 16, text: title, face: 'sans-bold', size: 16, spacing: 0, color: BLACK },
        {
          kind: 'text',
          x: MARGIN,
          y: MARGIN + 20 + EM_ASCENT * 9,
          text: `印刷文件日期：${date}　共 ${rows.length} 块`,
          face: 'sans',
          size: 9,
          spacing: 0,
          color: BLACK,
        },
        ...f.boxes,
        { kind: 'text', x: A4_LANDSCAPE.w / 2 - 12, y: A4_LANDSCAPE.h - MARGIN, text: `第${n}页`, face: 'sans', size: 9, spacing: 0, color: BLACK },
      ],
    });
    queue = f.rest;
  }
  return pages;
}
