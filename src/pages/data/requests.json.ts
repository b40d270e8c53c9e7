// dist/data/requests.json: the request log, one object per request.
import { context } from 'virtual:gongkai/context';
import { siteReport } from '../../site/site-report.ts';
import { requestsJson } from '../../report/requests-export.ts';

export function GET(): Response {
  const { report } = siteReport(context);
  return new Response(requestsJson(report.requests, report.today), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
