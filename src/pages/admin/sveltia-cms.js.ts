// Sveltia CMS itself, served from the npm package (no CDN) with its icon font from this site: the editor loads on an intranet or offline.
import { editorScript } from '../../site/editor-assets.ts';

export function GET(): Response {
  return new Response(editorScript(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
