// The editor's Chinese (and English fallback) interface texts, from the npm package: Sveltia CMS would fetch them from a CDN.
import { EDITOR_LOCALES, sveltiaFile } from '../../../site/editor-assets.ts';

export const getStaticPaths = () => EDITOR_LOCALES.map((lang) => ({ params: { lang } }));

export function GET({ params }: { params: { lang: string } }): Response {
  return new Response(sveltiaFile(`locales/${params.lang}.json`), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
