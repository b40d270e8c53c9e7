// The editor's fonts (icons, Latin text, code; fontsource's npm packages), which Sveltia CMS would fetch from a CDN.
import { editorFonts, fontFile } from '../../../site/editor-assets.ts';

export const getStaticPaths = () => editorFonts().map((f) => ({ params: { font: f.local.replace(/^fonts\//, '') } }));

export function GET({ params }: { params: { font: string } }): Response {
  return new Response(new Uint8Array(fontFile(`fonts/${params.font}`)), { headers: { 'content-type': 'font/woff2' } });
}
