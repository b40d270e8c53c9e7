/**
 * Where each kind of file belongs under content/, and what a misplaced file should be told.
 * Pure: works on relative, forward-slash paths.
 */
import { error, warning, type Finding } from './diagnostics.ts';
import { ID_PATTERN } from './schema/common.ts';

export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'];

export type Placed =
  | { kind: 'entry' | 'request'; unit: string; year: number; slug: string }
  | { kind: 'page'; slug: string }
  | { kind: 'calendar'; name: string }
  | { kind: 'image'; unit: string }
  | { kind: 'registry' | 'ignored' }
  | { kind: 'misplaced'; finding: Finding };

const REGISTRIES = new Set(['site.yaml', 'catalog.yaml', 'units.yaml', 'boards.yaml']);
const WORD_LIKE = /\.(docx?|wps|pdf|xlsx?|et|txt|rtf)$/i;

function extOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i).toLowerCase();
}

/** Pinyin of Chinese text, when the caller can give it (the domain has no dictionary). */
export type Pinyin = (han: string) => { full: string };

/** A slug a clerk could use instead of an unusable file name: Chinese words in pinyin when `pinyin` is given. */
export function slugSuggestion(name: string, pinyin?: Pinyin): string {
  const base = name.replace(/\.[^.]*$/, '');
  const spelled = pinyin ? base.replace(/\p{Script=Han}+/gu, (han) => `-${pinyin(han).full}-`) : base;
  const ascii = spelled
    .normalize('NFKC')
    .toLowerCase()
    // Never suggest keeping a phone or ID number: a run of 7 or more digits goes.
    .replace(/\d{7,}[\dx]?/g, '')
    .replace(/[\s_.]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii.length >= 3 ? ascii : '2026-dues-h1';
}

function misplaced(message: string, hint: string, asWarning = false): Placed {
  return { kind: 'misplaced', finding: asWarning ? warning('unexpected-file', message, hint) : error('misplaced-file', message, hint) };
}

function placeDated(kind: 'entry' | 'request', parts: string[], pinyin?: Pinyin): Placed {
  const folder = kind === 'entry' ? 'entries' : 'requests';
  const layout = `content/${folder}/<单位标识>/<年份>/<文件名>.md`;
  const name = parts[parts.length - 1]!;
  const ext = extOf(name);
  if (IMAGE_EXTENSIONS.includes(ext) && kind === 'entry' && parts.length >= 2) return { kind: 'image', unit: parts[0]! };
  if (!name.endsWith('.md')) {
    if (WORD_LIKE.test(name)) {
      return misplaced(`“${name}”不是 Markdown 文件，网站和公开栏无法使用`, '请把内容复制到一个 .md 文件中（可以运行 npm run new 生成模板），再删除这个文件。');
    }
    if (ext === '.markdown' || ext === '.mdx' || ext === '.md') {
      // The name offered must itself be usable: 财务公开.MD becomes caiwugongkai.md, not 财务公开.md.
      const stem = name.replace(/\.[^.]+$/, '');
      const usable = ID_PATTERN.test(stem) ? stem : slugSuggestion(name, pinyin);
      const also = usable === stem ? '' : '；文件名也只能由小写英文字母、数字和连字符“-”组成（网址要用到它）';
      return misplaced(`文件扩展名必须是小写的 .md${also}`, `请把文件改名为 ${usable}.md。`);
    }
    return misplaced(`这里只能放 .md 文件${kind === 'entry' ? '和图片（JPG、PNG、WebP）' : ''}`, `请把文件移走或删除。文件位置应当是 ${layout}。`);
  }
  if (parts.length !== 3) {
    const hint = parts.length === 2 ? `缺少年份文件夹：请移到 content/${folder}/${parts[0]}/2026/${name}（按日期所在年份）。` : `文件位置应当是 ${layout}。`;
    return misplaced('文件放错了位置', hint);
  }
  const [unit, yearText, file] = parts as [string, string, string];
  if (!/^\d{4}$/.test(yearText)) return misplaced(`年份文件夹“${yearText}”应当是四位数字`, `例如 content/${folder}/${unit}/2026/${file}。`);
  const slug = file.slice(0, -3);
  if (!ID_PATTERN.test(slug)) {
    return misplaced(`文件名“${file}”只能由小写英文字母、数字和连字符“-”组成`, `网址要用到文件名。请改名，例如 ${slugSuggestion(file, pinyin)}.md。`);
  }
  return { kind, unit, year: Number(yearText), slug };
}

/** Classifies a path relative to the content folder. */
export function placeContentFile(rel: string, pinyin?: Pinyin): Placed {
  const parts = rel.split('/');
  const name = parts[parts.length - 1]!;
  if (parts.some((p) => p.startsWith('.')) || name.startsWith('~$') || name === 'Thumbs.db') return { kind: 'ignored' };
  if (parts.length === 1) {
    if (REGISTRIES.has(name)) return { kind: 'registry' };
    if (name.toLowerCase() === 'readme.md') return { kind: 'ignored' };
    if (extOf(name) === '.md') return misplaced('条目不能直接放在 content/ 下', '条目应当放在 content/entries/<单位标识>/<年份>/ 文件夹中。');
    return misplaced(`content/ 中不认识的文件“${name}”`, '如果不需要，请删除；网站和公开栏不会使用它。', true);
  }
  const [top, ...rest] = parts as [string, ...string[]];
  switch (top) {
    case 'entries':
      return placeDated('entry', rest, pinyin);
    case 'requests':
      return placeDated('request', rest, pinyin);
    case 'pages': {
      if (rest.length !== 1 || extOf(name) !== '.mdx') return misplaced('栏目页面应当是 content/pages/ 下的 .mdx 文件', '例如 content/pages/about.mdx。');
      const slug = name.slice(0, -4);
      if (!ID_PATTERN.test(slug)) return misplaced(`页面文件名“${name}”只能由小写英文字母、数字和连字符组成`, '例如 about.mdx。');
      return { kind: 'page', slug };
    }
    case 'calendar':
      if (rest.length !== 1 || !/\.ya?ml$/.test(name))
        return misplaced('工作日历文件应当是 content/calendar/ 下的 .yaml 文件', '例如 content/calendar/2027.yaml。');
      return { kind: 'calendar', name };
    case 'postings':
      // Posting photos and the editor's 张贴记录 beside them: the postings stage reads (and judges) them, not the content check.
      if (rest.length !== 2 || !(IMAGE_EXTENSIONS.includes(extOf(name)) || /\.ya?ml$/.test(name)))
        return misplaced(
          '张贴照片应当放在 content/postings/<公开栏编号>/ 文件夹中（JPG、PNG 照片和张贴记录 .yaml）',
          '例如 content/postings/b-v-taohua/2026-12-01.jpg。',
          true,
        );
      return { kind: 'ignored' };
    default:
      return misplaced(
        `content/ 中不认识的文件夹“${top}”`,
        '条目放在 content/entries/，点题放在 content/requests/，页面放在 content/pages/，工作日历放在 content/calendar/，张贴照片放在 content/postings/。',
        true,
      );
  }
}
