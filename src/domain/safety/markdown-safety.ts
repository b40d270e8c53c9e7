/**
 * What an entry's Markdown may contain. Clerks' files are untrusted: links only to
 * http(s), mailto, tel or relative targets; images only relative files (checked for place,
 * type and size by the loader); raw HTML is never rendered, and `check` says so.
 * Recruitment notices may only show the fields the rules allow.
 */
import type { Html, Image, Link, Definition, Root, Table, TableCell, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../markdown.ts';
import { findMarkdownHabits } from './markdown-habits.ts';
import { pipeCells, scanTableRows, tableRowFindings } from './table-rows.ts';
import type { TextFinding } from './text-findings.ts';

export const SAFE_LINK = /^(https?:|mailto:|tel:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Header words a recruitment notice (党员发展公示) may show. */
export const RECRUITMENT_ALLOWED_HEADERS = [
  '序号',
  '姓名',
  '性别',
  '出生年月',
  '学历',
  '文化程度',
  '工作单位',
  '单位',
  '职务',
  '职业',
  '所在支部',
  '所在党支部',
  '备注',
];
const DATE_HEADER = /(时间|日期)$/;

/** “工作单位或职业”, “单位及职务”: a header made only of allowed words. */
function allowedHeader(text: string): boolean {
  if (DATE_HEADER.test(text)) return true;
  return text.split(/[或及和与、/／]/).every((part) => RECRUITMENT_ALLOWED_HEADERS.includes(part.trim()));
}

export interface ImageRef {
  url: string;
  offset: number;
  length: number;
}

export interface MarkdownScan {
  findings: TextFinding[];
  images: ImageRef[];
}

/**
 * Cheap test first: parsing Markdown costs about a millisecond an entry, and most entries
 * have no link, image or HTML; their tables are checked block by block (table-rows.ts).
 * Recruitment notices are always parsed (their columns are checked).
 */
const NEEDS_PARSE = /\]\(|\]:|<[A-Za-z!/?]|https?:|javascript:|data:/i;

function recruitmentField(text: string, offset: number, length: number): TextFinding {
  return {
    severity: 'error',
    code: 'recruitment-field',
    message: `党员发展公示不能公开“${text}”一栏`,
    hint: `公示只能列出：${RECRUITMENT_ALLOWED_HEADERS.join('、')}，以及有关日期（如“申请入党时间”）。请删除这一栏。`,
    offset,
    length,
  };
}

function cellText(cell: TableCell): string {
  let s = '';
  visit(cell, 'text', (t: Text) => {
    s += t.value;
  });
  return s.trim();
}

export function scanMarkdown(body: string, opts: { recruitment: boolean }): MarkdownScan {
  const findings: TextFinding[] = [];
  const images: ImageRef[] = [];
  const habits = findMarkdownHabits(body);
  if (!opts.recruitment && !NEEDS_PARSE.test(body)) return { findings: [...habits, ...scanTableRows(body)], images };
  const tree = parseMarkdown(body);
  findings.push(...habits, ...tableRowFindings(tree));
  const span = (n: { position?: { start: { offset?: number }; end: { offset?: number } } }) => ({
    offset: n.position?.start.offset ?? 0,
    length: (n.position?.end.offset ?? 0) - (n.position?.start.offset ?? 0),
  });
  visit(tree, (node) => {
    if (node.type === 'html') {
      findings.push({
        severity: 'warning',
        code: 'raw-html',
        message: `正文中的 HTML 代码“${(node as Html).value.slice(0, 20)}”不会显示`,
        hint: '网站和公开栏不显示 HTML。请改用 Markdown：表格用“| 列 | 列 |”，加粗用“**文字**”。',
        ...span(node),
      });
    } else if (node.type === 'link' || node.type === 'definition') {
      const url = (node as Link | Definition).url.trim();
      if (HAS_SCHEME.test(url) ? !SAFE_LINK.test(url) : url.startsWith('//')) {
        findings.push({
          severity: 'error',
          code: 'unsafe-link',
          message: `不允许的链接“${url.slice(0, 40)}”`,
          hint: '链接只能是 http:// 或 https:// 网址、mailto: 邮箱、tel: 电话，或本网站内的相对地址。',
          ...span(node),
        });
      }
    } else if (node.type === 'image') {
      const url = (node as Image).url.trim();
      if (HAS_SCHEME.test(url) || url.startsWith('//')) {
        findings.push({
          severity: 'error',
          code: 'remote-image',
          message: `图片“${url.slice(0, 40)}”不是本单位文件夹中的文件`,
          hint: '不能引用外部网站的图片。请把图片（JPG、PNG 或 WebP）放到本单位的文件夹中，再用相对路径引用，例如 ![说明](photo.jpg)。',
          ...span(node),
        });
      } else {
        images.push({ url, ...span(node) });
      }
    }
    if (node.type === 'table' && opts.recruitment) {
      const header = (node as Table).children[0];
      for (const cell of header?.children ?? []) {
        const text = cellText(cell);
        if (text && !allowedHeader(text)) {
          const { offset, length } = span(cell);
          findings.push(recruitmentField(text, offset, length));
        }
      }
    }
  });
  if (opts.recruitment) {
    // A header typed without its delimiter row is no table to the parser (table-no-delimiter
    // refuses it): its forbidden columns are named now, not only after the clerk has added the
    // delimiter row that finding asks for.
    for (const h of habits) {
      if (h.code !== 'table-no-delimiter') continue;
      for (const cell of pipeCells(body.slice(h.offset, h.offset + h.length))) {
        if (cell.text && !allowedHeader(cell.text)) findings.push(recruitmentField(cell.text, h.offset + cell.offset, cell.length));
      }
    }
  }
  return { findings, images };
}
