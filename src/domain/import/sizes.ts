/**
 * Board sizes as offices write them in a spreadsheet: one length per cell (2400, 2.4米, 240cm)
 * or width and height in one cell (2400×1200, 2400*1200, 2.4x1.2, 2.4米×1.2米, 240×120厘米), in
 * any width of characters and with spaces. A number without a unit is read in the unit it most
 * likely is for a board — 2.4 in metres, 240 in centimetres, 2400 in millimetres — and the reading
 * is said, so the import's dry run shows it.
 */

export type LengthUnit = 'mm' | 'cm' | 'm';

const FACTOR: Record<LengthUnit, number> = { mm: 1, cm: 10, m: 1000 };
export const UNIT_WORDS: Record<LengthUnit, string> = { mm: '毫米', cm: '厘米', m: '米' };

export interface SizeReading {
  /** Millimetres, one per length the cell holds (one, or width and height). */
  mm: number[];
  /** True unless the cell was whole millimetres in digits: the dry run lists the conversion. */
  converted: boolean;
  /** Which unit a number without one was taken in: “没写单位，按厘米算”. */
  how?: string;
}

export type SizeResult = { ok: SizeReading } | { unreadable: true } | { count: number };

// Words for units, longest first so 毫米 is not read as 米.
const UNIT_TEXT: [RegExp, LengthUnit][] = [
  [/毫米|mm/g, 'mm'],
  [/厘米|公分|cm/g, 'cm'],
  [/米|m/g, 'm'],
];
const PART = /^(\d+(?:\.\d+)?)(mm|cm|m)?$/;

/** The unit a header names in its brackets: 宽（毫米）, 尺寸（米）, 尺寸（宽×高，cm）. */
export function unitOfHeader(header: string): LengthUnit | undefined {
  const note = /[（(]([^）)]*)[）)]/.exec(header.normalize('NFKC'))?.[1]?.toLowerCase() ?? '';
  if (/毫米|mm/.test(note)) return 'mm';
  if (/厘米|公分|cm/.test(note)) return 'cm';
  if (/米|\bm\b/.test(note)) return 'm';
  return undefined;
}

/**
 * The unit bare numbers most likely are on a board: a board is about 0.6–6 m a side, so below 10
 * they are metres, below 600 centimetres (240, 120, 360), from 600 millimetres (800×600, 2400).
 * The largest number of the cell decides for all of them (240×90 is 2400×900 mm).
 */
export function likelyUnit(numbers: readonly number[]): LengthUnit {
  const max = Math.max(...numbers);
  return max < 10 ? 'm' : max < 600 ? 'cm' : 'mm';
}

/** Reads a cell of one length or of width×height; `headerUnit` is the unit the column's header names. */
export function readSize(cell: string, headerUnit?: LengthUnit): SizeResult {
  let s = cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()]/g, '')
    .replace(/[（）]/g, '');
  // Words before the numbers (宽2.4米高1.2米, 宽:2400), and separators between them.
  s = s.replace(/^(宽|宽度)[:：]?/, '').replace(/[,，;；、]?(高|高度)[:：]?/, '×');
  for (const [re, unit] of UNIT_TEXT) s = s.replace(re, unit);
  const parts = s.split(/[×x*✕✖╳]/);
  if (parts.some((p) => p === '')) return { unreadable: true };
  const read = parts.map((p) => PART.exec(p));
  if (read.some((m) => !m)) return { unreadable: true };
  const numbers = read.map((m) => Number(m![1]));
  const stated = read.map((m) => m![2] as LengthUnit | undefined);
  if (numbers.length > 2) return { count: numbers.length };
  // 240×120厘米: a unit written once, at the end, is the unit of the whole cell.
  const last = stated[stated.length - 1];
  const shared = stated.slice(0, -1).every((u) => u === undefined) ? last : undefined;
  const guessed = stated.every((u) => u === undefined) && !headerUnit ? likelyUnit(numbers) : undefined;
  const units = stated.map((u) => u ?? shared ?? headerUnit ?? guessed ?? 'mm');
  const mm = numbers.map((n, i) => Math.round(n * FACTOR[units[i]!]));
  const noneStated = stated.every((u) => u === undefined);
  // Anything but whole millimetres typed as digits is a conversion the dry run shows.
  const converted = !(units.every((u) => u === 'mm') && numbers.every(Number.isInteger) && /^\d+(?:[×x*]\d+)?$/.test(cell.trim()));
  const how = guessed ? `没写单位，按${UNIT_WORDS[guessed]}算` : noneStated && headerUnit ? `按表头的单位${UNIT_WORDS[headerUnit]}算` : undefined;
  return { ok: { mm, converted, ...(how ? { how } : {}) } };
}

/** How to write a size, for a cell that cannot be read. */
export const SIZE_EXAMPLE = '请写毫米数，例如 2400（也可以写 2.4米、240厘米）；一个格子里写宽和高时写 2400×1200、2.4米×1.2米 或 240*120厘米。';
