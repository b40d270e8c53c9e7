/**
 * /admin/?unit=<id>: the browser editor for one unit's entries. The page lists the units; once
 * a clerk picks theirs, this builds Sveltia CMS's configuration from the generated one
 * (config.json): one collection per catalogue item the unit's level publishes, each with the
 * item's own form, all in the unit's own folder, read and written by the project's entry
 * format (entry-format.ts), and starts the editor from the copy this site serves. `&practice`
 * uses Sveltia's in-browser test repository: the real form, nothing sent — for training, and
 * for trying the editor before the webmaster has connected the forge.
 */
import type { EditorConfig, EditorItem, EditorUnit } from '../editor-config.ts';
import { readEntryFile, writeEntryFile } from './entry-format.ts';

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: {
      init: (o: { config: Record<string, unknown> }) => void;
      registerCustomFormat: (
        name: string,
        extension: string,
        methods: { fromFile: (text: string) => unknown; toFile: (data: Record<string, unknown>) => string },
      ) => void;
    };
  }
}

/** Sveltia asks unpkg.com for its interface texts; this site serves the same files (locales/). */
function serveTextsLocally(base: URL): void {
  const original = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const m = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\/([\w-]+\.json)$/.exec(url);
    return original(m ? new URL(`locales/${m[1]}`, base).href : input, init);
  };
}

/** The entry format registered with Sveltia: see entry-format.ts. */
// The name ends as Sveltia's front-matter formats do: it accepts only those for .md files.
const FORMAT = 'gongkai-frontmatter';

/**
 * The collection of one item's entries in the unit's folder: a year folder per entry, named by
 * date and item, and its images in a folder of the same name beside it — where the Markdown
 * link points (`{{slug}}/photo.jpg`). Sveltia keeps an entry's images in such a folder whenever
 * the path has a folder in it; a link without the folder named a file that was not there.
 */
export function itemCollection(unit: EditorUnit, item: EditorItem, contentPath: string): Record<string, unknown> {
  return {
    name: item.id,
    label: item.name,
    label_singular: item.name,
    description: item.description,
    folder: `${contentPath}/entries/${unit.id}`,
    filter: { field: 'item', value: item.id },
    // The year folder follows the entry's date, as check requires (wrong-year-folder).
    path: "{{fields.date | date('YYYY')}}/{{slug}}",
    slug: '{{fields.date}}-{{fields.item}}',
    extension: 'md',
    format: FORMAT,
    create: true,
    media_folder: '',
    public_folder: '{{slug}}',
    summary: '{{title}}（{{date}}）',
    sortable_fields: ['date', 'title'],
    identifier_field: 'title',
    fields: item.fields,
  };
}

/**
 * A board's 张贴记录: one small YAML record per posting photo in content/postings/<board>/
 * (`date` and `photo`), the photo uploaded beside it — where the build's posting reader looks
 * (load/posting-photos.ts). The date is asked for because a browser upload may have lost
 * the camera's EXIF.
 */
export function postingCollection(board: { id: string; location: string }, contentPath: string): Record<string, unknown> {
  return {
    name: `posting-${board.id}`,
    label: `张贴记录：${board.location}`,
    label_singular: '张贴记录',
    description: '公开栏换上新内容后，拍一张能看清页脚二维码的照片上传（拍法见文书指南）。照片里路过群众的面孔由您负责避开。',
    folder: `${contentPath}/postings/${board.id}`,
    extension: 'yaml',
    format: 'yaml',
    create: true,
    slug: '{{fields.date}}',
    media_folder: '',
    public_folder: '',
    summary: '{{date}}',
    sortable_fields: ['date'],
    identifier_field: 'date',
    fields: [
      { name: 'date', label: '拍摄日期', widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, hint: '照片是哪天拍的' },
      { name: 'photo', label: '照片', widget: 'image', hint: '手机相机拍的原图（JPG），整块公开栏在画面里，页脚右下角的二维码清晰。' },
    ],
  };
}

/** The unit's collections, one per item it publishes, a divider between the catalogue's aspects. */
export function unitCollections(unit: EditorUnit, cfg: EditorConfig): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let aspect: string | undefined;
  for (const item of cfg.items[unit.level]) {
    if (aspect !== undefined && item.aspect !== aspect) out.push({ name: `divider-${out.length}`, divider: true });
    aspect = item.aspect;
    out.push(itemCollection(unit, item, cfg.contentPath));
  }
  if (unit.boards?.length) {
    out.push({ name: `divider-${out.length}`, divider: true });
    for (const b of unit.boards) out.push(postingCollection(b, cfg.contentPath));
  }
  return out;
}

function say(el: HTMLElement, text: string): void {
  el.textContent = text;
  el.hidden = false;
}

// Sveltia rewrites the address to /admin/#/… without the query: the choice is kept for a reload.
const CHOICE = 'gongkai-editor-unit';

/** The unit (and practice mode) asked for, from the address or, after Sveltia's own navigation, from this tab's memory. */
function chosen(): { unit: string | null; practice: boolean } {
  const params = new URLSearchParams(location.search);
  if (params.get('unit')) return { unit: params.get('unit'), practice: params.has('practice') };
  try {
    const kept = sessionStorage.getItem(CHOICE);
    if (kept && location.hash.startsWith('#/')) return JSON.parse(kept) as { unit: string; practice: boolean };
  } catch {
    // Storage may be off; the list of units is shown again.
  }
  return { unit: null, practice: false };
}

export async function startEditor(): Promise<void> {
  const choice = chosen();
  const unitId = choice.unit;
  const status = document.querySelector<HTMLElement>('[data-editor-status]')!;
  if (!unitId) return; // the page shows the list of units
  const base = new URL('.', location.href);
  let cfg: EditorConfig;
  try {
    cfg = (await (await fetch(new URL('config.json', base))).json()) as EditorConfig;
  } catch {
    return say(status, '无法读取编辑器的设置（config.json），请检查网络后刷新页面。');
  }
  const unit = cfg.units.find((u) => u.id === unitId);
  if (!unit) return say(status, `没有标识为“${unitId}”的单位。请回到单位列表重新选择。`);
  const practice = choice.practice;
  try {
    sessionStorage.setItem(CHOICE, JSON.stringify({ unit: unitId, practice }));
  } catch {
    // Without storage a reload shows the list of units again.
  }
  if (!cfg.configured && !practice) {
    return say(status, '县委办还没有把网页编辑器连接到内容仓库（site.yaml 的 editor 设置），现在只能用练习模式。');
  }
  const unitFolder = `/${cfg.contentPath}/entries/${unit.id}`;
  const config = {
    ...cfg.cms,
    // Practice: Sveltia's in-browser repository, published directly (the review workflow needs a forge).
    ...(practice ? { backend: { name: 'test-repo' }, publish_mode: 'simple' } : {}),
    load_config_file: false,
    // The unit on the sign-in page and in the tab's title: the list of items is the same for every unit of a level.
    app_title: `${unit.name} · 网页编辑器${practice ? '（练习）' : ''}`,
    // The media library shows the unit's own folder; images of an entry go beside it (collection).
    // Sveltia links a picture picked there from the repository's root; the file format makes the
    // link relative to the entry (entry-format.ts), as check and the site read it.
    media_folder: unitFolder.slice(1),
    public_folder: unitFolder,
    collections: unitCollections(unit, cfg),
  };
  serveTextsLocally(base);
  window.CMS_MANUAL_INIT = true;
  const script = document.createElement('script');
  script.src = new URL('sveltia-cms.js', base).href;
  script.onload = () => {
    document.querySelector<HTMLElement>('[data-editor-picker]')?.remove();
    status.hidden = true;
    window.CMS!.registerCustomFormat(FORMAT, 'md', {
      fromFile: (text) => readEntryFile(text, unitFolder),
      toFile: (data) => writeEntryFile(data, unitFolder),
    });
    window.CMS!.init({ config });
  };
  script.onerror = () => say(status, '编辑器程序没有加载成功，请检查网络后刷新页面。');
  say(status, practice ? `正在打开练习模式（${unit.name}）：填写的内容只留在这台电脑的浏览器里，不会提交。` : `正在打开 ${unit.name} 的编辑器……`);
  document.head.append(script);
}
