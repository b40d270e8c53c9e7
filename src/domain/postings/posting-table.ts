/**
 * The supervision table of postings: one row per board (its unit, town and place beside its
 * posting state) and the roll-ups by town and for the county, as /supervision/, the report
 * and the downloads show them.
 */
import type { Unit } from '../schema/unit.ts';
import { countStates, type BoardPosting, type PostingCounts } from './posting-state.ts';

export interface PostingRow extends BoardPosting {
  unit: string;
  unitName: string;
  /** The town the board's unit belongs to (the unit itself for a town); undefined at county level. */
  town?: string;
  location: string;
}

export interface PostingRollup extends PostingCounts {
  /** The town's id, or 'county-level' for the county's own units. */
  id: string;
  name: string;
}

export interface PostingTable {
  today: string;
  postingDays: number;
  rows: PostingRow[];
  towns: PostingRollup[];
  county: PostingCounts;
  /** Folders under content/postings/ that name no board: nothing in them is read or published. */
  strayFolders: string[];
  photos: number;
}

export const COUNTY_LEVEL = 'county-level';

/** The town a unit belongs to (the unit itself for a town); undefined at county level. The print's town zips use the same. */
export function townOfUnit(unit: Unit): string | undefined {
  return unit.kind === 'town' ? unit.id : unit.kind === 'village' ? unit.parent : undefined;
}

export function postingRollups(rows: readonly PostingRow[], units: readonly Unit[]): PostingRollup[] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const groups = new Map<string, PostingRow[]>();
  for (const r of rows) {
    const id = r.town ?? COUNTY_LEVEL;
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  return [...groups]
    .map(([id, list]) => ({ id, name: id === COUNTY_LEVEL ? '县级单位' : (names.get(id) ?? id), ...countStates(list) }))
    .sort((a, b) => (a.id === COUNTY_LEVEL ? -1 : b.id === COUNTY_LEVEL ? 1 : a.name.localeCompare(b.name, 'zh-CN')));
}
