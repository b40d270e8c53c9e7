/**
 * Markdown syntax that a reader would see as text: a "#" starting a line, a line of "| … |",
 * "![", a code fence, a list marker that made no list — on the website (the entry's HTML, code blocks included) and on the board
 * (the blocks the layout sets). Empty when an entry reads as its writer meant.
 */
import { renderEntryHtml } from '../../src/html/markdown-html.ts';
import { entryBlocks } from '../../src/print/layout/entry-blocks.ts';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#x3C;': '<', '&#x26;': '&' };

function syntaxIn(where: string, text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (/^#{1,6}(?!#)/.test(t) && !/^#[^#\s][^#]*#/.test(t)) out.push(`${where}: “#” shown: ${t}`);
    if (/^\|.*\|$/.test(t)) out.push(`${where}: table row shown: ${t}`);
    if (t.includes('![')) out.push(`${where}: image syntax shown: ${t}`);
    if (/^(`{3,}|~{3,})/.test(t)) out.push(`${where}: code fence shown: ${t}`);
    if (/^(\d{1,9}[.)]|[-*+])[\u00a0\u3000]/.test(line.trimStart())) out.push(`${where}: list marker shown: ${t}`);
  }
  return out;
}

export function visibleSyntax(body: string): string[] {
  const html = renderEntryHtml(body, () => '/img.jpg');
  const out: string[] = [];
  // A code block shows its lines as typed, in a box that does not wrap on a phone.
  if (/<pre[\s>]/.test(html)) out.push('site: code block');
  const text = html.replace(/<[^>]+>/g, '\n').replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e);
  out.push(...syntaxIn('site', text));
  for (const b of entryBlocks(body, () => undefined)) {
    const texts = b.kind === 'table' ? [...b.header, ...b.rows.flat()] : b.kind === 'image' ? [] : [b.text];
    for (const t of texts) out.push(...syntaxIn('board', t));
  }
  return out;
}
