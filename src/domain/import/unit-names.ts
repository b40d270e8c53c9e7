/**
 * Finding a unit by the name a spreadsheet gives it. Names are compared as people read them —
 * 新庄村（石桥） and 新庄村(石桥) are one name — and a county has villages of one name in different
 * towns, so a bare 新庄村 with two candidates is resolved by the town the row names (a 所属镇
 * column, or the town written before the name: 石桥乡新庄村). A row that stays ambiguous is an
 * error naming every candidate: a silent pick gives one village two boards and the other none.
 */
import type { Unit } from '../schema/unit.ts';
import { didYouMeanName, suggest } from '../suggest.ts';

/** A name as compared: full-width brackets and letters folded (NFKC), spaces dropped. */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/[\s\u3000]+/g, '');

/** A name without its bracketed note: 新庄村（石桥） → 新庄村. */
export const baseKey = (name: string): string => nameKey(name).replace(/\([^)]*\)/g, '') || nameKey(name);

const TOWN_WORD = /(镇|乡|街道|街道办事处)$/;

/** Whether `text` names the town `t`: 石桥乡, 石桥, or its id. */
const namesTown = (text: string, t: Unit) => {
  const k = nameKey(text);
  return k === nameKey(t.name) || k === t.id || (k.length >= 2 && k === nameKey(t.name).replace(TOWN_WORD, ''));
};

export type UnitLookup = { unit: Unit } | { problem: string; hint: string };

/** How a unit is told apart from its namesakes: 柳河镇的“新庄村”（v-liuhe-xinzhuang）. */
function described(u: Unit, byId: ReadonlyMap<string, Unit>): string {
  const parent = u.parent ? byId.get(u.parent) : undefined;
  return `${parent && u.kind === 'village' ? `${parent.name}的` : ''}“${u.name}”（${u.id}）`;
}

export interface LookupOptions {
  /** The town the row names, if any (a 所属镇 column). */
  town?: string;
  /** The header of the town column, when the sheet has one; otherwise the hint says to add one. */
  townColumn?: string;
}

/** The unit a cell names: by id, by name, or by its base name and town. */
export function findUnit(text: string, units: readonly Unit[], opts: LookupOptions = {}): UnitLookup {
  const byId = new Map(units.map((u) => [u.id, u]));
  const exactId = byId.get(text.trim());
  if (exactId) return { unit: exactId };
  const towns = units.filter((u) => u.kind === 'town');
  const key = nameKey(text);
  // A bracketed name says which one it is; a bare one stands for every unit of that base name.
  const qualified = key !== baseKey(text);
  let candidates = units.filter((u) => (qualified ? nameKey(u.name) === key : baseKey(u.name) === key));
  let town = opts.town?.trim() ? towns.find((t) => namesTown(opts.town!, t)) : undefined;
  if (opts.town?.trim() && !town)
    return {
      problem: `${opts.townColumn ?? '所属镇'}“${opts.town.trim()}”不是单位名录中的镇（街道）`,
      hint: didYouMeanName(opts.town.trim(), towns) ?? `可以写：${towns.map((t) => t.name).join('、')}。`,
    };
  // 石桥乡新庄村, 石桥新庄村: the town written before the name.
  if (!candidates.length)
    for (const t of towns)
      for (const prefix of [nameKey(t.name), nameKey(t.name).replace(TOWN_WORD, '')])
        if (prefix.length >= 2 && key.startsWith(prefix) && key.length > prefix.length) {
          const rest = key.slice(prefix.length);
          const found = units.filter((u) => u.parent === t.id && (nameKey(u.name) === rest || baseKey(u.name) === rest));
          if (found.length && (!town || town === t)) {
            candidates = found;
            town = t;
          }
        }
  if (town && candidates.length > 1) candidates = candidates.filter((u) => u.kind !== 'village' || u.parent === town!.id);
  if (candidates.length === 1) return { unit: candidates[0]! };
  if (!candidates.length) {
    const namesakes = units.filter((u) => baseKey(u.name) === baseKey(text));
    if (town && namesakes.length)
      return {
        problem: `${town.name}没有“${text.trim()}”`,
        hint: `名录中叫这个名字的是：${namesakes.map((u) => described(u, byId)).join('、')}。请核对单位和所属镇。`,
      };
    // A suggestion that has namesakes names them all, with their towns: offering one would send both rows to it.
    const guess = suggest(text.trim(), units);
    const alike = guess ? units.filter((u) => baseKey(u.name) === baseKey(guess.name ?? '')) : [];
    return {
      problem: `单位“${text.trim()}”不在单位名录中`,
      hint:
        alike.length > 1
          ? `名录中相近的有：${alike.map((u) => described(u, byId)).join('、')}。请写其中一个的全称，或在“${opts.townColumn ?? '所属镇'}”列写明镇名。`
          : (didYouMeanName(text.trim(), units) ?? '请先导入单位表（gongkai import units），再导入公开栏表；单位名称要与单位表一字不差。'),
    };
  }
  const brackets = candidates.filter((u) => nameKey(u.name) !== baseKey(u.name));
  const townNames = [...new Set(candidates.flatMap((u) => (u.parent && byId.get(u.parent)?.kind === 'town' ? [byId.get(u.parent)!.name] : [])))];
  const by = opts.townColumn
    ? `在“${opts.townColumn}”列写上它所属的镇（${townNames.join('或')}）`
    : `在表格中加一列“所属镇”，写上它所属的镇（${townNames.join('或')}）`;
  return {
    problem: `名录中有 ${candidates.length} 个“${text.trim()}”：${candidates.map((u) => described(u, byId)).join('、')}，看不出指的是哪一个`,
    hint: `请${townNames.length > 1 ? by : '写单位的标识'}${brackets.length ? `，或写名录中的全称（例如“${brackets[0]!.name}”）` : ''}。`,
  };
}
