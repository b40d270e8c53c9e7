/**
 * The web editor's Markdown, tidied as it is written to the file, so what a clerk made with the
 * form is what the site, the boards and the cards show.
 *
 * Tables: Sveltia CMS's rich-text editor writes a table pasted from Word, WPS or a web page
 * without the delimiter row (`| --- |`) that makes it a GFM table, a cell of two paragraphs with
 * a literal `\n`, and each row typed on its own line as a paragraph of its own (rows separated
 * by blank lines); a table pasted into the Markdown mode arrives as tab-separated lines. All of
 * these would be published as text with pipes. Here the rows are joined into one table, the
 * first row becomes the header and a literal `\n` becomes a space.
 *
 * Images: the editor writes `![](%E6%9D%91...jpg)`; the same path with its characters, which
 * reviewers can read in the pull request, names the same file for check and the site.
 */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const PIPE_ROW = /^\s{0,3}\|.*\|\s*$/;
const DELIMITER_ROW = /^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
/** A line of cells separated by tabs: what Word and Excel put on the clipboard as text. */
const TAB_ROW = /^[^\t\s|][^\t]*(\t[^\t]*)+$/;

/** The cells of a `| a | b |` row, `\|` kept inside a cell. */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

const tabCells = (line: string): string[] => line.split('\t').map((c) => c.trim().replace(/\|/g, '\\|'));

const isRow = (line: string) => PIPE_ROW.test(line) || TAB_ROW.test(line);
const cellsOf = (line: string) => (PIPE_ROW.test(line) ? pipeCells(line) : tabCells(line));
const rowText = (cells: string[]) => `| ${cells.join(' | ')} |`;

/**
 * One table from its rows: the first is the header, then the delimiter row. Rows are not padded:
 * a row short of a cell is what check's table-cell-count reports, as for a table typed by hand.
 */
function table(lines: string[]): string[] {
  const delimiterAt = lines.findIndex((l) => PIPE_ROW.test(l) && DELIMITER_ROW.test(l));
  if (delimiterAt === 1 && lines.every((l) => PIPE_ROW.test(l)) && !lines.some((l) => l.includes('\\n'))) return lines;
  const rows = lines.filter((_, i) => i !== delimiterAt).map((l) => cellsOf(l.replace(/(\\n)+/g, ' ')));
  // A delimiter the clerk typed keeps its alignment marks.
  const typed = delimiterAt >= 0 ? pipeCells(lines[delimiterAt]!) : [];
  const delimiter = typed.length === rows[0]!.length ? typed : rows[0]!.map(() => '---');
  return [rowText(rows[0]!), rowText(delimiter), ...rows.slice(1).map(rowText)];
}

/**
 * Tables in `md` as GFM tables. A run of rows — lines of `| … |` or of tab-separated cells, next
 * to each other or one per paragraph — of at least two rows is one table; anything else, and
 * anything inside a code fence, is left as it is.
 */
export function tidyTables(md: string): string {
  const lines = md.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    const f = FENCE.exec(line)?.[1];
    if (fence || f) {
      if (!fence) fence = f![0]!.repeat(f!.length);
      else if (line.trim().startsWith(fence)) fence = undefined;
      out.push(line);
      i++;
      continue;
    }
    if (!isRow(line)) {
      out.push(line);
      i++;
      continue;
    }
    // Rows next to each other, then rows standing alone between single blank lines.
    const run = [line];
    let j = i + 1;
    while (j < lines.length && isRow(lines[j]!)) run.push(lines[j++]!);
    if (run.length === 1) {
      while (lines[j] === '' && j + 1 < lines.length && isRow(lines[j + 1]!) && (j + 2 >= lines.length || !isRow(lines[j + 2]!))) {
        run.push(lines[j + 1]!);
        j += 2;
      }
    }
    out.push(...(run.length >= 2 ? table(run) : run));
    i = j;
  }
  return out.join('\n');
}

const IMAGE = /!\[([^\]\n]*)\]\(([^)\s]+)((?:\s+"[^"\n]*")?)\)/g;
/** Characters a Markdown link target cannot hold as they are, or that read differently there. */
const NEEDS_ENCODING = /[\s()<>%\\]|[\u0000-\u001f]/;

/** Image paths with their characters rather than percent-escapes, where Markdown allows it. */
export function readableImageLinks(md: string): string {
  return md.replace(IMAGE, (whole, alt: string, url: string, title: string) => {
    if (!url.includes('%') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return whole;
    let decoded: string;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      return whole;
    }
    return NEEDS_ENCODING.test(decoded) ? whole : `![${alt}](${decoded}${title})`;
  });
}

/** The body as the web editor writes it to the file. */
export function tidyMarkdown(md: string): string {
  return readableImageLinks(tidyTables(md));
}
