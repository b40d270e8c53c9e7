/**
 * Driving the web editor (/admin/, Sveltia CMS in practice mode) as a clerk does, for browser
 * tests: open a unit's editor, pick the item in the list, fill the form from a plain object
 * shaped like an entry's front matter, type the body, upload photos, paste tables, save — and
 * read back the files the editor wrote, from the origin-private file system where practice
 * mode keeps its repository. Fields are found by their Chinese labels, as a clerk finds them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { SCOPE_LABELS } from '../../src/domain/schema/catalog.ts';
import { ENTRY_FIELD_LABELS, ENTRY_NESTED_LABELS, STAGE_LABELS } from '../../src/domain/schema/entry.ts';
import { cli, copyMini, put } from '../helpers.ts';

/** One entry as a clerk fills the form: the fields as in a file, the body as typed. */
export interface FormEntry {
  /** The catalogue item's id: the editor's list names it by the item's name. */
  item: string;
  title?: string;
  date?: string;
  scope?: 'public' | 'party';
  period?: string;
  stage?: keyof typeof STAGE_LABELS;
  matter?: string;
  expires?: string;
  notice?: { start?: string; days?: number };
  reviewed_by?: string;
  approved_by?: string;
  summary?: string;
  board?: boolean;
  meeting?: { name?: string; date?: string; expected?: number; present?: number; vote?: string };
  changes?: { date?: string; note?: string }[];
  /** Typed into the body line by line (Enter between lines), in the rich-text editor. */
  body?: string;
  /** Clipboard contents pasted at the end of the body (after the photos), as from Word (`html`) or a text editor (`text`). */
  paste?: { html?: string; text?: string }[];
  /** Photos uploaded with the body's image button (choose a file, upload, insert), each with its caption. */
  images?: { name: string; bytes: Uint8Array; alt?: string }[];
}

/**
 * A Chinese browser page that can reach nothing but the site (an intranet, a bad connection);
 * what it tried to reach elsewhere is kept.
 */
export async function offlinePage(browser: Browser, siteUrl: string): Promise<{ page: Page; outside: string[] }> {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(siteUrl)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { page, outside };
}

/** The label a field is found by: `「⁨标题⁩」字段` (Sveltia wraps the label in isolation marks). */
const group = (scope: Page | Locator, label: string) =>
  scope.getByRole('group', { name: new RegExp(`^「\\u2068?${label.replace(/[()（）]/g, '\\$&')}\\u2069?」字段$`) }).first();

/**
 * A field's group, scrolled into view: the form renders fields as they come into view, so the
 * pane is scrolled down until the field exists.
 */
export async function field(page: Page, label: string, scope: Page | Locator = page): Promise<Locator> {
  const g = group(scope, label);
  // Time, not a number of tries: on a loaded CI machine the form renders slowly.
  for (const until = Date.now() + 20_000; Date.now() < until && !(await g.count());) {
    const all = page.getByRole('group', { name: /」字段$/ });
    const n = await all.count();
    if (n) await all.nth(n - 1).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(50);
  }
  await g.scrollIntoViewIfNeeded();
  return g;
}

/** Opens the practice editor of a unit (Sveltia's in-browser test repository), at the list of items. */
export async function openPractice(page: Page, siteUrl: string, unit: string): Promise<void> {
  await page.goto(`${siteUrl}/admin/?unit=${unit}&practice`);
  await page.getByRole('button', { name: '使用测试仓库' }).click({ timeout: 30_000 });
  await page.getByRole('tree', { name: '集合列表' }).waitFor({ timeout: 30_000 });
}

async function itemName(page: Page, item: string): Promise<string> {
  const cfg = (await page.evaluate(async () => (await fetch(new URL('/admin/config.json', location.href))).json())) as {
    items: Record<string, { id: string; name: string }[]>;
  };
  const found = Object.values(cfg.items)
    .flat()
    .find((i) => i.id === item);
  if (!found) throw new Error(`no item ${item} in the editor's configuration`);
  return found.name;
}

async function fillText(page: Page, label: string, value: string | number, scope: Page | Locator = page): Promise<void> {
  const g = await field(page, label, scope);
  await g.locator('input, textarea').first().fill(String(value));
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await (await field(page, label)).getByRole('radio', { name: option, exact: true }).check();
}

/** Types the body in the rich-text editor, then uploads the photos and pastes the clipboards after it. */
async function fillBody(page: Page, entry: FormEntry): Promise<void> {
  const g = await field(page, ENTRY_FIELD_LABELS.body ?? '正文');
  const editor = g.getByRole('textbox', { name: '正文' });
  await editor.click();
  const lines = entry.body?.split('\n') ?? [];
  for (const [i, line] of lines.entries()) {
    if (i) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
  for (const image of entry.images ?? []) {
    await page.keyboard.press('Enter');
    await g.getByRole('button', { name: '图片', exact: true }).click();
    const component = g.getByRole('group', { name: '图片' }).last();
    await component.getByRole('button', { name: '浏览' }).click();
    const dialog = page.getByRole('dialog', { name: '选择图片' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: '上传' }).click()]);
    await chooser.setFiles({ name: image.name, mimeType: 'image/jpeg', buffer: Buffer.from(image.bytes) });
    await dialog.getByRole('button', { name: '插入' }).click();
    await dialog.waitFor({ state: 'hidden' });
    if (image.alt) await component.getByRole('textbox', { name: '替代文本' }).fill(image.alt);
  }
  for (const clip of entry.paste ?? []) {
    // Back into the text, at its end (after a photo the caption's box has the focus).
    await editor.locator(':scope > p').last().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await editor.evaluate((el, data) => {
      const dt = new DataTransfer();
      if (data.html) dt.setData('text/html', data.html);
      if (data.text) dt.setData('text/plain', data.text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, clip);
  }
}

/** Opens a new entry of the item and fills the form; nothing is saved yet. */
export async function fillEntry(page: Page, entry: FormEntry): Promise<void> {
  await page.getByRole('treeitem', { name: await itemName(page, entry.item), exact: true }).click();
  await page.getByRole('button', { name: '创建新条目' }).first().click();
  const L = ENTRY_FIELD_LABELS;
  for (const key of ['title', 'date', 'period', 'matter', 'expires', 'reviewed_by', 'approved_by', 'summary'] as const) {
    if (entry[key] !== undefined) await fillText(page, L[key]!, entry[key]);
  }
  if (entry.scope) await choose(page, L.scope!, SCOPE_LABELS[entry.scope]);
  if (entry.stage) await choose(page, L.stage!, STAGE_LABELS[entry.stage]);
  if (entry.board !== undefined) {
    const toggle = (await field(page, L.board!)).getByRole('switch');
    if ((await toggle.getAttribute('aria-checked')) !== String(entry.board)) await toggle.click();
  }
  if (entry.notice) {
    const g = await field(page, L.notice!);
    await g.getByRole('checkbox', { name: /添加/ }).check();
    for (const [k, v] of Object.entries(entry.notice)) if (v !== undefined) await fillText(page, ENTRY_NESTED_LABELS.notice![k]!, v, g);
  }
  if (entry.meeting) {
    const g = await field(page, L.meeting!);
    for (const [k, v] of Object.entries(entry.meeting)) if (v !== undefined) await fillText(page, ENTRY_NESTED_LABELS.meeting![k]!, v, g);
  }
  for (const change of entry.changes ?? []) {
    const g = await field(page, L.changes!);
    await g.getByRole('button', { name: /添加/ }).last().click();
    // Sveltia focuses the new item's collapse button (折叠) about 0.1 s after it is added. A test
    // that types on before then has that focus land in the middle of its typing: once in CI the
    // body's first Enter went to the button, folding the item, and two lines of the body ran into one.
    await g.evaluate((el) => {
      const last = () => [...el.querySelectorAll('button[aria-label="折叠"]')].at(-1);
      return new Promise<void>((done) => {
        const wait = () => (last() && document.activeElement === last() ? done() : requestAnimationFrame(wait));
        wait();
      });
    });
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) continue;
      const fields = g.getByRole('group', { name: new RegExp(`「\\u2068?${ENTRY_NESTED_LABELS.changes![k]}\\u2069?」字段`) });
      await fields.last().locator('input, textarea').first().fill(String(v));
    }
  }
  if (entry.body !== undefined || entry.paste || entry.images) await fillBody(page, entry);
}

/** The messages the form shows under each field, by the field's label. */
export async function fieldErrors(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const g of document.querySelectorAll('[role="group"][aria-label$="」字段"]')) {
      const alert = [...g.querySelectorAll(':scope [role="alert"]')].find((a) => a.closest('[role="group"][aria-label$="」字段"]') === g);
      // The message without its icon (a ligature of the icon font: "error").
      const copy = alert?.cloneNode(true) as Element | undefined;
      copy?.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
      const text = copy?.textContent?.trim();
      if (text) out[g.getAttribute('aria-label')!.replace(/^「\u2068?|\u2069?」字段$/g, '')] = text;
    }
    return out;
  });
}

/**
 * Saves the entry. Saved, the editor returns to the item's list; refused, it stays on the form
 * and the fields say what is wrong.
 */
export async function saveEntry(page: Page): Promise<{ saved: boolean; errors: Record<string, string> }> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const list = page.getByRole('button', { name: '创建新条目' }).first();
  const invalid = page.locator('[role="group"][aria-label$="」字段"] [role="alert"]').first();
  await list.or(invalid).waitFor({ timeout: 15_000 });
  if (await list.isVisible()) return { saved: true, errors: {} };
  return { saved: false, errors: await fieldErrors(page) };
}

/** Leaves a form that was not saved, back to the item's list. */
export async function discardEntry(page: Page): Promise<void> {
  await page.getByRole('button', { name: '取消编辑' }).click();
  const discard = page.getByRole('button', { name: /丢弃|放弃|确定/ });
  if (
    await discard
      .first()
      .isVisible({ timeout: 1_000 })
      .catch(() => false)
  )
    await discard.first().click();
  await page.getByRole('button', { name: '创建新条目' }).first().waitFor();
}

/**
 * Every file in practice mode's repository, by its path inside the content folder
 * (`entries/<unit>/<year>/<name>.md`, its photos beside it).
 */
export async function editorFiles(page: Page): Promise<Map<string, Buffer>> {
  const files = await page.evaluate(async () => {
    const out: [string, string][] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let bin = '';
          for (const b of bytes) bin += String.fromCharCode(b);
          out.push([`${prefix}${name}`, btoa(bin)]);
        }
      }
    };
    await walk(await navigator.storage.getDirectory(), '');
    return out;
  });
  return new Map(
    files.filter(([p]) => /\/content\//.test(p)).map(([p, b64]) => [p.slice(p.indexOf('/content/') + '/content/'.length), Buffer.from(b64, 'base64')]),
  );
}

/** Writes the editor's files into a content folder, as a merged pull request would. */
export function writeFiles(files: Map<string, Buffer>, contentDir: string): string[] {
  for (const [rel, bytes] of files) {
    mkdirSync(dirname(join(contentDir, rel)), { recursive: true });
    writeFileSync(join(contentDir, rel), bytes);
  }
  return [...files.keys()];
}

export interface Diagnostic {
  file: string;
  code: string;
  message: string;
  hint?: string;
}

/** The real `check` CLI over a copy of the mini fixture with `files` added (the editor's, or written by hand): its JSON report. */
export function checkWith(files: Map<string, Buffer> | Record<string, string>): {
  code: number | null;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
} {
  const content = copyMini();
  try {
    if (files instanceof Map) writeFiles(files, content);
    else for (const [rel, text] of Object.entries(files)) put(content, rel, text);
    const r = cli(['check', '--content', content, '--json']);
    return { code: r.code, ...(JSON.parse(r.stdout) as { errors: number; warnings: number; diagnostics: Diagnostic[] }) };
  } finally {
    rmSync(content, { recursive: true, force: true });
  }
}

/** Prints a Markdown table (a matrix for a closing note): one row per case. */
export const printTable = (head: string[], rows: string[][]) =>
  console.log([head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
