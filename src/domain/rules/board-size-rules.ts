/**
 * A board's size against the templates: a board whose size no template has is laid out by the
 * nearest template scaled to fit (board-templates.ts). A little scaling is fine (2440×1220 is a
 * 2400×1200 board with a frame); a size off by a factor of ten is a typo, and scaling a template
 * down that far sets the header title under the legibility floor and the QR code's modules
 * under what a phone can read. That is an error in `check`, not a warning in `print`: the
 * message says what the scale would do, and names the likely typo — a size one digit away from
 * a template's or a common board size.
 */
import { nearestTemplate, unitUrl } from '../board-templates.ts';
import { error, type Finding } from '../diagnostics.ts';
import { qrSize } from '../qr-code.ts';
import type { Board } from '../schema/board.ts';
import { boardLayoutSchema } from '../schema/board-layout.ts';
import type { Site } from '../schema/site.ts';
import type { Template } from '../schema/template.ts';

/** A QR module smaller than this is not read reliably by a phone from arm's length. */
export const QR_MODULE_MIN_MM = 0.5;

/** Board sizes counties commonly buy (one KT sheet and its neighbours), besides the templates' own. */
export const COMMON_BOARD_SIZES: readonly (readonly [number, number])[] = [
  [2400, 1200],
  [3000, 1500],
  [3600, 2000],
  [1200, 900],
  [800, 600],
];

/** What one edit of one digit turns `typed` into `meant`, or undefined when it takes more. */
function oneDigitEdit(typed: number, meant: number): string | undefined {
  const [a, b] = [String(typed), String(meant)];
  if (a === b) return undefined;
  if (a.length + 1 === b.length) for (let i = 0; i <= a.length; i++) if (a.slice(0, i) + b[i] + a.slice(i) === b) return '少写了一位';
  if (a.length === b.length + 1) for (let i = 0; i < a.length; i++) if (a.slice(0, i) + a.slice(i + 1) === b) return '多写了一位';
  if (a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1) return '有一位写错了';
  return undefined;
}

/** “高度 120 可能是 1200（少写了一位）”: a size one digit away from a known one, if any. */
export function likelyTypo(width: number, height: number, known: readonly (readonly [number, number])[]): string | undefined {
  for (const [w, h] of known) {
    if (w === width && oneDigitEdit(height, h)) return `高度 ${height} 很可能是 ${h}（${oneDigitEdit(height, h)}），即 ${w}×${h}`;
    if (h === height && oneDigitEdit(width, w)) return `宽度 ${width} 很可能是 ${w}（${oneDigitEdit(width, w)}），即 ${w}×${h}`;
  }
  return undefined;
}

/** Modules across the board's QR code (the unit's page, error correction M, as the renderer draws it), quiet zone included. */
const qrModules = (url: string) => qrSize(url) + 8;

export function checkBoardSizes(boards: readonly Board[], templates: ReadonlyMap<string, Template>, site: Site | undefined): Finding[] {
  const floor = site?.defaults.board_body_min_pt ?? 28;
  const known = [...[...templates.values()].filter((t) => t.kind === 'board').map((t) => [t.width_mm, t.height_mm] as const), ...COMMON_BOARD_SIZES];
  const out: Finding[] = [];
  boards.forEach((b, i) => {
    const near = nearestTemplate(b, templates);
    if (!near || near.exact) return;
    const parsed = boardLayoutSchema.safeParse(near.template.layout);
    if (!parsed.success) return; // the template's own error is reported where the board is printed
    const L = parsed.data;
    const title = L.header.title_pt * near.scale;
    const module = (L.footer.qr_mm * near.scale) / qrModules(unitUrl(site?.base_url ?? 'https://example.invalid/', b.unit));
    const problems = [
      ...(title < floor ? [`标题只有 ${title.toFixed(1)} 磅（不能小于 ${floor} 磅）`] : []),
      ...(module < QR_MODULE_MIN_MM ? [`二维码每格只有 ${module.toFixed(2)} 毫米（手机扫不出，不能小于 ${QR_MODULE_MIN_MM} 毫米）`] : []),
    ];
    if (!problems.length) return;
    const t = near.template;
    const typo = likelyTypo(b.width_mm, b.height_mm, known);
    out.push(
      error(
        'board-size-illegible',
        `公开栏 ${b.id} 的尺寸 ${b.width_mm}×${b.height_mm} 毫米没有对应的模板，按最接近的模板“${t.name}”（${t.width_mm}×${t.height_mm}）要缩小到 ${near.scale.toFixed(2)} 倍：${problems.join('，')}`,
        `${typo ? `${typo}。` : ''}请核对 boards.yaml 中这块公开栏的宽度和高度（单位是毫米）；确实是这个尺寸的公开栏，请在 templates/ 中新增这个尺寸的模板。`,
        [i, typo?.startsWith('宽度') ? 'width_mm' : 'height_mm'],
      ),
    );
  });
  return out;
}
