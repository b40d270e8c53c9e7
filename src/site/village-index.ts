/**
 * A town's villages as a phone shows them. Up to VILLAGES_ON_ONE_SCREEN they are tiles that fit
 * a 360×800 screen below the page's head; more (the demo has towns of 50, counties have up to
 * 60) and the page opens with an index by the pinyin of each name's first character — the way
 * phone contact lists are ordered — whose letters jump to groups that each fit a screen.
 */
import { romanise } from '../load/romanise.ts';
import type { Unit } from '../domain/schema/unit.ts';

/** Three tiles a row, 50 px a row: eight rows fit under the head of a town page on a 360×800 phone. */
export const VILLAGES_ON_ONE_SCREEN = 24;

export interface VillageGroup {
  /** A–Z, or # for a name that does not start with a Han character or a letter. */
  letter: string;
  units: Unit[];
}

/** The villages in pinyin order, grouped by the first letter; undefined when they fit one screen as they are. */
export function villageIndex(villages: readonly Unit[]): VillageGroup[] | undefined {
  if (villages.length <= VILLAGES_ON_ONE_SCREEN) return undefined;
  const keyed = villages.map((u) => ({ u, key: romanise(u.name).full || u.name.toLowerCase() }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const groups = new Map<string, Unit[]>();
  for (const { u, key } of keyed) {
    const letter = /^[a-z]/.test(key) ? key[0]!.toUpperCase() : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), u]);
  }
  return [...groups].map(([letter, units]) => ({ letter, units }));
}
