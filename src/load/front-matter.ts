/**
 * Splits a Markdown file into front matter and body with gray-matter, keeping the line
 * numbers needed to point clerks at the right place.
 */
import matter from 'gray-matter';
import type { Finding } from '../domain/diagnostics.ts';
import { error } from '../domain/diagnostics.ts';

export interface Split {
  /** Raw YAML between the --- lines. */
  yaml: string;
  /** Lines before the YAML starts (the opening ---). */
  yamlLineOffset: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

const EXAMPLE = '文件开头应当是：\n---\ntitle: 标题\nitem: dues-collection\ndate: 2026-07-01\n---\n（正文）';

// gray-matter only splits here: YAML is parsed by ./yaml-source.ts (YAML 1.2, with
// positions). Passing an options object also keeps gray-matter from caching every file.
const SPLIT_ONLY = { engines: { yaml: () => ({}) } } as const;

export function splitFrontMatter(text: string): { ok: true; split: Split } | { ok: false; finding: Finding } {
  if (!/^---[ \t]*\n/.test(text)) {
    const hint = /^\s*[-—－]{3,}/.test(text) ? '第一行必须是三个半角减号“---”，前面不能有空格或其他字符。' : EXAMPLE;
    return { ok: false, finding: error('missing-front-matter', '文件开头缺少用“---”包围的信息区（标题、事项、日期等）', hint) };
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return { ok: false, finding: error('unclosed-front-matter', '信息区没有结束：缺少第二个“---”行', '在最后一个字段下面加一行“---”，正文写在它下面。') };
  }
  const file = matter(text, SPLIT_ONLY as never);
  const yaml = file.matter.replace(/^\n/, '');
  const yamlLines = yaml === '' ? 0 : yaml.replace(/\n$/, '').split('\n').length;
  const body = file.content;
  return { ok: true, split: { yaml, yamlLineOffset: 1, body, bodyLine: yamlLines + 3 } };
}
