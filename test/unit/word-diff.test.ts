import { describe, expect, it } from 'vitest';
import { textChanges } from '../../src/review/word-diff.ts';

describe('word-level changes for the review summary', () => {
  it('marks the changed words of a Chinese sentence, not the whole line', () => {
    const { hunks } = textChanges('第一段。\n上半年收缴党费1,860.00元，共42人。\n', '第一段。\n上半年收缴党费1,890.00元，共43人。\n');
    expect(hunks).toEqual([{ line: 2, markdown: '上半年收缴党费<del>1,860.00</del><ins>1,890.00</ins>元，共<del>42</del><ins>43</ins>人。' }]);
  });
  it('gives added lines their own line number, without blank-line noise', () => {
    expect(textChanges('甲。\n', '甲。\n\n补充说明。\n').hunks).toEqual([{ line: 3, markdown: '<ins>补充说明。</ins>' }]);
  });
  it('shows Markdown and HTML in the clerk’s text as text', () => {
    const [h] = textChanges('| 1 | <b>x</b> |\n', '| 1 | *y* |\n').hunks;
    expect(h!.markdown).toBe('\\| 1 \\| <del>&lt;b&gt;x&lt;/b&gt;</del><ins>\\*y\\*</ins> \\|');
  });
  it('shortens long unchanged stretches and caps the number of hunks', () => {
    const long = '这是一段很长的没有改动的文字，用来说明前后文会被缩短，只保留改动两边的一些字。';
    const [h] = textChanges(`${long}旧${long}\n`, `${long}新${long}\n`).hunks;
    expect(h!.markdown).toMatch(/^…[^…]+<del>旧<\/del><ins>新<\/ins>[^…]+…$/);
    const many = (c: string) => Array.from({ length: 12 }, (_, i) => `第${i}行${c}\n\n`).join('');
    expect(textChanges(many('甲'), many('乙'))).toMatchObject({ more: 4 });
  });
});
