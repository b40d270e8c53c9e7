/**
 * `gongkai init` as a conversation (issue 28): every answer checked at once and asked again on a
 * mistake, in the question's words (never base_url or allowed_numbers.0); a county name without
 * 县 asked about, not completed; examples that the go-live check would not refuse. In a script,
 * every wrong flag is listed at once, by the flag the person typed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-init-');
const converse = (dir: string, answers: string[], flags: string[] = []) =>
  cli(['init', '--dir', dir, ...flags], ROOT, answers.join('\n') + '\n', { GONGKAI_FORCE_PROMPT: '1' });
const site = (dir: string) => parse(readFileSync(join(dir, 'content/site.yaml'), 'utf8'));

describe('gongkai init asks, checks each answer and asks again', () => {
  it('through a conversation with a mistake at every question', () => {
    const dir = temp();
    const r = converse(dir, [
      '清河', // no 县: asked back
      '', // Enter: yes, 清河县
      '', // title: default
      '示范县组织部', // publisher: a placeholder
      '', // publisher: default
      'dwgk.example.cn', // the demo's kind of address
      'dwgk.qinghe.gov.cn', // no https://: asked back
      '', // Enter: yes
      '电话待定',
      '0000-1234567',
      '13931201234', // a mobile: asked back
      '0312-8123456 转 801', // no: a landline with its extension
      '码云',
      'GitLab',
      '张三',
      'qinghe-dwgk',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain(
      '“清河”后面没有“县”“市”“区”或“旗”：县委的名称（中共清河县委员会）和网站标题都要用全称。是“清河县”吗？是就直接回车，不是请重新输入县名：',
    );
    expect(out).toContain('✗ “示范县组织部”是示范数据用的占位文字，上线检查不会放过，请写本县真实的主办单位。');
    expect(out).toContain('网站地址（例如 https://dwgk.qinghe.gov.cn/）：');
    expect(out).toContain('✗ “https://dwgk.example.cn/”是示范用的地址，不是本县的网址');
    expect(out).toContain('网站地址要以 https:// 开头。是“https://dwgk.qinghe.gov.cn/”吗？');
    expect(out).toContain('✗ “电话待定”不是电话号码。电话写区号-号码，例如 0312-8123456；有分机的写在“转”字后面，例如 0312-8123456转801。');
    expect(out).toContain('✗ “0000-1234567”是示范用的号码（0000 开头）');
    expect(out).toContain('“13931201234”是手机号：监督电话会印在每一块公开栏和每一张明白卡上，一般用单位的座机。确实用这个手机号吗？');
    expect(out).toContain('✗ 代码托管平台“码云”不认识，只能是 github、gitlab（极狐）或 gitea。');
    expect(out).toContain('县委办（审核人）在平台上的账号或团队（例如 @qinghe-dwgk）：');
    expect(out).toContain('✗ “张三”是中文，不是平台上的账号。');
    // Each question asked again after its mistake, never the whole list from the start.
    expect(out.match(/县名（全称，例如 清河县）：/g)).toHaveLength(1);
    expect(out.match(/监督电话（区号-号码，例如 0312-8123456）：/g)).toHaveLength(3);
    // No internal key, and no example the go-live check refuses (the person’s own 0000 number is quoted back, never offered).
    expect(out).not.toMatch(/base_url|supervision_phone|allowed_numbers|例如 \S*(example|0000|示范县)/);
    expect(site(dir)).toMatchObject({
      county: '清河县',
      title: '清河县党务公开网',
      publisher: '中共清河县委组织部',
      base_url: 'https://dwgk.qinghe.gov.cn/',
      supervision_phone: '0312-8123456转801',
      allowed_numbers: ['0312-8123456转801'],
      codeowners: { forge: 'gitlab', office: ['@qinghe-dwgk'] },
    });
    expect(parse(readFileSync(join(dir, 'content/units.yaml'), 'utf8'))[0].name).toBe('中共清河县委员会');
    expect(cli(['check', '--content', join(dir, 'content')]).code).toBe(0);
  });

  it('keeps a mobile supervision phone when the person confirms it, and asks only for a wrong flag', () => {
    const dir = temp();
    const flags = ['--county', '清河县', '--url', 'https://dwgk.qinghe.gov.cn/', '--forge', 'gitea', '--office', '@qinghe-dwgk', '--phone', '电话'];
    const r = converse(dir, ['13931201234', '是'], flags);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--phone 电话：“电话”不是电话号码。');
    expect(r.stdout).not.toContain('网站名称');
    expect(site(dir)).toMatchObject({ supervision_phone: '13931201234', title: '清河县党务公开网' });
    expect(cli(['check', '--content', join(dir, 'content')]).code).toBe(0);
  });

  it('stops without writing anything when the answers end before the questions', () => {
    const dir = temp();
    const r = converse(dir, ['清河']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输入已经结束，还没有回答完，已取消（没有写入任何文件）。');
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });
});

describe('gongkai init with flags, in a script', () => {
  it('lists every wrong flag at once, by the flag typed, and asks about a county without 县', () => {
    const dir = temp();
    const r = cli(['init', '--dir', dir, '--county', '清河', '--url', 'dwgk.example.cn', '--phone', '0000-1234567', '--forge', 'gitee', '--office', '张三']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('填写的内容有误，没有写入任何文件：');
    expect(r.stderr).toContain('--county 清河：“清河”后面没有“县”“市”“区”或“旗”');
    expect(r.stderr).toContain('是的话请写 --county 清河县。');
    expect(r.stderr).toContain('--url dwgk.example.cn：“https://dwgk.example.cn/”是示范用的地址');
    expect(r.stderr).toContain('--phone 0000-1234567：“0000-1234567”是示范用的号码');
    expect(r.stderr).toContain('--forge gitee：');
    expect(r.stderr).toContain('--office 张三：');
    expect(r.stderr).not.toMatch(/中共清河委员会|base_url|supervision_phone/);
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });
});
