/**
 * Each answer `gongkai init` asks for, checked alone: accepted, refused in the question's words,
 * or asked back (a county without 县, an address without https://, a mobile supervision phone).
 * No example offered is one the go-live check refuses.
 */
import { describe, expect, it } from 'vitest';
import { countyAnswer, forgeAnswer, officeAnswer, phoneAnswer, publisherAnswer, urlAnswer } from '../../src/domain/init-answers.ts';
import { checkGoLive } from '../../src/domain/rules/go-live-rules.ts';
import { siteSchema } from '../../src/domain/schema/site.ts';

const e = { county: '清河县', pinyin: 'qinghe' };

describe('init answers', () => {
  it('a county name with its suffix is taken; without one it is asked about, never completed', () => {
    for (const v of ['清河县', '清河市', '新城区', '科尔沁右翼前旗']) expect(countyAnswer(v)).toEqual({ ok: v });
    expect(countyAnswer(' 清河 ')).toEqual({
      confirm: '“清河”后面没有“县”“市”“区”或“旗”：县委的名称（中共清河县委员会）和网站标题都要用全称。',
      ask: '是“清河县”吗？',
      suggestion: '清河县',
    });
    expect(countyAnswer('示范县')).toEqual({ problem: '“示范县”是示范数据用的占位文字，上线检查不会放过，请写本县真实的县名。' });
    expect(countyAnswer('')).toEqual({ problem: '县名不能空着。' });
  });

  it('an address must be the county’s own, full, http(s)', () => {
    expect(urlAnswer('https://dwgk.qinghe.gov.cn/', e)).toEqual({ ok: 'https://dwgk.qinghe.gov.cn/' });
    expect(urlAnswer('dwgk.qinghe.gov.cn', e)).toMatchObject({ suggestion: 'https://dwgk.qinghe.gov.cn/' });
    expect(urlAnswer('dwgk.example.cn', e)).toMatchObject({ problem: expect.stringContaining('是示范用的地址') });
    expect(urlAnswer('ftp://dwgk.qinghe.gov.cn', e)).toEqual({ problem: '网站地址要以 https:// 开头。网站地址要写完整，例如 https://dwgk.qinghe.gov.cn/。' });
    expect(urlAnswer('党务公开网', e)).toEqual({ problem: '“党务公开网”不是网址。网站地址要写完整，例如 https://dwgk.qinghe.gov.cn/。' });
  });

  it('a supervision phone: an office line kept as written, a placeholder refused, a mobile asked about', () => {
    expect(phoneAnswer('0312－8123456 转 801')).toEqual({ ok: '0312-8123456转801' });
    expect(phoneAnswer('0000-6123456')).toMatchObject({ problem: expect.stringContaining('0000 开头') });
    expect(phoneAnswer('139 3120 1234')).toMatchObject({ ask: '确实用这个手机号吗？', suggestion: '139 3120 1234' });
    expect(phoneAnswer('待定')).toMatchObject({ problem: expect.stringContaining('0312-8123456转801') });
  });

  it('forge and account in the words people use', () => {
    expect(['GitHub', '极狐', 'gitea'].map((v) => forgeAnswer(v))).toEqual([{ ok: 'github' }, { ok: 'gitlab' }, { ok: 'gitea' }]);
    expect(forgeAnswer('码云')).toEqual({ problem: '代码托管平台“码云”不认识，只能是 github、gitlab（极狐）或 gitea。' });
    expect(officeAnswer('qinghe-dwgk', e)).toEqual({ ok: '@qinghe-dwgk' });
    expect(officeAnswer('@qinghe/dwgk', e)).toEqual({ ok: '@qinghe/dwgk' });
    expect(officeAnswer('张三', e)).toEqual({
      problem: '“张三”是中文，不是平台上的账号。请写平台上的账号或团队（英文字母、数字和连字符），例如 @qinghe-dwgk。',
    });
    expect(publisherAnswer('中共某某县委组织部')).toMatchObject({ problem: expect.stringContaining('占位文字') });
  });

  it('offers examples the go-live check accepts', () => {
    const site = siteSchema.parse({
      county: '清河县',
      title: '清河县党务公开网',
      base_url: 'https://dwgk.qinghe.gov.cn/',
      publisher: '中共清河县委组织部',
      supervision_phone: '0312-8123456转801',
    });
    // Only the print job, which init does not ask about, is left to write (a warning naming it).
    expect(checkGoLive(site, [], []).site.map((f) => f.code)).toEqual(['print-job-incomplete']);
  });
});
