// dist/data/requests.csv: the request log, one row per request (UTF-8 with BOM for Excel).
import { context } from 'virtual:gongkai/context';
import { siteReport } from '../../site/site-report.ts';
import { requestsCsv } from '../../report/requests-export.ts';

export function GET(): Response {
  return new Response(requestsCsv(siteReport(context).report.requests), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
