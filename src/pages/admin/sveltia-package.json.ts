// Sveltia CMS's update check, answered by this site: its own copy's version (npm updates it), not the newest on a CDN.
import { SVELTIA_VERSION } from '../../site/editor-assets.ts';

export function GET(): Response {
  return new Response(JSON.stringify({ name: '@sveltia/cms', version: SVELTIA_VERSION }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
