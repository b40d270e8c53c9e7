/**
 * The units a search query names, for the tiles above the results: they come from the county's
 * names list (search/units.json, matched by unit-match.ts), not from the index. For the
 * address's query the list is fetched and matched with the page, while the CPU waits for
 * Pagefind's files; for a later query it is fetched while Pagefind searches and read once the
 * results' fragments are asked for (search.ts decides when). Each step is kept once per page,
 * and forgotten when it failed, so the next search asks again.
 */
import { unitMatcher, type UnitMatcher, type UnitName } from '../unit-match.ts';

let units: Promise<{ matcher: UnitMatcher; list: UnitName[] }> | undefined;
let unitsFile: Promise<Response> | undefined;

/** Asks for the county's unit names (search/units.json) without reading them yet: the page reads them when it has time. */
export function fetchUnitNames(base: string) {
  unitsFile ??= fetch(`${base}search/units.json`);
  unitsFile.catch(() => (unitsFile = undefined));
  return unitsFile;
}

/** The county's unit names, read. */
function unitNames(base: string) {
  units ??= (async () => {
    const res = await fetchUnitNames(base);
    if (!res.ok) throw new Error(String(res.status));
    const data = (await res.json()) as { county: string; towns: string[]; units: [string, string, number][] };
    const list = data.units.map(([name, id, t]) => ({ name, path: `${base}units/${id}/`, town: data.towns[t] ?? '县直' }));
    return { matcher: unitMatcher(list, data.county), list };
  })();
  units.catch(() => {
    units = undefined;
    unitsFile = undefined;
  });
  return units;
}

const matches = new Map<string, Promise<UnitName[]>>();

/** The units a query names, matched once per query: the address's query is matched while the page waits for Pagefind's files. */
export function unitsMatching(base: string, q: string): Promise<UnitName[]> {
  let m = matches.get(q);
  if (!m) {
    m = unitNames(base).then((u) => u.matcher.match(q));
    matches.set(q, m);
    m.catch(() => matches.delete(q));
  }
  return m;
}

/** The units a query names within the town filter, if any; none when a unit is already chosen, or when the names could not be read. */
export function unitsNamed(base: string, q: string, filters: Record<string, string>): Promise<UnitName[]> {
  if (!q || filters.unit) return Promise.resolve([]);
  return unitsMatching(base, q)
    .then((hits) => hits.filter((x) => !filters.town || x.town === filters.town))
    .catch(() => []);
}
