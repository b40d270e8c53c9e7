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
import { mapHeaders, type ColumnSpec, type ImportProblem, type RegistryPlan, type Sheet } from './sheet.ts';

export type BoardColumn =
  'unit' | 'location' | 'width' | 'height' | 'template' | 'tile' | 'id' | 'placement' | 'material' | 'finish' | 'mounting' | 'substrate' | 'fixing' | 'copies';

export const BOARD_COLUMNS: readonly ColumnSpec<BoardColumn>[] = [
  { key: 'unit', headers: ['单位', '单位名称', '所属单位'], required: true },
  { key: 'location', headers: ['位置', '设置位置', '地点'], required: true },
  { key: 'width', headers: ['宽', '宽度', '宽（毫米）'], required: true },
  { key: 'height', headers: ['高', '高度', '高（毫米）'], required: true },
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
}

function readRows(sheet: Sheet, units: readonly Unit[], templates: ReadonlyMap<string, Template>): { rows: BoardRow[]; problems: ImportProblem[] } {
  const header = mapHeaders(sheet, BOARD_COLUMNS, '公开栏表');
  const problems = [...header.problems];
  const rows: BoardRow[] = [];
  if (!header.headerRow) return { rows, problems };
  const headers = sheet.rows.find((r) => r.row === header.headerRow)!.cells;
  const boardTemplates = [...templates].filter(([, t]) => t.kind === 'board').map(([id, t]) => ({ id, name: t.name }));
  for (const raw of sheet.rows.filter((r) => r.row > header.headerRow)) {
    const r = new RowReader(sheet, header.columns, headers, raw);
    const unitText = r.required('unit', '单位', 40);
    const unit = unitText ? units.find((u) => u.name === unitText || u.id === unitText) : undefined;
    if (unitText && !unit)
      r.problem(
        'unit',
        `单位“${unitText}”不在单位名录中`,
        didYouMeanName(unitText, units) ?? '请先导入单位表（gongkai import units），再导入公开栏表；单位名称要与单位表一字不差。',
      );
    const location = r.required('location', '位置', 80);
    const width = r.millimetres('width', '宽');
    const height = r.millimetres('height', '高');
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
    const copiesText = r.text('copies').replace(/[份张块]$/, '');
    const copies = copiesText ? Number(copiesText) : undefined;
    if (copies !== undefined && !(Number.isInteger(copies) && copies >= 1 && copies <= 20))
      r.problem('copies', `份数“${r.text('copies')}”应当是 1 到 20 的整数`, '一块公开栏印一份的留空。');
    const ticket = {
      ...(placement ? { placement } : {}),
      ...Object.fromEntries(BOARD_SPEC_KEYS.flatMap((k) => (r.text(k) ? [[k, r.text(k).slice(0, 40)]] : []))),
      ...(copies ? { copies } : {}),
    };
    const id = r.text('id');
    if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) r.problem('id', `标识“${id}”只能由小写英文字母、数字和连字符组成`, '不确定时留空，导入时会按单位生成。');
    problems.push(...r.problems);
    if (!unit || !location || !width || !height || r.problems.some((p) => p.severity === 'error')) continue;
    rows.push({
      row: raw.row,
      unit,
      ...(id ? { id } : {}),
      board: { location, width_mm: width, height_mm: height, ...(template ? { template } : {}), ...(tile ? { tile: tile as 'A3' | 'A4' } : {}), ...ticket },
    });
  }
  return { rows, problems };
}

export function planBoards(sheet: Sheet, existing: readonly Board[], units: readonly Unit[], templates: ReadonlyMap<string, Template>): RegistryPlan<Board> {
  const { rows, problems } = readRows(sheet, units, templates);
  const records: Board[] = existing.map((b) => structuredClone(b));
  const changed = new Map<number, string[]>();
  const added: number[] = [];
  const rowOf = new Map<number, number>();
  const taken = new Set(records.map((b) => b.id));
  const matched = new Set<number>();
  const perUnit = (unit: string, list: readonly { unit: string }[]) => list.filter((b) => b.unit === unit).length;
  for (const row of rows) {
    let i = records.findIndex((b, n) => !matched.has(n) && (row.id ? b.id === row.id : b.unit === row.unit.id && b.location === row.board.location));
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
      const notes = updateBoard(records[i]!, row);
      if (notes.length) changed.set(i, notes);
      continue;
    }
    const wanted = row.id ?? `b-${row.unit.id}`;
    const id = claimId(wanted, taken);
    if (id !== wanted && row.id)
      problems.push({ severity: 'error', sheet: sheet.name, row: row.row, message: `公开栏标识“${wanted}”已被使用`, hint: '请换一个标识，或留空自动生成。' });
    const board: Board = { id, unit: row.unit.id, template: row.board.template ?? DEFAULT_TEMPLATE[row.unit.kind], ...row.board };
    rowOf.set(records.length, row.row);
    matched.add(records.length);
    added.push(records.length);
    records.push(board);
  }
  const unchanged = [...matched].filter((i) => i < existing.length && !changed.has(i)).length;
  const notInSheet = existing.filter((b, i) => !matched.has(i)).map((b) => `${b.id}（${b.location}）`);
  return { records, added, changed, unchanged, notInSheet, problems, rowOf };
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

function updateBoard(b: Board, row: BoardRow): string[] {
  const notes: string[] = [];
  for (const [field, value] of Object.entries(row.board) as [keyof BoardRow['board'], string | number][]) {
    if (b[field] === value) continue;
    notes.push(`${LABELS[field]}：${b[field] ?? '（空）'} → ${value}`);
    (b as Record<string, unknown>)[field] = value;
  }
  return notes;
}
