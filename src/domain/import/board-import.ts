/**
 * Boards from the county's spreadsheet into boards.yaml. A row names its unit by name (or id);
 * it matches the registry's board of that unit at the same place, or the unit's only board, so a
 * re-import updates sizes and places without touching what only boards.yaml says (a tile size
 * set by hand, a template chosen later). New boards get b-<unit id>.
 */
import { BOARD_SPEC_KEYS, type Board } from '../schema/board.ts';
import type { Template } from '../schema/template.ts';
import type { Unit, UnitKind } from '../schema/unit.ts';
import { didYouMeanName } from '../suggest.ts';
import { RowReader } from './cells.ts';
import { claimId } from './derive-id.ts';
import { columnLetter, mapHeaders, type ColumnSpec, type ImportProblem, type RegistryPlan, type Sheet } from './sheet.ts';
import { findUnit, nameKey } from './unit-names.ts';

export type BoardColumn =
  | 'unit'
  | 'town'
  | 'location'
  | 'width'
  | 'height'
  | 'size'
  | 'template'
  | 'tile'
  | 'id'
  | 'placement'
  | 'material'
  | 'finish'
  | 'mounting'
  | 'substrate'
  | 'fixing'
  | 'copies';

export const BOARD_COLUMNS: readonly ColumnSpec<BoardColumn>[] = [
  { key: 'unit', headers: ['单位', '单位名称', '所属单位'], required: true },
  // Tells apart villages of one name in different towns.
  { key: 'town', headers: ['所属镇', '所属镇（街道）', '所属乡镇', '所属街道', '镇（街道）', '乡镇', '镇'], required: false },
  { key: 'location', headers: ['位置', '设置位置', '地点'], required: true },
  { key: 'width', headers: ['宽', '宽度', '宽（毫米）'], required: true, alternative: 'size' },
  { key: 'height', headers: ['高', '高度', '高（毫米）'], required: true, alternative: 'size' },
  // Width and height in one cell: 2400×1200, 2.4米×1.2米, 240*120厘米.
  { key: 'size', headers: ['尺寸（宽×高）', '尺寸', '规格', '宽×高', '宽x高', '宽X高', '宽高', '成品尺寸'], required: false },
  { key: 'template', headers: ['模板', '版式'], required: false },
  { key: 'tile', headers: ['拼贴', '拼贴纸张'], required: false },
  { key: 'id', headers: ['标识', '公开栏标识'], required: false },
  // The job ticket for the print shop (all optional).
  { key: 'placement', headers: ['室内/室外', '室内室外', '室内或室外'], required: false },
  { key: 'material', headers: ['材料', '材质'], required: false },
  { key: 'finish', headers: ['表面处理', '覆膜'], required: false },
  { key: 'mounting', headers: ['安装方式', '安装'], required: false },
  { key: 'substrate', headers: ['基材', '贴在哪里'], required: false },
  { key: 'fixing', headers: ['固定方式', '固定'], required: false },
  { key: 'copies', headers: ['份数', '数量'], required: false },
];

const PLACEMENTS: Record<string, 'indoor' | 'outdoor'> = { 室内: 'indoor', 室外: 'outdoor', 户外: 'outdoor', indoor: 'indoor', outdoor: 'outdoor' };

/** The template a board gets when the sheet names none: the one named for its unit's kind. */
const DEFAULT_TEMPLATE: Record<UnitKind, string> = { 'county-committee': 'county-unit', 'county-unit': 'county-unit', town: 'town', village: 'village' };

interface BoardRow {
  row: number;
  id?: string;
  unit: Unit;
  board: Omit<Board, 'id' | 'template' | 'unit'> & { template?: string };
  /** Cells read into another form, by the board field they fill. */
  conversions: Partial<Record<string, string>>;
}

/** Which board fields each column fills: a size column fills two. */
const FIELDS_OF: Partial<Record<BoardColumn, string[]>> = { width: ['width_mm'], height: ['height_mm'], size: ['width_mm', 'height_mm'] };
const fieldsOf = (key: BoardColumn) => FIELDS_OF[key] ?? [key];

/** Width and height from a 尺寸 cell, or from 宽 and 高 (a 宽 cell holding both when 高 is empty). */
function readSizeCells(r: RowReader<BoardColumn>): { width?: number; height?: number } {
  if (r.text('size')) {
    const [width, height] = r.lengths('size', '尺寸', 2, 2) ?? [];
    const w = r.text('width') ? r.lengths('width', '宽', 1, 1)?.[0] : width;
    const h = r.text('height') ? r.lengths('height', '高', 1, 1)?.[0] : height;
    if (width && height && w && h && (w !== width || h !== height))
      return r.problem('size', `尺寸“${r.text('size')}”与宽、高（${w}×${h} 毫米）不一致`, '请只留一处尺寸，或把两处改成一样。') ?? {};
    return { ...(width ? { width } : {}), ...(height ? { height } : {}) };
  }
  if (!r.has('width') && !r.has('height')) return r.has('size') ? (r.problem('size', '尺寸是空的', '请填写宽×高，例如 2400×1200。') ?? {}) : {};
  const both = !r.text('height') ? r.lengths('width', '宽', 1, 2) : r.lengths('width', '宽', 1, 1);
  if (both?.length === 2) return { width: both[0]!, height: both[1]! };
  if (!r.text('width') && r.has('width')) r.problem('width', '宽是空的', '请填写宽（毫米），例如 2400。');
  if (!r.text('height') && r.has('height') && both) r.problem('height', '高是空的', '请填写高（毫米），例如 1200；也可以在“宽”里写 2400×1200。');
  const height = r.text('height') ? r.lengths('height', '高', 1, 1)?.[0] : undefined;
  return { ...(both ? { width: both[0]! } : {}), ...(height ? { height } : {}) };
}

function readRows(
  sheet: Sheet,
  units: readonly Unit[],
  templates: ReadonlyMap<string, Template>,
): { rows: BoardRow[]; problems: ImportProblem[]; fieldColumns: Map<string, string> } {
  const header = mapHeaders(sheet, BOARD_COLUMNS, '公开栏表');
  const problems = [...header.problems];
  const rows: BoardRow[] = [];
  const fieldColumns = new Map<string, string>();
  if (!header.headerRow) return { rows, problems, fieldColumns };
  const headers = sheet.rows.find((r) => r.row === header.headerRow)!.cells;
  for (const [key, i] of header.columns) for (const field of fieldsOf(key)) fieldColumns.set(field, `${columnLetter(i)} 列（${headers[i]}）`);
  const boardTemplates = [...templates].filter(([, t]) => t.kind === 'board').map(([id, t]) => ({ id, name: t.name }));
  // The first row of each unit and place, so a second row for the same board is caught.
  const places = new Map<string, number>();
  for (const raw of sheet.rows.filter((r) => r.row > header.headerRow)) {
    const r = new RowReader(sheet, header.columns, headers, raw);
    const unitText = r.required('unit', '单位', 40);
    const townText = r.limited('town', '所属镇', 40);
    const found = unitText
      ? findUnit(unitText, units, { ...(townText ? { town: townText } : {}), ...(r.has('town') ? { townColumn: r.header('town') } : {}) })
      : undefined;
    if (found && 'problem' in found) r.problem('unit', found.problem, found.hint);
    const unit = found && 'unit' in found ? found.unit : undefined;
    const location = r.required('location', '位置', 80);
    const { width, height } = readSizeCells(r);
    const templateText = r.text('template');
    const template = templateText ? boardTemplates.find((t) => t.id === templateText || t.name === templateText)?.id : undefined;
    if (templateText && !template)
      r.problem(
        'template',
        `模板“${templateText}”不存在`,
        `${didYouMeanName(templateText, boardTemplates) ?? ''}可用的公开栏模板：${boardTemplates.map((t) => `${t.id}（${t.name}）`).join('、')}；留空则按单位类型选择。`,
      );
    const tile = r.text('tile').toUpperCase();
    if (tile && tile !== 'A3' && tile !== 'A4') r.problem('tile', `拼贴纸张“${r.text('tile')}”只能是 A3 或 A4`, '不需要拼贴版的留空。');
    const placementText = r.text('placement');
    const placement = placementText ? PLACEMENTS[placementText.toLowerCase()] : undefined;
    if (placementText && !placement) r.problem('placement', `“${placementText}”应当写“室内”或“室外”`, '不清楚的留空。');
    const copiesText = r
      .text('copies')
      .normalize('NFKC')
      .replace(/[份张块]$/, '');
    const copies = copiesText ? Number(copiesText) : undefined;
    if (copies !== undefined && !(Number.isInteger(copies) && copies >= 1 && copies <= 20))
      r.problem('copies', `份数“${r.text('copies')}”应当是 1 到 20 的整数`, '一块公开栏印一份的留空。');
    const ticket = {
      ...(placement ? { placement } : {}),
      ...Object.fromEntries(
        BOARD_SPEC_KEYS.flatMap((k) => {
          const v = r.limited(k, LABELS[k]!, 40);
          return v ? [[k, v]] : [];
        }),
      ),
      ...(copies ? { copies } : {}),
    };
    const id = r.text('id');
    if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) r.problem('id', `标识“${id}”只能由小写英文字母、数字和连字符组成`, '不确定时留空，导入时会按单位生成。');
    const place = unit && location ? `${unit.id}|${nameKey(location)}` : undefined;
    if (place && places.has(place))
      r.problem(
        'location',
        `与第 ${places.get(place)} 行是同一个单位（${unit!.name}，${unit!.id}）的同一位置“${location}”`,
        '一个位置只写一行。同一处有两块公开栏的，请在“位置”里写明（例如“村委会门前东侧”“村委会门前西侧”）；两行本来是两个同名的村的，请写明所属镇。',
      );
    else if (place) places.set(place, raw.row);
    problems.push(...r.problems);
    if (!unit || !location || !width || !height || r.problems.some((p) => p.severity === 'error')) continue;
    const conversions: BoardRow['conversions'] = {};
    for (const [key, text] of r.conversions) for (const field of fieldsOf(key)) conversions[field] = text;
    rows.push({
      row: raw.row,
      unit,
      ...(id ? { id } : {}),
      board: { location, width_mm: width, height_mm: height, ...(template ? { template } : {}), ...(tile ? { tile: tile as 'A3' | 'A4' } : {}), ...ticket },
      conversions,
    });
  }
  return { rows, problems, fieldColumns };
}

export function planBoards(sheet: Sheet, existing: readonly Board[], units: readonly Unit[], templates: ReadonlyMap<string, Template>): RegistryPlan<Board> {
  const { rows, problems, fieldColumns } = readRows(sheet, units, templates);
  const records: Board[] = existing.map((b) => structuredClone(b));
  const changed = new Map<number, string[]>();
  const conversions = new Map<number, string[]>();
  const added: number[] = [];
  const rowOf = new Map<number, number>();
  const taken = new Set(records.map((b) => b.id));
  const matched = new Set<number>();
  const perUnit = (unit: string, list: readonly { unit: string }[]) => list.filter((b) => b.unit === unit).length;
  for (const row of rows) {
    let i = records.findIndex(
      (b, n) => !matched.has(n) && (row.id ? b.id === row.id : b.unit === row.unit.id && nameKey(b.location) === nameKey(row.board.location)),
    );
    // The unit's only board, moved or re-measured: the same board, not a second one.
    if (
      i < 0 &&
      !row.id &&
      perUnit(row.unit.id, existing) === 1 &&
      perUnit(
        row.unit.id,
        rows.map((x) => ({ unit: x.unit.id })),
      ) === 1
    )
      i = records.findIndex((b) => b.unit === row.unit.id);
    if (i >= 0) {
      matched.add(i);
      rowOf.set(i, row.row);
      const fields = updateBoard(records[i]!, row);
      if (fields.length) {
        changed.set(
          i,
          fields.map((f) => f.note),
        );
        const shown = fields.flatMap((f) => (row.conversions[f.field] ? [row.conversions[f.field]!] : []));
        if (shown.length) conversions.set(i, [...new Set(shown)]);
      }
      continue;
    }
    const wanted = row.id ?? `b-${row.unit.id}`;
    const id = claimId(wanted, taken);
    if (id !== wanted && row.id)
      problems.push({ severity: 'error', sheet: sheet.name, row: row.row, message: `公开栏标识“${wanted}”已被使用`, hint: '请换一个标识，或留空自动生成。' });
    const board: Board = { id, unit: row.unit.id, template: row.board.template ?? DEFAULT_TEMPLATE[row.unit.kind], ...row.board };
    rowOf.set(records.length, row.row);
    const shown = [...new Set(Object.values(row.conversions))] as string[];
    if (shown.length) conversions.set(records.length, shown);
    matched.add(records.length);
    added.push(records.length);
    records.push(board);
  }
  const unchanged = [...matched].filter((i) => i < existing.length && !changed.has(i)).length;
  const notInSheet = existing.filter((b, i) => !matched.has(i)).map((b) => `${b.id}（${b.location}）`);
  return { records, added, changed, unchanged, notInSheet, problems, rowOf, conversions, fieldColumns };
}

const LABELS: Record<string, string> = {
  location: '位置',
  width_mm: '宽',
  height_mm: '高',
  template: '模板',
  tile: '拼贴',
  placement: '室内/室外',
  material: '材料',
  finish: '表面处理',
  mounting: '安装方式',
  substrate: '基材',
  fixing: '固定方式',
  copies: '份数',
};

/** Sets what the row changes on the board; returns each changed field with its note. */
function updateBoard(b: Board, row: BoardRow): { field: string; note: string }[] {
  const out: { field: string; note: string }[] = [];
  for (const [field, value] of Object.entries(row.board) as [keyof BoardRow['board'], string | number][]) {
    if (b[field] === value) continue;
    out.push({ field, note: `${LABELS[field]}：${b[field] ?? '（空）'} → ${value}` });
    (b as Record<string, unknown>)[field] = value;
  }
  return out;
}
