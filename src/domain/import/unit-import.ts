/**
 * Units from the county's spreadsheet into units.yaml. Rows are matched to the registry by name
 * (or by 标识 when the sheet has that column), so a re-import updates what the sheet says and
 * keeps what only the registry says: fields the sheet leaves empty, maintainers typed by hand,
 * units the sheet does not list. New units get ids from their names in pinyin.
 */
import { UNIT_KIND_LABELS, type Unit, type UnitKind } from '../schema/unit.ts';
import { didYouMeanName } from '../suggest.ts';
import { RowReader } from './cells.ts';
import { claimId, unitIdFor, type Pinyin } from './derive-id.ts';
import { mapHeaders, type ColumnSpec, type ImportProblem, type RegistryPlan, type Sheet } from './sheet.ts';

export type UnitColumn = 'name' | 'parent' | 'kind' | 'households' | 'phone' | 'address' | 'hours' | 'maintainers' | 'id';

export const UNIT_COLUMNS: readonly ColumnSpec<UnitColumn>[] = [
  { key: 'name', headers: ['单位名称', '名称', '党组织名称', '单位'], required: true },
  { key: 'parent', headers: ['上级单位', '上级党组织', '上级'], required: false },
  { key: 'kind', headers: ['类型', '单位类型', '层级'], required: true },
  { key: 'households', headers: ['户数', '人数', '户数/人数'], required: false },
  { key: 'phone', headers: ['电话', '联系电话', '办公电话'], required: false },
  { key: 'address', headers: ['地址', '办公地址'], required: false },
  { key: 'hours', headers: ['办公时间'], required: false },
  { key: 'maintainers', headers: ['维护人', '维护人账号'], required: false },
  { key: 'id', headers: ['标识', '英文标识'], required: false },
];

interface UnitRow {
  row: number;
  id?: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  fields: Partial<Pick<Unit, 'households' | 'phone' | 'address' | 'hours' | 'maintainers'>>;
}

function readRows(sheet: Sheet): { rows: UnitRow[]; problems: ImportProblem[]; names: Set<string>; skipped: { row: number; parent: string }[] } {
  const header = mapHeaders(sheet, UNIT_COLUMNS, '单位表');
  const problems = [...header.problems];
  const rows: UnitRow[] = [];
  // Every name in the sheet, and the parents of rows left out for other errors: a wrong parent is
  // reported in the same pass as the cell errors, not only after they are fixed.
  const names = new Set<string>();
  const skipped: { row: number; parent: string }[] = [];
  if (!header.headerRow) return { rows, problems, names, skipped };
  const headers = sheet.rows.find((r) => r.row === header.headerRow)!.cells;
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
    if (name && seen.has(name))
      r.problem('name', `单位名称“${name}”与第 ${seen.get(name)} 行重复`, '同一个单位只写一行；名称相同的两个单位请写全称区分（例如加上镇名）。');
    problems.push(...r.problems);
    if (name) seen.set(name, raw.row);
    if (name) names.add(name);
    const parent = r.text('parent');
    if (!name || !kind || r.problems.some((p) => p.severity === 'error')) {
      if (parent) skipped.push({ row: raw.row, parent });
      continue;
    }
    rows.push({ row: raw.row, name, kind, fields, ...(id ? { id } : {}), ...(parent ? { parent } : {}) });
  }
  return { rows, problems, names, skipped };
}

/** The message and hint for a parent found neither in the sheet nor in units.yaml. */
function unknownParent(parent: string, candidates: readonly { id: string; name: string }[]): [string, string] {
  return [
    `上级单位“${parent}”既不在表格中，也不在单位名录中`,
    didYouMeanName(parent, candidates) ?? '请填写表格或 units.yaml 中已有单位的名称（与“单位名称”列一字不差）。',
  ];
}

/** Plans units.yaml after importing `sheet` into `existing`: nothing is written here. */
export function planUnits(sheet: Sheet, existing: readonly Unit[], county: string, pinyin: Pinyin): RegistryPlan<Unit> {
  const { rows, problems, names, skipped } = readRows(sheet);
  const at = (row: number, message: string, hint?: string, severity: ImportProblem['severity'] = 'error') =>
    problems.push({ severity, sheet: sheet.name, row, message, ...(hint ? { hint } : {}) });
  for (const x of skipped)
    if (!names.has(x.parent) && !existing.some((u) => u.name === x.parent || u.id === x.parent))
      at(x.row, ...unknownParent(x.parent, [...existing, ...[...names].map((name) => ({ id: name, name }))]));
  const records: Unit[] = existing.map((u) => structuredClone(u));
  const changed = new Map<number, string[]>();
  const added: number[] = [];
  const taken = new Set(records.map((u) => u.id));
  const rowOf = new Map<number, number>();

  // Match first, so parents named in the sheet are found whatever the row order.
  const indexOf = (row: UnitRow) => records.findIndex((u) => (row.id ? u.id === row.id : u.name === row.name));
  const pending: UnitRow[] = [];
  const matched: [number, UnitRow][] = [];
  for (const row of rows) {
    const i = indexOf(row);
    if (i < 0) pending.push(row);
    else {
      rowOf.set(i, row.row);
      update(records, i, row, changed);
      matched.push([i, row]);
    }
  }
  const committee = () => records.find((u) => u.kind === 'county-committee');
  const resolveParent = (row: UnitRow): string | undefined => {
    if (row.kind === 'county-committee') return undefined;
    if (!row.parent) {
      if (row.kind === 'village') return void at(row.row, `村（社区）“${row.name}”没有填上级单位`, '请在“上级单位”列填写它所属的镇（街道）的名称。');
      return (
        committee()?.id ?? void at(row.row, `“${row.name}”没有上级单位，单位名录里也还没有县委`, '请先运行 gongkai init，或在表格中加一行类型为“县委”的单位。')
      );
    }
    const p = records.find((u) => u.name === row.parent || u.id === row.parent) ?? pendingParent(row.parent);
    if (p) return p.id;
    return void at(row.row, ...unknownParent(row.parent, [...records, ...made.values()]));
  };
  // New units in an order where parents come first (county committee, towns and county units, villages).
  const order: Record<UnitKind, number> = { 'county-committee': 0, 'county-unit': 1, town: 1, village: 2 };
  const made = new Map<string, Unit>();
  const pendingParent = (name: string) => made.get(name);
  for (const row of [...pending].sort((a, b) => order[a.kind] - order[b.kind] || a.row - b.row)) {
    if (row.kind === 'county-committee' && committee()) {
      at(row.row, `单位名录里已经有县委“${committee()!.name}”`, '只能有一个县委：请把这一行的单位名称改成与 units.yaml 中的县委名称一致，或删除这一行。');
      continue;
    }
    const parent = resolveParent(row);
    if (row.kind !== 'county-committee' && !parent) continue;
    const wanted = row.id ?? unitIdFor(row.name, row.kind, county, pinyin, parent);
    const id = claimId(wanted, taken);
    if (id !== wanted)
      at(
        row.row,
        `按名称生成的标识“${wanted}”已被其他单位使用，“${row.name}”改用“${id}”`,
        '标识就是文件夹名和网址，导入后不要再改；想用别的标识，可以在表格中加“标识”列填写。',
        'warning',
      );
    const unit: Unit = { id, name: row.name, kind: row.kind, ...(parent ? { parent } : {}), maintainers: [], ...row.fields };
    made.set(row.name, unit);
    rowOf.set(records.length, row.row);
    added.push(records.length);
    records.push(unit);
  }
  // A village moved to another town in the sheet moves in the registry; an empty 上级单位 cell keeps the registry's.
  for (const [i, row] of matched) {
    if (!row.parent) continue;
    const parent = resolveParent(row);
    const u = records[i]!;
    if (!parent || parent === u.parent) continue;
    changed.set(i, [...(changed.get(i) ?? []), `上级单位：${u.parent ?? '（空）'} → ${parent}`]);
    u.parent = parent;
  }
  const listed = new Set(rows.map((r) => r.name));
  const unchanged = existing.filter((u, i) => !changed.has(i) && listed.has(u.name)).length;
  const notInSheet = existing
    .filter((u) => u.kind !== 'county-committee' && !listed.has(u.name) && !rows.some((r) => r.id === u.id))
    .map((u) => `${u.name}（${u.id}）`);
  return { records, added, changed, unchanged, notInSheet, problems, rowOf };
}

const FIELD_LABELS: Record<string, string> = {
  kind: '类型',
  parent: '上级单位',
  households: '户数',
  phone: '电话',
  address: '地址',
  hours: '办公时间',
  maintainers: '维护人',
};

function update(records: Unit[], i: number, row: UnitRow, changed: Map<number, string[]>): void {
  const u = records[i]!;
  const notes: string[] = [];
  const set = <F extends keyof Unit>(field: F, value: Unit[F], show: (v: Unit[F]) => string) => {
    if (JSON.stringify(u[field]) === JSON.stringify(value)) return;
    notes.push(`${FIELD_LABELS[field] ?? field}：${u[field] === undefined ? '（空）' : show(u[field])} → ${show(value)}`);
    u[field] = value;
  };
  set('kind', row.kind, (k) => UNIT_KIND_LABELS[k!]);
  for (const [field, value] of Object.entries(row.fields) as [keyof UnitRow['fields'], never][])
    set(field, value, (v) => (Array.isArray(v) ? v.join('、') : String(v)));
  if (notes.length) changed.set(i, notes);
}
