/**
 * /admin/?unit=<id>: the browser editor for one unit's entries. The page lists the units; once
 * a clerk picks theirs, this builds Sveltia CMS's configuration from the generated one
 * (config.json: the schema's fields for the unit's level) with one collection, the unit's own
 * folder, and starts the editor from the copy this site serves. `&practice` uses Sveltia's
 * in-browser test repository: the real form, nothing saved — for training, and for trying the
 * editor before the webmaster has connected the forge.
 */
interface EditorUnit {
  id: string;
  name: string;
  level: string;
}
interface EditorConfig {
  cms: Record<string, unknown>;
  configured: boolean;
  contentPath: string;
  units: EditorUnit[];
  fields: Record<string, unknown[]>;
}
declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: { init: (o: { config: Record<string, unknown> }) => void };
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

/** The collection of one unit: its folder, a year folder per entry, images beside the entry. */
export function unitCollection(unit: EditorUnit, cfg: EditorConfig): Record<string, unknown> {
  return {
    name: 'entries',
    label: `${unit.name}的公开条目`,
    label_singular: '公开条目',
    description: '每条公开内容一个文件。保存后会生成合并请求，由本单位负责人或县委办审核，自动检查通过并批准后发布。',
    folder: `${cfg.contentPath}/entries/${unit.id}`,
    // The year folder follows the entry's date, as check requires (wrong-year-folder).
    path: "{{fields.date | date('YYYY')}}/{{slug}}",
    slug: '{{fields.date}}-{{fields.item}}',
    extension: 'md',
    format: 'yaml-frontmatter',
    create: true,
    // Images go into the entry's own folder and are referenced by file name, as check requires.
    media_folder: '',
    public_folder: '',
    summary: '{{title}}（{{date}}）',
    sortable_fields: ['date', 'title'],
    identifier_field: 'title',
    fields: cfg.fields[unit.level],
  };
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
  const config = {
    ...cfg.cms,
    // Practice: Sveltia's in-browser repository, published directly (the review workflow needs a forge).
    ...(practice ? { backend: { name: 'test-repo' }, publish_mode: 'simple' } : {}),
    load_config_file: false,
    // The media library shows the unit's own folder; images of an entry go beside it (collection).
    media_folder: `${cfg.contentPath}/entries/${unit.id}`,
    public_folder: '',
    collections: [unitCollection(unit, cfg)],
  };
  serveTextsLocally(base);
  window.CMS_MANUAL_INIT = true;
  const script = document.createElement('script');
  script.src = new URL('sveltia-cms.js', base).href;
  script.onload = () => {
    document.querySelector<HTMLElement>('[data-editor-picker]')?.remove();
    status.hidden = true;
    window.CMS!.init({ config });
  };
  script.onerror = () => say(status, '编辑器程序没有加载成功，请检查网络后刷新页面。');
  say(status, practice ? `正在打开练习模式（${unit.name}）：填写的内容只留在这台电脑的浏览器里，不会提交。` : `正在打开 ${unit.name} 的编辑器……`);
  document.head.append(script);
}
