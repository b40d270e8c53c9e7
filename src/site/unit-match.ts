/**
 * Which units a search query names, for the unit tiles above the search results. Villagers
 * type 桃花村, 桃花, 民政局, 县委组织部 or 桃花村财务 — never 中共示范县民政局党组 — so each unit is
 * known by a few keys: its full name, without 中共 and the county's name (or with the county
 * written 县), without the party organisation's suffix (党组, 党支部, 委员会 …), and a village's
 * or town's place name without 村, 社区, 镇 or 街道. A word of the query names a unit when it is
 * one of its keys, holds a key of three or more characters (桃花村财务), or is three or more
 * characters of one key; failing all of those, when it is one character away from a key (a
 * typo). Only the closest matches count, and a word that fits a dozen units names a kind of
 * unit, not one. A query that names no unit — 低保, 村集体收入, 发展党员 — shows no tiles. Used in the browser (client/search-unit-names.ts) and in tests.
 */
import { distance } from 'fastest-levenshtein';

/** One unit as the search page lists them (search/units.json). */
export interface UnitName {
  name: string;
  /** The unit page's address, relative to the site's base: units/<id>/. */
  path: string;
  /** The town it lies in (its own name for a town), or 县直. */
  town: string;
}

const ORG_SUFFIX = /(机关)?(党总支部委员会|总支部委员会|支部委员会|党总支|党支部|党工委|党委|党组|委员会)$/;
const PLACE_SUFFIX = /(村|社区|镇|乡|街道)$/;
/** Words that name a kind of organisation, not one unit: a query made of them names nothing. */
const GENERIC = /^(中共|共青团|党|县|委|机关|工作|总?支部|党?总支|党工?委|党组|委员会|村|社区|镇|乡|街道|单位|县直)+$/;

/** The forms of a unit's name a villager might type, longest first. */
export function unitKeys(name: string, county: string): string[] {
  const keys = new Set<string>([name]);
  const countyShort = county.replace(/(县|市|区|旗)$/, '');
  const add = (k: string) => {
    if (k.length >= 2 && !GENERIC.test(k)) keys.add(k);
  };
  for (const base of [name, name.replace(/^中共/, '')]) {
    add(base);
    const withCounty = [base.replace(`${county}委`, '县委').replace(county, '县'), base.replace(`${county}委`, '').replace(county, '')];
    if (countyShort) withCounty.push(base.replace(countyShort, ''));
    for (const b of withCounty) {
      add(b);
      const bare = b.replace(ORG_SUFFIX, '');
      add(bare);
      if (PLACE_SUFFIX.test(bare) && bare.replace(PLACE_SUFFIX, '').length >= 2) add(bare.replace(PLACE_SUFFIX, ''));
    }
  }
  return [...keys].sort((a, b) => b.length - a.length);
}

/**
 * How closely one word of a query names a unit known by `keys`: 3 it is one of them, 2 it holds
 * one of three or more characters or is three or more characters of one, 1 it is one character
 * away from one (a typo), 0 not at all.
 */
export function nameMatch(word: string, keys: readonly string[]): 0 | 1 | 2 | 3 {
  if (word.length < 2 || GENERIC.test(word)) return 0;
  if (keys.includes(word)) return 3;
  // Part of a name, not of a name and its organisation's suffix: 税务局 is part of 国家税务总局县税务局, 局党组 of nothing.
  if (keys.some((k) => (k.length >= 3 && word.includes(k)) || (word.length >= 3 && !ORG_SUFFIX.test(k) && k.includes(word)))) return 2;
  if (word.length >= 3 && keys.some((k) => k.length >= 3 && distance(word, k) <= 1)) return 1;
  return 0;
}

export interface UnitMatcher {
  /** The units a query names, in the list's order (towns and villages before county units as listed). */
  match(query: string): UnitName[];
}

/** A word that fits this many units or more names a kind of unit (局党组, 示范县), not one: it shows no tiles. */
const TOO_MANY = 12;

/** A matcher over a county's units: each unit's keys computed once. */
export function unitMatcher(units: readonly UnitName[], county: string): UnitMatcher {
  const keyed = units.map((u) => ({ u, keys: unitKeys(u.name, county) }));
  return {
    match(query: string) {
      const found = new Set<UnitName>();
      for (const word of query.normalize('NFKC').split(/[\s,，、;；]+/)) {
        if (!word || word === county || word === `中共${county}`) continue;
        // The closest matches only: 桃花村 shows 桃花村, not also 桃园村 one character away.
        const scored = keyed.map(({ u, keys }) => ({ u, score: nameMatch(word, keys) }));
        const best = Math.max(0, ...scored.map((s) => s.score));
        const hits = best ? scored.filter((s) => s.score === best) : [];
        if (hits.length < TOO_MANY) for (const { u } of hits) found.add(u);
      }
      return units.filter((u) => found.has(u));
    },
  };
}
