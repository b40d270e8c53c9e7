// dist/search/units.json: every unit's name, page and town, for the search page's unit tiles
// (site/unit-match.ts matches a query against the names in the browser; unit pages are not in
// the search index). Compact — a few KB gzip'd for a county of 500 units: the search page
// fetches it with its first query.
import { context } from 'virtual:gongkai/context';
import { siteData } from '../../site/project.ts';

export function GET(): Response {
  const { project, townOf } = siteData(context);
  const towns = project.units.filter((u) => u.kind === 'town').map((u) => u.name);
  const units = project.units.map((u) => {
    const town = townOf.get(u.id);
    return [u.name, u.id, town ? towns.indexOf(town.name) : -1];
  });
  return new Response(JSON.stringify({ county: project.site.county, towns, units }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
