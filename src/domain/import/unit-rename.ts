/**
 * Renaming a unit: its name, and its id when the name gives another one (v-liuhe-wangzhuang →
 * v-liuhe-wangjiazhuang). The id is the unit's folders, its web address and its boards' ids, so
 * a new id carries with it every unit whose parent it is, every board of the unit (and board ids
 * made from it, b-<id>), and — outside this pure part — the folders and CODEOWNERS. A correction
 * of brackets or spaces (新庄村(石桥) → 新庄村（石桥）) keeps the id: it is the same unit.
 */
import { ID_PATTERN } from '../schema/common.ts';
import type { Board } from '../schema/board.ts';
import type { Unit } from '../schema/unit.ts';
import { unitIdFor, type Pinyin } from './derive-id.ts';
import { findUnit, nameKey } from './unit-names.ts';

export interface UnitRename {
  from: string;
  to: string;
  oldName: string;
  newName: string;
}

/** Units whose parent was renamed point at its new id; notes by record index. */
export function renameParents(units: Unit[], renames: readonly UnitRename[], changed: Map<number, string[]>): void {
  const to = new Map(renames.filter((r) => r.from !== r.to).map((r) => [r.from, r.to]));
  units.forEach((u, i) => {
    const next = u.parent ? to.get(u.parent) : undefined;
    if (!next) return;
    changed.set(i, [...(changed.get(i) ?? []), `上级单位：${u.parent} → ${next}`]);
    u.parent = next;
  });
}

/** Boards of renamed units follow them: their unit, and an id made from the unit's (b-<id>, b-<id>-2) when the new one is free. */
export function renameBoards(boards: readonly Board[], renames: readonly UnitRename[]): { boards: Board[]; changed: Map<number, string[]> } {
  const out = boards.map((b) => structuredClone(b));
  const changed = new Map<number, string[]>();
  const taken = new Set(out.map((b) => b.id));
  for (const r of renames.filter((x) => x.from !== x.to))
    out.forEach((b, i) => {
      if (b.unit !== r.from) return;
      const notes = [`单位：${r.from} → ${r.to}`];
      b.unit = r.to;
      const suffix = b.id === `b-${r.from}` ? '' : new RegExp(`^b-${r.from}(-\\d+)$`).exec(b.id)?.[1];
      const id = suffix === undefined ? undefined : `b-${r.to}${suffix}`;
      if (id && !taken.has(id)) {
        notes.push(`标识：${b.id} → ${id}`);
        taken.delete(b.id);
        taken.add(id);
        b.id = id;
      }
      changed.set(i, notes);
    });
  return { boards: out, changed };
}

export interface RenameRequest {
  /** The unit's current name or id. */
  old: string;
  /** Its new name, or (in Latin letters) its new id. */
  new: string;
  /** The id wanted, instead of the one the new name gives. */
  id?: string;
  /** Keep the id (the web address and printed QR codes stay valid). */
  keepId?: boolean;
  /** Tells namesakes apart: the unit's town. */
  town?: string;
}

export type RenamePlan = { rename: UnitRename; units: Unit[]; unitChanges: Map<number, string[]> } | { problem: string; hint: string };

/** The units registry after one rename; boards follow through `renameBoards`. Nothing is written here. */
export function planRename(units: readonly Unit[], req: RenameRequest, county: string, pinyin: Pinyin): RenamePlan {
  const found = findUnit(req.old, units, req.town ? { town: req.town, townColumn: '--town' } : {});
  if ('problem' in found) return { problem: found.problem, hint: found.hint.replace('在表格中加一列“所属镇”，写上', '加 --town 写明') };
  const unit = found.unit;
  const newText = req.new.trim();
  const asId = ID_PATTERN.test(newText) && !/\p{Script=Han}/u.test(newText);
  const newName = asId ? unit.name : newText;
  if (!asId && [...newName].length > 40) return { problem: `新名称“${newName}”太长（最多 40 个字）`, hint: '请写简短的全称。' };
  const derived = unitIdFor(newName, unit.kind, county, pinyin, unit.parent);
  const to = asId ? newText : (req.id ?? (req.keepId || nameKey(newName) === nameKey(unit.name) ? unit.id : derived));
  if (!ID_PATTERN.test(to)) return { problem: `标识“${to}”只能由小写英文字母、数字和连字符组成`, hint: '例如 v-liuhe-wangjiazhuang。' };
  if (to === unit.id && newName === unit.name) return { problem: `“${unit.name}”（${unit.id}）已经是这个名称和标识，不需要改`, hint: '请核对新名称。' };
  const clash = units.find((u) => u !== unit && u.id === to);
  if (clash)
    return {
      problem: `标识“${to}”已经是“${clash.name}”的`,
      hint: `请用 --id 另定一个标识（例如 ${to}-2），或加 --keep-id 保留原来的标识“${unit.id}”。`,
    };
  const namesake = units.find((u) => u !== unit && nameKey(u.name) === nameKey(newName) && u.parent === unit.parent);
  if (namesake) return { problem: `同一个上级下已经有“${namesake.name}”（${namesake.id}）`, hint: '两个单位不能同名；如果是合并，请手工处理 units.yaml。' };
  const out = units.map((u) => structuredClone(u));
  const i = units.indexOf(unit);
  const notes: string[] = [];
  if (newName !== unit.name) notes.push(`名称：${unit.name} → ${newName}`);
  if (to !== unit.id) notes.push(`标识：${unit.id} → ${to}`);
  out[i] = { ...out[i]!, id: to, name: newName };
  const unitChanges = new Map([[i, notes]]);
  const rename = { from: unit.id, to, oldName: unit.name, newName };
  renameParents(out, [rename], unitChanges);
  return { rename, units: out, unitChanges };
}
