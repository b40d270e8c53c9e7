// The editor's icon font (Material Symbols, from npm), which Sveltia CMS would fetch from a CDN.
import { iconFont } from '../../../site/editor-assets.ts';

export function GET(): Response {
  return new Response(new Uint8Array(iconFont()), { headers: { 'content-type': 'font/woff2' } });
}
