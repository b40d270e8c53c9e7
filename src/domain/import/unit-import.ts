/**
 * Units from the county's spreadsheet into units.yaml. Rows are matched to the registry by name
 * and parent (or by 标识 when the sheet has that column; by 原名称 for a rename), so a re-import
 * updates what the sheet says and keeps what only the registry says: fields the sheet leaves
 * empty, maintainers typed by hand, units the sheet does not list. Names are compared as people
 * read them (新庄村(石桥) is 新庄村（石桥）): a corrected name renames, never adds a second unit.
 * New units get ids from their names in pinyin.
 */
import { UNIT_KIND_LABELS, type Unit, type UnitKind } from '../schema/unit.ts';
import { didYouMeanName } from '../suggest.ts';
import { claimId, unitIdFor, type Pinyin } from './derive-id.ts';
import type { ImportProblem, RegistryPlan, Sheet } from './sheet.ts';
import { nameKey } from './unit-names.ts';
import { renameParents, type UnitRename } from './unit-rename.ts';
import { readUnitRows, type UnitRow } from './unit-rows.ts';

export { UNIT_COLUMNS, type UnitColumn } from './unit-rows.ts';

/** The message and hint for a parent found neither in the sheet nor in units.yaml. */
function unknownParent(parent: string, candidates: readonly { id: string; name: string }[]): [string, string] {
  return [
    `上级单位“${parent}”既不在表格中，也不在单位名录中`,
    didYouMeanName(parent, candidates) ?? '请填写表格或 units.yaml 中已有单位的名称（与“单位名称”列一字不差）。',
  ];
}

const townOf = (u: Unit, records: readonly Unit[]) => (u.parent ? records.find((p) => p.id === u.parent) : undefined);
const describe = (u: Unit, records: readonly Unit[]) => {
  const town = townOf(u, records);
  return `${town && u.kind === 'village' ? `${town.name}的` : ''}“${u.name}”（${u.id}）`;
};

/** Plans units.yaml after importing `sheet` into `existing`: nothing is written here. */
export function planUnits(sheet: Sheet, existing: readonly Unit[], county: string, pinyin: Pinyin): RegistryPlan<Unit> {
  const { rows, problems, names, skipped, fieldColumns } = readUnitRows(sheet);
  const at = (row: number, message: string, hint?: string, severity: ImportProblem['severity'] = 'error') =>
    problems.push({ severity, sheet: sheet.name, row, message, ...(hint ? { hint } : {}) });
  const isKnown = (name: string) => names.has(nameKey(name)) || existing.some((u) => nameKey(u.name) === nameKey(name) || u.id === name);
  for (const x of skipped) if (!isKnown(x.parent)) at(x.row, ...unknownParent(x.parent, [...existing, ...[...names].map((name) => ({ id: name, name }))]));
  const records: Unit[] = existing.map((u) => structuredClone(u));
  const changed = new Map<number, string[]>();
  const conversions = new Map<number, string[]>();
  const added: number[] = [];
  const taken = new Set(records.map((u) => u.id));
  const rowOf = new Map<number, number>();
  const renames: UnitRename[] = [];

  // Rows find their records: by 标识, by 原名称 (a rename), then by name under the same parent,
  // then by name alone when only one unit has it (a unit moved to another town).
  const claimed = new Set<number>();
  const parentIdOf = (text: string | undefined) => (text ? records.find((u) => nameKey(u.name) === nameKey(text) || u.id === text)?.id : undefined);
  const byName = (name: string, parent: string | undefined, pool: (u: Unit, i: number) => boolean) => {
    const same = records.flatMap((u, i) => (pool(u, i) && nameKey(u.name) === nameKey(name) ? [i] : []));
    const pid = parentIdOf(parent);
    const under = parent ? same.filter((i) => records[i]!.parent === pid) : [];
    return { same, under };
  };
  const free = (_: Unit, i: number) => !claimed.has(i);
  const matchOf = new Map<UnitRow, number>();
  const claim = (row: UnitRow, i: number) => {
    matchOf.set(row, i);
    claimed.add(i);
  };
  for (const row of rows) {
    if (row.id) {
      const i = records.findIndex((u) => u.id === row.id);
      if (i >= 0) claim(row, i);
    }
  }
  for (const row of rows.filter((r) => r.renameFrom && !matchOf.has(r))) {
    const { same, under } = byName(row.renameFrom!, row.parent, free);
    const pick = under.length === 1 ? under : same;
    if (pick.length === 1) claim(row, pick[0]!);
    else if (pick.length > 1)
      at(
        row.row,
        `原名称“${row.renameFrom}”在名录中有 ${pick.length} 个：${pick.map((i) => describe(records[i]!, records)).join('、')}`,
        '请在“上级单位”列写明它所属的镇。',
      );
    else {
      // Renamed before (the same sheet imported again): the unit has its new name already.
      const again = byName(row.name, row.parent, free);
      const found = again.under.length === 1 ? again.under : again.same;
      if (found.length === 1) claim(row, found[0]!);
      else at(row.row, `原名称“${row.renameFrom}”不在单位名录中`, '“原名称”写改名前的名称（与 units.yaml 中的一字不差）；不是改名的行请留空。');
    }
  }
  for (const row of rows.filter((r) => !matchOf.has(r))) {
    const { under } = byName(row.name, row.parent, free);
    if (under.length === 1) claim(row, under[0]!);
  }
  for (const row of rows.filter((r) => !matchOf.has(r) && !r.renameFrom)) {
    const { same } = byName(row.name, row.parent, free);
    if (same.length === 1) claim(row, same[0]!);
    else if (same.length > 1 && !row.parent)
      at(
        row.row,
        `名录中有 ${same.length} 个“${row.name}”：${same.map((i) => describe(records[i]!, records)).join('、')}，看不出指的是哪一个`,
        '请在“上级单位”列写明它所属的镇。',
      );
  }
  const pending = rows.filter((r) => !matchOf.has(r) && !problems.some((p) => p.row === r.row && p.severity === 'error'));
  for (const [row, i] of matchOf) {
    rowOf.set(i, row.row);
    const fields = update(records[i]!, row);
    if (nameKey(row.name) !== nameKey(records[i]!.name)) {
      const u = records[i]!;
      const wanted = row.id ?? unitIdFor(row.name, u.kind, county, pinyin, u.parent);
      taken.delete(u.id);
      const to = wanted === u.id ? u.id : claimId(wanted, taken);
      taken.add(to);
      fields.push({ field: 'name', note: `名称：${u.name} → ${row.name}` });
      if (to !== u.id) fields.push({ field: 'id', note: `标识：${u.id} → ${to}（文件夹、公开栏和 CODEOWNERS 随之改名）` });
      renames.push({ from: u.id, to, oldName: u.name, newName: row.name });
      u.id = to;
      u.name = row.name;
    } else if (row.name !== records[i]!.name) {
      // The same name written otherwise (brackets, spaces): corrected in place, never a second unit.
      fields.push({ field: 'name', note: `名称：${records[i]!.name} → ${row.name}` });
      records[i]!.name = row.name;
    }
    note(i, fields, row, changed, conversions);
  }

  const committee = () => records.find((u) => u.kind === 'county-committee');
  const made = new Map<string, Unit>();
  const resolveParent = (row: UnitRow): string | undefined => {
    if (row.kind === 'county-committee') return undefined;
    if (!row.parent) {
      if (row.kind === 'village') return void at(row.row, `村（社区）“${row.name}”没有填上级单位`, '请在“上级单位”列填写它所属的镇（街道）的名称。');
      return (
        committee()?.id ?? void at(row.row, `“${row.name}”没有上级单位，单位名录里也还没有县委`, '请先运行 gongkai init，或在表格中加一行类型为“县委”的单位。')
      );
    }
    const p = records.find((u) => nameKey(u.name) === nameKey(row.parent!) || u.id === row.parent) ?? made.get(nameKey(row.parent));
    if (p) return p.id;
    return void at(row.row, ...unknownParent(row.parent, [...records, ...made.values()]));
  };
  // New units in an order where parents come first (county committee, towns and county units, villages).
  const order: Record<UnitKind, number> = { 'county-committee': 0, 'county-unit': 1, town: 1, village: 2 };
  const listed = new Set(matchOf.values());
  for (const row of [...pending].sort((a, b) => order[a.kind] - order[b.kind] || a.row - b.row)) {
    if (row.kind === 'county-committee' && committee()) {
      at(row.row, `单位名录里已经有县委“${committee()!.name}”`, '只能有一个县委：请把这一行的单位名称改成与 units.yaml 中的县委名称一致，或删除这一行。');
      continue;
    }
    const parent = resolveParent(row);
    if (row.kind !== 'county-committee' && !parent) continue;
    const wanted = row.id ?? unitIdFor(row.name, row.kind, county, pinyin, parent);
    const holder = records.findIndex((u) => u.id === wanted);
    // The id of a unit the sheet no longer lists, under the same parent: most likely that unit renamed.
    if (!row.id && holder >= 0 && holder < existing.length && !listed.has(holder) && records[holder]!.parent === parent) {
      at(
        row.row,
        `“${row.name}”像是名录中“${records[holder]!.name}”（${wanted}）改了名，导入会多出一个单位`,
        `如果是改名，请在表格中加一列“原名称”，这一行写“${records[holder]!.name}”（或运行 npm run gongkai -- rename unit ${records[holder]!.name} ${row.name}）；确实是另一个单位的，请在“标识”列给它另定一个标识。`,
      );
      continue;
    }
    const id = claimId(wanted, taken);
    if (id !== wanted)
      at(
        row.row,
        `按名称生成的标识“${wanted}”已被其他单位使用，“${row.name}”改用“${id}”`,
        '标识就是文件夹名和网址，导入后不要再改；想用别的标识，可以在表格中加“标识”列填写。',
        'warning',
      );
    const unit: Unit = { id, name: row.name, kind: row.kind, ...(parent ? { parent } : {}), maintainers: [], ...row.fields };
    made.set(nameKey(row.name), unit);
    rowOf.set(records.length, row.row);
    const shown = [...new Set(Object.values(row.conversions))] as string[];
    if (shown.length) conversions.set(records.length, shown);
    added.push(records.length);
    records.push(unit);
  }
  // A village moved to another town in the sheet moves in the registry; an empty 上级单位 cell keeps the registry's.
  for (const [row, i] of matchOf) {
    if (!row.parent) continue;
    const parent = resolveParent(row);
    const u = records[i]!;
    if (!parent || parent === u.parent) continue;
    changed.set(i, [...(changed.get(i) ?? []), `上级单位：${u.parent ?? '（空）'} → ${parent}`]);
    u.parent = parent;
  }
  renameParents(records, renames, changed);
  const unchanged = [...listed].filter((i) => i < existing.length && !changed.has(i)).length;
  const notInSheet = existing.flatMap((u, i) => (u.kind === 'county-committee' || listed.has(i) ? [] : [`${u.name}（${u.id}）`]));
  return { records, added, changed, unchanged, notInSheet, problems, rowOf, conversions, fieldColumns, renames };
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

/** Sets what the row changes on the unit; returns each changed field with its note. */
function update(u: Unit, row: UnitRow): { field: string; note: string }[] {
  const out: { field: string; note: string }[] = [];
  const set = <F extends keyof Unit>(field: F, value: Unit[F], show: (v: Unit[F]) => string) => {
    if (JSON.stringify(u[field]) === JSON.stringify(value)) return;
    out.push({ field, note: `${FIELD_LABELS[field] ?? field}：${u[field] === undefined ? '（空）' : show(u[field])} → ${show(value)}` });
    u[field] = value;
  };
  set('kind', row.kind, (k) => UNIT_KIND_LABELS[k!]);
  for (const [field, value] of Object.entries(row.fields) as [keyof UnitRow['fields'], never][])
    set(field, value, (v) => (Array.isArray(v) ? v.join('、') : String(v)));
  return out;
}

/** Records the changed fields of record i and the conversions behind them. */
function note(i: number, fields: { field: string; note: string }[], row: UnitRow, changed: Map<number, string[]>, conversions: Map<number, string[]>): void {
  if (!fields.length) return;
  changed.set(i, [...(changed.get(i) ?? []), ...fields.map((f) => f.note)]);
  const shown = fields.flatMap((f) => (row.conversions[f.field] ? [row.conversions[f.field]!] : []));
  if (shown.length) conversions.set(i, [...new Set(shown)]);
}
