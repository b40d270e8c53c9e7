// dist/data/postings.json: the posting table with its town and county roll-ups.
import { context } from 'virtual:gongkai/context';
import { postingsJson } from '../../report/postings-format.ts';

export function GET(): Response {
  return new Response(context.postings ? postingsJson(context.postings) : '{}', { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
