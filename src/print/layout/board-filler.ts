/**
 * A board with little on it — a unit that has published two or three entries — would print them
 * at their largest size and leave most of the sheet bare. Below its content it gets instead what
 * every household card carries on its back: how to ask for a disclosure (点题), where, how soon
 * it is answered, whom to call, and a QR code to all of the unit's disclosures on the website —
 * set large enough to fill the band it is given, the code as tall as the band allows. Useful to a
 * passer-by, and no board is left with a hole.
 */
import { mm, type Box, type Cmyk } from './boxes.ts';
import { EM_ASCENT } from './flow.ts';
import type { Measurer } from './measurer.ts';
import { qrQuietZone } from './qr-geometry.ts';

/** A labelled line of the band (点题渠道, 答复时限, 办公电话, 监督电话 …). */
export interface AskLine {
  label: string;
  text: string;
}

export const ASK_TITLE = '想了解哪些党务，请点题';
export const ASK_SCAN = '扫码查看本单位全部公开内容';
const LEADING = 1.45;

export interface Band {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The band's boxes: the text on the left, set as large as fits (between `minPt` and `maxPt`); the QR code on the right. */
export function fillerBand(band: Band, lines: readonly AskLine[], qrUrl: string, color: Cmyk, m: Measurer, minPt: number, maxPt: number): Box[] {
  const rule: Box = { kind: 'line', x1: band.x, y1: band.y, x2: band.x + band.w, y2: band.y, color, width: mm(1.5) };
  const qr = Math.min(band.h - mm(10), band.w * 0.3);
  const gap = Math.max(mm(15), qr * 0.08);
  const textW = band.w - qr - gap;
  const rows = [
    { text: ASK_TITLE, face: 'sans-bold' as const, color },
    ...lines.map((l) => ({ text: `${l.label}：${l.text}`, face: 'sans' as const, color: [0, 0, 0, 100] as Cmyk })),
    { text: ASK_SCAN, face: 'sans-bold' as const, color: [0, 0, 0, 100] as Cmyk },
  ];
  // The largest size at which every line fits the width and all of them the height.
  const widest = Math.max(...rows.map((r) => m.width(r.text, r.face, 100) / 100));
  const size = Math.max(minPt, Math.min(maxPt, textW / widest, (band.h - mm(10)) / (rows.length * LEADING)));
  const lh = size * LEADING;
  const top = band.y + (band.h - rows.length * lh) / 2;
  // The text and the code's ink as one group, centred: what is left over is shared at both ends.
  const quiet = qrQuietZone(qrUrl) * qr;
  const group = widest * size + gap + qr - 2 * quiet;
  const left = band.x + Math.max(0, (band.w - group) / 2);
  const boxes: Box[] = [rule];
  rows.forEach((r, i) =>
    boxes.push({ kind: 'text', x: left, y: top + i * lh + (lh - size) / 2 + EM_ASCENT * size, text: r.text, face: r.face, size, spacing: 0, color: r.color }),
  );
  if (qr > mm(20))
    boxes.push({
      kind: 'qr',
      x: Math.min(band.x + band.w - qr + quiet, left + widest * size + gap - quiet),
      y: band.y + (band.h - qr) / 2,
      size: qr,
      url: qrUrl,
    });
  return boxes;
}
