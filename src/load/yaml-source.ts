/**
 * YAML with positions. Parses with YAML 1.2 (no implicit timestamps, so dates stay strings),
 * reports what clerks really get wrong in Chinese with line and column, and maps a field
 * path back to where it sits in the file.
 *
 * Two parsers, one meaning: js-yaml reads the values (ten times faster: 0.09 s against 0.9 s
 * for the demo's 7,975 front matters, the largest part of a full check; the check stage takes
 * 2.9 s without it and 1.9 s with it, 1.53× on 2026-12-08, past the 1.5× a fast path must earn:
 * `npm run bench -- --only fast-paths`) and the `yaml`
 * library's document — positions, and the errors clerks see — is built only when something
 * needs it: a syntax problem, a finding to locate, or YAML with anchors, aliases or tags
 * (where `yaml` limits alias expansion). Both read YAML 1.2's core schema; on the demo they
 * agree on every file, and a test holds them to it (test/unit/yaml-source.test.ts, on every
 * front matter and settings file of the demo in `npm test`). This is the one place js-yaml
 * reads our files, besides the web editor's own reader (site/client/entry-format.ts).
 */
import jsYaml from 'js-yaml';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface Problem extends Position {
  code: string;
  message: string;
  hint?: string;
}

export interface YamlSource {
  /** The parsed value; undefined when the text could not be parsed. */
  value: unknown;
  problems: Problem[];
  /** Where a field path sits (1-based, in the file's own lines). */
  locate(path: readonly (string | number)[], atKey?: boolean): Position;
}

const FULLWIDTH_KEY = /^(\s*(?:-\s+)?)([^\s#:：][^:：]*?)\s*：/;
const NO_SPACE_AFTER_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])/;
/**
 * A space that is not a plain one where YAML needs one: Word and WPS put a non-breaking space
 * (U+00A0) after a colon, Chinese input methods a full-width one (U+3000). YAML reads neither as
 * a space, and its own error ("missing pair") sends the clerk looking for quotes.
 */
const ODD_SPACE_AFTER_COLON = /^([ ]*(?:-[ ]+)?)([A-Za-z_][\w-]*):([\u00a0\u2000-\u200b\u202f\u205f\u3000]+)/;
/** A value opened with a quote that its line never closes (`title: "甲村…`): YAML then reads on into the next lines. */
const OPEN_QUOTE = /^([ ]*(?:-[ ]+)?)([A-Za-z_][\w-]*):[ ]+(["'])(.*)$/;

const spaceName = (ch: string) => (ch === '\u3000' ? '全角空格' : ch === '\u00a0' ? '不间断空格（Word 或 WPS 复制来的）' : '特殊空格');

/** The line with each odd space after the colon and in the indent made a plain one. */
const plainSpaces = (line: string) =>
  line.replace(/^[\u00a0\u3000 ]+/, (m) => ' '.repeat(m.length)).replace(ODD_SPACE_AFTER_COLON, (_m, lead: string, key: string) => `${lead}${key}: `);

function unclosedQuote(line: string, next: string | undefined): { column: number; fixed: string } | undefined {
  const m = OPEN_QUOTE.exec(line);
  if (!m) return undefined;
  const [, lead, key, quote, rest] = m as unknown as [string, string, string, string, string];
  // A closing quote (doubled '' inside single quotes is an escaped one) ends it on this line.
  const body = quote === "'" ? rest.replace(/''/g, '') : rest.replace(/\\./g, '');
  if (body.includes(quote)) return undefined;
  // A quoted value may go on over indented lines; clerks never write one, but YAML allows it.
  if (next !== undefined && /^[ ]+\S/.test(next)) return undefined;
  const value = rest.trim();
  // Without the quote the value reads the same unless it starts or holds YAML's own symbols.
  const plain = !/^[-?:,[\]{}#&*!|>'"%@`]|: | #/.test(value) && value !== '';
  const fixed = plain ? `${lead}${key}: ${value}` : `${lead}${key}: ${quote}${value}${quote}`;
  return { column: lead.length + key.length + line.slice(lead.length + key.length).indexOf(quote), fixed };
}

/** Line-level mistakes that make YAML parse into something else without an error. */
function scanLines(text: string, lineOffset: number): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = (column: number, code: string, message: string, hint: string) =>
      problems.push({ line: i + 1 + lineOffset, column: column + 1, code, message, hint });
    const indent = /^[ \t\u3000]*/.exec(line)![0];
    if (indent.includes('\t')) {
      at(indent.indexOf('\t'), 'tab-indent', '这一行用了制表符（Tab）缩进', '请把行首的 Tab 换成空格（每级两个空格）。');
    } else if (indent.includes('\u3000')) {
      at(indent.indexOf('\u3000'), 'fullwidth-space', '这一行行首有全角空格', '请把行首的全角空格“　”换成半角空格。');
    }
    if (line.trimStart().startsWith('#')) return;
    const odd = ODD_SPACE_AFTER_COLON.exec(line);
    const oddIndent = /^[ ]*\u00a0/.exec(line);
    if (odd || oddIndent) {
      const ch = odd ? odd[3]![0]! : '\u00a0';
      const col = odd ? odd[1]!.length + odd[2]!.length + 1 : oddIndent![0].length - 1;
      const where = odd ? `“${odd[2]}:”后面` : '这一行行首';
      at(col, 'odd-space', `${where}是${spaceName(ch)}，不是普通空格，信息区读不懂这一行`, `请把它换成普通的半角空格，把这一行改为：\n${plainSpaces(line)}`);
      return;
    }
    const open = unclosedQuote(line, lines[i + 1]);
    if (open) {
      at(
        open.column,
        'unclosed-quote',
        `“${OPEN_QUOTE.exec(line)![2]}”的值以引号开头，但这一行没有结束的引号`,
        `请删掉开头的引号，或在行末补上引号，把这一行改为：\n${open.fixed}`,
      );
      return;
    }
    const fw = FULLWIDTH_KEY.exec(line);
    if (fw) {
      const col = line.indexOf('：', fw[1]!.length);
      at(col, 'fullwidth-colon', `“${fw[2]}”后面用了全角冒号“：”`, `字段名后面要用半角冒号加一个空格，例如“title: 标题内容”。`);
      return;
    }
    const ns = NO_SPACE_AFTER_COLON.exec(line);
    if (ns) {
      at(ns[0].length - 1, 'no-space-after-colon', `“${ns[2]}:”后面缺少空格`, `冒号后面要有一个空格，例如“${ns[2]}: ${line.slice(ns[0].length).trim()}”。`);
    }
  });
  return problems;
}

const YAML_CODES: Record<string, [string, string]> = {
  DUPLICATE_KEY: ['同一个字段写了两次', '请删除重复的一行。'],
  BAD_INDENT: ['缩进不对', '同一级的字段要对齐；下一级比上一级多两个空格。'],
  TAB_AS_INDENT: ['用了制表符（Tab）缩进', '请把 Tab 换成空格。'],
  MISSING_CHAR: ['缺少配对的符号（引号、括号或冒号）', '请检查这一行的引号和括号是否成对。'],
  MULTILINE_IMPLICIT_KEY: ['字段名不能跨行，可能缺少冒号或缩进不对', '请检查上一行是否漏了冒号，或这一行的缩进。'],
  BLOCK_AS_IMPLICIT_KEY: ['这里的格式无法识别，可能缺少冒号或缩进不对', '每行写成“字段名: 值”，冒号后加一个空格。'],
  UNEXPECTED_TOKEN: ['这里有无法识别的符号', '如果值里有冒号、#、引号等符号，请用双引号把整个值括起来。'],
  BAD_SCALAR_START: ['值不能以这个符号开头', '请用双引号把整个值括起来，例如 title: "【公示】……"'],
};

// Anchors, aliases and tags: left to the `yaml` library, which caps alias expansion.
const NEEDS_FULL_PARSER = /(?:^|[\s[{,:-])[&*!][^\s]/m;

/** Values by js-yaml, or undefined when it refuses the text (the full parser then explains). */
function fastValue(text: string): { value: unknown } | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  try {
    return { value: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false }) ?? null };
  } catch {
    return undefined;
  }
}

/**
 * `fastPath: false` reads the values with `yaml`'s document as well: the bench's measure of what
 * the js-yaml path saves (`npm run bench -- --only fast-paths`).
 */
export function parseYamlSource(text: string, lineOffset = 0, { fastPath = true }: { fastPath?: boolean } = {}): YamlSource {
  const scanned = scanLines(text, lineOffset);
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  const full = () => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { lineCounter, doc: parseDocument(text, { lineCounter, version: '1.2', uniqueKeys: true, prettyErrors: false }) };
    }
    return parsed;
  };
  const pos = (offset: number): Position => {
    const p = full().lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };

  const fast = scanned.length || !fastPath ? undefined : fastValue(text);
  const problems: Problem[] = [...scanned];
  let value: unknown;
  if (fast) value = fast.value;
  else {
    const { doc } = full();
    const seenLines = new Set(scanned.map((p) => p.line));
    // After an unclosed quote YAML reads the following lines as part of the value: its errors there are echoes.
    const quoteAt = scanned.find((p) => p.code === 'unclosed-quote')?.line ?? Infinity;
    for (const e of doc.errors) {
      const at = pos(e.pos[0]);
      if (seenLines.has(at.line) || at.line > quoteAt) continue;
      const [message, hint] = YAML_CODES[e.code] ?? ['YAML 格式错误', '请对照示例检查这一行的格式：每行“字段名: 值”，冒号后加一个空格。'];
      problems.push({ ...at, code: 'yaml-syntax', message: `${message}（YAML 格式错误）`, hint });
      // One message per line: later errors on the same line are echoes of the first.
      seenLines.add(at.line);
    }
    value = problems.length ? undefined : doc.toJS({ maxAliasCount: 50 });
  }

  function locate(path: readonly (string | number)[], atKey = false): Position {
    const { doc } = full();
    for (let n = path.length; n > 0; n--) {
      const sub = path.slice(0, n);
      if (atKey && n === path.length) {
        const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === sub[sub.length - 1]);
          const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
          if (range) return pos(range[0]);
        }
        continue;
      }
      const node = doc.getIn(sub, true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return pos(node.range[0]);
    }
    const root = doc.contents as { range?: [number, number, number] } | null;
    return root?.range ? pos(root.range[0]) : { line: 1 + lineOffset, column: 1 };
  }

  return { value, problems, locate };
}
