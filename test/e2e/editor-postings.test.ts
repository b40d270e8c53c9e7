/**
 * A board's 张贴记录 in the web editor, in real Chromium: a clerk of the village opens its
 * board's record, gives the day, uploads the photo and saves in practice mode; the files the
 * editor wrote (read from the browser's own storage) go into a copy of the mini fixture, where
 * the build's posting reader finds the photo, its day from the record and its board's code.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPostingPhotos, readPostingPhoto } from '../../src/load/posting-photos.ts';
import { copyMini, ROOT } from '../helpers.ts';
import { servedMini } from './browser.ts';
import { editorFiles, field, offlinePage, openPractice, saveEntry, writeFiles } from './editor-form.ts';

const served = servedMini();
const photo = readFileSync(join(ROOT, 'test/fixtures/postings/b-v-demo-a/IMG_20261201_101500.jpg'));

describe('the 张贴记录 in the web editor', { timeout: 120_000 }, () => {
  it('uploads a posting photo with its day beside it, where the build reads it', async () => {
    const { page } = await offlinePage(served().browser, served().server.url);
    await openPractice(page, served().server.url, 'v-demo-a');
    await page.getByRole('treeitem', { name: '张贴记录', exact: false }).first().click();
    await page.getByRole('button', { name: '创建新条目' }).first().click();
    await (await field(page, '拍摄日期')).locator('input').first().fill('2026-12-03');
    const g = await field(page, '照片');
    // As for a photo in an entry's body: browse, upload in the dialog, insert.
    await g.getByRole('button', { name: '浏览' }).click();
    const dialog = page.getByRole('dialog', { name: '选择图片' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: '上传' }).click()]);
    await chooser.setFiles({ name: 'wei xin.jpg', mimeType: 'image/jpeg', buffer: photo });
    await dialog.getByRole('button', { name: '插入' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await saveEntry(page)).saved).toBe(true);
    const files = await editorFiles(page);
    const written = [...files.keys()].filter((f) => f.startsWith('postings/'));
    expect(written.some((f) => /^postings\/b-v-demo-a\/[^/]+\.yaml$/.test(f))).toBe(true);
    const content = copyMini();
    writeFiles(files, content);
    const [found] = listPostingPhotos(content);
    const read = found && (await readPostingPhoto(found, { maxBytes: 64e6, maxPixels: 64e6 }));
    rmSync(content, { recursive: true, force: true });
    expect(found?.boardId).toBe('b-v-demo-a');
    expect(read).toMatchObject({ date: '2026-12-03', dateSource: 'side' });
    expect(read?.links[0]?.page).toBe('https://dwgk.shifan.example.cn/units/v-demo-a/');
    await page.context().close();
  });
});
