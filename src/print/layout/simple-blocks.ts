/**
 * The board's blocks of an entry written in the plainest Markdown — ATX headings, paragraphs,
 * one-line list items and pipe tables, with no inline syntax at all — read line by line,
 * without the Markdown parser. Such text has exactly one reading, so the result is what
 * `markdownBlocks` gets from the parser's tree; anything the rules below do not vouch for
 * returns undefined and goes to the parser. Most entries are this plain; parsing them was
 * about a seventh of a print worker's time.
 *
 * Tested against the parser on every entry of the demo county and on generated text full of
 * near misses (test/unit/simple-blocks.test.ts).
 */
import { mayHaveAutolinks } from '../../domain/markdown.ts';
import type { Block } from './markdown-blocks.ts';

/**
 * Characters that start inline syntax (emphasis, code, links, images, HTML, entities, escapes,
 * strikethrough), line endings other than \n, tabs (they are indentation) and NUL (replaced by
 * the parser): none may appear anywhere, nor may an autolink literal's trigger.
 */
const UNSAFE = /[*_`[\]!<>&\\~\r\t\0]/;
/** A heading: one to six #, one space, then text with no # (no closing sequence). */
const HEADING = /^(#{1,6}) ([^\s#][^#]*)$/;
const BULLET = /^- (\S.*)$/;
const ORDERED = /^(\d{1,9})\. (\S.*)$/;
/** Text that would start something else if it began an item's content or a line (`:-` a GFM delimiter row). */
const NOT_PLAIN_START = /^(?:[-+#>=|:]|\d{1,9}[.)](?:\s|$))/;
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;

type Kind = 'blank' | 'heading' | 'para' | 'bullet' | 'ordered' | 'table';

/** The cells of a table line (which starts and ends with |), trimmed. */
const cells = (line: string): string[] =>
  line
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());

/** The blocks of `markdown`, or undefined when it is not plain enough to be read without the parser. */
export function simpleBlocks(markdown: string): Block[] | undefined {
  if (UNSAFE.test(markdown) || mayHaveAutolinks(markdown)) return undefined;
  const lines = markdown.split('\n');
  const out: Block[] = [];
  let para: string[] = [];
  let prev: Kind = 'blank';
  /** The list being continued: its kind and the next ordered number. */
  let list: { kind: 'bullet' | 'ordered'; next: number } | undefined;
  const endPara = () => {
    if (para.length) out.push({ kind: 'para', text: para.join('\n').trim() });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^ *$/.test(line)) {
      endPara();
      prev = 'blank';
      continue;
    }
    // Indentation, trailing spaces (hard breaks) and a | outside a table line all change the reading.
    if (line.startsWith(' ') || line.endsWith(' ')) return undefined;
    const heading = HEADING.exec(line);
    if (heading) {
      if (heading[2]!.includes('|')) return undefined;
      endPara();
      list = undefined;
      out.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.trim() });
      prev = 'heading';
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? undefined : ORDERED.exec(line);
    if (bullet || ordered) {
      const content = (bullet ?? ordered)![bullet ? 1 : 2]!;
      if (NOT_PLAIN_START.test(content) || content.includes('|')) return undefined;
      // Right after a table row or an item of the other kind, or an ordered item interrupting a
      // paragraph from a number other than a literal 1, the line could continue what came
      // before: left to the parser.
      const kind = bullet ? 'bullet' : 'ordered';
      if (!(prev === 'blank' || prev === 'heading' || prev === kind || prev === 'para')) return undefined;
      if (kind === 'ordered' && prev === 'para' && ordered![1] !== '1') return undefined;
      endPara();
      if (!list || list.kind !== kind) list = { kind, next: kind === 'ordered' ? Number(ordered![1]) : 0 };
      out.push({ kind: 'item', marker: kind === 'ordered' ? `${list.next++}.` : '•', text: content.trim() });
      prev = kind;
      continue;
    }
    if (line.startsWith('|')) {
      // A table: after a blank line or a heading, a header row, a delimiter row with as many
      // cells, then rows of exactly that many cells up to a blank line or the end.
      if (prev !== 'blank' && prev !== 'heading') return undefined;
      const header = line.endsWith('|') && line.length > 1 ? cells(line) : undefined;
      const delimiter = lines[i + 1];
      if (!header || delimiter === undefined || !DELIMITER_ROW.test(delimiter) || cells(delimiter).length !== header.length) return undefined;
      const rows: string[][] = [];
      let j = i + 2;
      for (; j < lines.length && !/^ *$/.test(lines[j]!); j++) {
        const row = lines[j]!;
        if (!row.startsWith('|') || !row.endsWith('|') || row.length < 2) return undefined;
        const r = cells(row);
        if (r.length !== header.length) return undefined;
        rows.push(r);
      }
      list = undefined;
      out.push({ kind: 'table', header, rows });
      i = j - 1;
      prev = 'table';
      continue;
    }
    // A paragraph line: nothing that could start another block, and not right after an item
    // or a table row (it would continue them).
    if (NOT_PLAIN_START.test(line) || line.includes('|')) return undefined;
    if (prev === 'bullet' || prev === 'ordered' || prev === 'table') return undefined;
    list = undefined;
    para.push(line);
    prev = 'para';
  }
  endPara();
  return out;
}
