/**
 * Tiling a poster onto A3/A4 sheets for offices without a large-format printer: the poster is
 * cut into a grid of sheets that overlap by a glue strip, each labelled with its row and
 * column. Pure geometry; render-pdf draws it.
 */
import { mm } from './boxes.ts';

export const SHEETS = { A3: [297, 420], A4: [210, 297] } as const;
export type SheetSize = keyof typeof SHEETS;

/** Glue overlap between neighbouring sheets, and the unprintable edge of office printers. */
export const GLUE_MM = 10;
export const EDGE_MM = 8;
/** A band under the printed area for the sheet's label, so the label too keeps EDGE_MM from the edge. */
export const LABEL_BAND_MM = 6;

export interface Tile {
  row: number;
  col: number;
  /** Part of the poster (trim coordinates, points) shown on this sheet. */
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

export interface TilePlan {
  sheet: SheetSize;
  /** Sheet size in points, orientation chosen to need fewer sheets. */
  width: number;
  height: number;
  edge: number;
  /** Baseline-centre height of the sheet's label: in its band, clear of the unprintable edge. */
  labelY: number;
  rows: number;
  cols: number;
  tiles: Tile[];
}

function grid(posterW: number, posterH: number, areaW: number, areaH: number) {
  const glue = mm(GLUE_MM);
  // Each sheet after the first adds its printable width minus the glue strip.
  const cols = Math.max(1, Math.ceil((posterW - glue) / (areaW - glue)));
  const rows = Math.max(1, Math.ceil((posterH - glue) / (areaH - glue)));
  return { cols, rows };
}

export function planTiles(posterW: number, posterH: number, sheet: SheetSize): TilePlan {
  const [a, b] = SHEETS[sheet];
  const edge = mm(EDGE_MM);
  const glue = mm(GLUE_MM);
  const options = [
    [mm(a), mm(b)],
    [mm(b), mm(a)],
  ] as const;
  let best: TilePlan | undefined;
  for (const [w, h] of options) {
    const areaW = w - 2 * edge;
    const areaH = h - 2 * edge - mm(LABEL_BAND_MM);
    const { cols, rows } = grid(posterW, posterH, areaW, areaH);
    if (best && rows * cols >= best.rows * best.cols) continue;
    const tiles: Tile[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const sx = c * (areaW - glue);
        const sy = r * (areaH - glue);
        tiles.push({ row: r + 1, col: c + 1, sx, sy, sw: Math.min(areaW, posterW - sx), sh: Math.min(areaH, posterH - sy) });
      }
    }
    best = { sheet, width: w, height: h, edge, labelY: h - edge - mm(LABEL_BAND_MM) / 2, rows, cols, tiles };
  }
  return best!;
}
