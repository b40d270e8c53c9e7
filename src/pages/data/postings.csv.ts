// dist/data/postings.csv: what hangs on each board, from the posting photos (one row per board).
import { context } from 'virtual:gongkai/context';
import { postingsCsv } from '../../report/postings-format.ts';
import { siteData } from '../../site/project.ts';

export function GET(): Response {
  const names = new Map(siteData(context).project.units.map((u) => [u.id, u.name]));
  const body = context.postings ? postingsCsv(context.postings, (id) => (id ? (names.get(id) ?? id) : '县级')) : '\uFEFF';
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
