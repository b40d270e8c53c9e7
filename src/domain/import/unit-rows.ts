/**
 * The rows of a units sheet, read cell by cell: the columns the importer knows (by their Chinese
 * headers), each row's values in the registry's form, what was read into another form, and the
 * problems of each cell. Matching rows to the registry is unit-import.ts's part.
 */
import type { Unit, UnitKind } from '../schema/unit.ts';
import { RowReader } from './cells.ts';
import { columnLetter, mapHeaders, type ColumnSpec, type ImportProblem, type Sheet } from './sheet.ts';
import { nameKey } from './unit-names.ts';

export type UnitColumn = 'name' | 'parent' | 'kind' | 'households' | 'phone' | 'address' | 'hours' | 'maintainers' | 'id' | 'rename';

export const UNIT_COLUMNS: readonly ColumnSpec<UnitColumn>[] = [
  { key: 'name', headers: ['单位名称', '名称', '党组织名称', '单位'], required: true },
  { key: 'parent', headers: ['上级单位', '上级党组织', '上级', '所属镇', '所属镇（街道）', '所属乡镇', '所属街道'], required: false },
  { key: 'kind', headers: ['类型', '单位类型', '层级'], required: true },
  { key: 'households', headers: ['户数', '人数', '户数/人数'], required: false },
  { key: 'phone', headers: ['电话', '联系电话', '办公电话'], required: false },
  { key: 'address', headers: ['地址', '办公地址'], required: false },
  { key: 'hours', headers: ['办公时间'], required: false },
  { key: 'maintainers', headers: ['维护人', '维护人账号'], required: false },
  { key: 'id', headers: ['标识', '英文标识'], required: false },
  // The unit's name before a rename: the row renames that unit instead of adding one.
  { key: 'rename', headers: ['原名称', '原单位名称', '曾用名', '旧名称'], required: false },
];

export interface UnitRow {
  row: number;
  id?: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  /** The name the unit had (原名称): this row renames it. */
  renameFrom?: string;
  fields: Partial<Pick<Unit, 'households' | 'phone' | 'address' | 'hours' | 'maintainers'>>;
  /** Cells read into another form, by field. */
  conversions: Partial<Record<string, string>>;
}

export interface ReadResult {
  rows: UnitRow[];
  problems: ImportProblem[];
  names: Set<string>;
  skipped: { row: number; parent: string }[];
  fieldColumns: Map<string, string>;
}

export function readUnitRows(sheet: Sheet): ReadResult {
  const header = mapHeaders(sheet, UNIT_COLUMNS, '单位表');
  const problems = [...header.problems];
  const rows: UnitRow[] = [];
  // Every name in the sheet, and the parents of rows left out for other errors: a wrong parent is
  // reported in the same pass as the cell errors, not only after they are fixed.
  const names = new Set<string>();
  const skipped: { row: number; parent: string }[] = [];
  const fieldColumns = new Map<string, string>();
  if (!header.headerRow) return { rows, problems, names, skipped, fieldColumns };
  const headers = sheet.rows.find((r) => r.row === header.headerRow)!.cells;
  for (const [key, i] of header.columns) fieldColumns.set(key, `${columnLetter(i)} 列（${headers[i]}）`);
  // Two rows of one name are one unit written twice only under the same parent: villages of one name in two towns are two units.
  const seen = new Map<string, number>();
  for (const raw of sheet.rows.filter((r) => r.row > header.headerRow)) {
    const r = new RowReader(sheet, header.columns, headers, raw);
    const name = r.required('name', '单位名称', 40);
    const kind = r.kind('kind');
    const fields: UnitRow['fields'] = {};
    const households = r.integer('households', '户数', 100000);
    if (households !== undefined) fields.households = households;
    const phone = r.phone('phone', '电话');
    if (phone) fields.phone = phone;
    const address = r.limited('address', '地址', 80);
    if (address) fields.address = address;
    const hours = r.limited('hours', '办公时间', 60);
    if (hours) fields.hours = hours;
    const maintainers = r.handles('maintainers', '维护人');
    if (maintainers) fields.maintainers = maintainers;
    const id = r.text('id');
    if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) r.problem('id', `标识“${id}”只能由小写英文字母、数字和连字符组成`, '不确定时留空，导入时会按名称的拼音生成。');
    const parent = r.limited('parent', '上级单位', 40);
    const renameFrom = r.limited('rename', '原名称', 40);
    const key = name ? `${nameKey(name)}|${nameKey(parent ?? '')}` : '';
    if (name && seen.has(key))
      r.problem(
        'name',
        `单位名称“${name}”与第 ${seen.get(key)} 行重复`,
        '同一个单位只写一行；名称相同的两个单位（例如两个镇各有一个新庄村）请在“上级单位”列写明各自的镇。',
      );
    problems.push(...r.problems);
    if (name && !seen.has(key)) seen.set(key, raw.row);
    if (name) names.add(nameKey(name));
    if (!name || !kind || r.problems.some((p) => p.severity === 'error')) {
      if (parent) skipped.push({ row: raw.row, parent });
      continue;
    }
    const conversions = Object.fromEntries(r.conversions);
    rows.push({
      row: raw.row,
      name,
      kind,
      fields,
      conversions,
      ...(id ? { id } : {}),
      ...(parent ? { parent } : {}),
      ...(renameFrom && nameKey(renameFrom) !== nameKey(name) ? { renameFrom } : {}),
    });
  }
  return { rows, problems, names, skipped, fieldColumns };
}
