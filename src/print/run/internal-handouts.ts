/**
 * `npm run print:internal`: A4 meeting handouts of party-scope entries (党内公开), one PDF per
 * unit, written to ./internal/ — outside dist/, never deployed. The only output that may hold
 * them, so it selects exactly the entries the publication gate refuses.
 */
import { ContentError } from '../../errors.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatChineseDate } from '../../domain/dates.ts';
import type { Entry, Project } from '../../domain/model.ts';
import { isPublic } from '../../domain/publication.ts';
import { BLACK, mm, type LaidPage } from '../layout/boxes.ts';
import { entryPieces } from '../layout/entry-pieces.ts';
import { EM_ASCENT, flowIntoColumns, type Piece } from '../layout/flow.ts';
import { entryBlocks } from '../layout/entry-blocks.ts';
import { imagesOnDisk } from '../jobs/entry-images.ts';
import type { Measurer } from '../layout/measurer.ts';
import { fontMeasurer } from '../render/fonts.ts';
import { renderPlainPdf } from '../render/render-pdf.ts';

const A4 = { w: mm(210), h: mm(297) };
const MARGIN = mm(20);
/** Handouts are read at arm's length: 3号 body, as in official documents. */
const SIZES = { title: 18, heading: 16, body: 16, meta: 12, lineHeight: 1.6 };

/** Pages of one unit's handout: a header line on every page, entries flowed down one column. */
export function layoutHandout(
  unitName: string,
  entries: readonly { id: string; title: string; meta: string; blocks: ReturnType<typeof entryBlocks> }[],
  m: Measurer,
): LaidPage[] {
  const width = A4.w - 2 * MARGIN;
  const col = { x: MARGIN, y: MARGIN + 28, w: width, h: A4.h - 2 * MARGIN - 28 - 20 };
  let queue: Piece[] = entries.flatMap((e) => entryPieces(e, width, m, SIZES, col.h * 0.6));
  const pages: LaidPage[] = [];
  while (queue.length) {
    const f = flowIntoColumns(queue, [col]);
    if (f.rest.length === queue.length)
      throw new ContentError(`${unitName}的党内公开材料中有一块内容比一整页还高，无法排版。请拆分这块内容（如过长的表格行）。`);
    const n = pages.length + 1;
    const head = `${unitName}　党内公开材料　仅供党内会议使用，请勿外传、请勿张贴`;
    pages.push({
      width: A4.w,
      height: A4.h,
      boxes: [
        { kind: 'text', x: MARGIN, y: MARGIN + EM_ASCENT * 11, text: head, face: 'sans', size: 11, spacing: 0, color: [0, 100, 100, 0] },
        { kind: 'line', x1: MARGIN, y1: MARGIN + 18, x2: A4.w - MARGIN, y2: MARGIN + 18, color: [0, 100, 100, 0], width: 1 },
        ...f.boxes,
        { kind: 'text', x: A4.w / 2 - 10, y: A4.h - MARGIN + 10, text: `第${n}页`, face: 'serif', size: 10, spacing: 0, color: BLACK },
      ],
    });
    queue = f.rest;
  }
  return pages;
}

export async function runInternalHandouts(o: { project: Project; outDir: string; today: string }): Promise<{ files: number; entries: number }> {
  const party = o.project.entries.filter((e) => !isPublic(e) && e.data.date <= o.today);
  const byUnit = new Map<string, Entry[]>();
  for (const e of party) byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e]);
  rmSync(o.outDir, { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });
  const m = fontMeasurer();
  for (const [unitId, list] of [...byUnit].sort(([a], [b]) => a.localeCompare(b))) {
    const unitName = o.project.units.find((u) => u.id === unitId)?.name ?? unitId;
    list.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
    const entries = list.map((e) => ({
      id: e.id,
      title: e.data.title,
      meta: `${formatChineseDate(e.data.date)}　${o.project.catalog.items.get(e.data.item)?.name ?? e.data.item}`,
      blocks: entryBlocks(
        e.body,
        imagesOnDisk((src) => join(dirname(resolve(e.source.path)), decodeURI(src.split(/[?#]/)[0]!))),
      ),
    }));
    const pdf = await renderPlainPdf(layoutHandout(unitName, entries, m), {
      title: `${unitName}党内公开会议材料`,
      author: unitName,
      subject: '党内公开（仅供会议使用）',
      date: list[0]!.data.date,
    });
    writeFileSync(join(o.outDir, `${unitId}.pdf`), pdf);
  }
  return { files: byUnit.size, entries: party.length };
}
