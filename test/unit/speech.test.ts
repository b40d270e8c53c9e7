/**
 * Text written to be heard (src/media/speech.ts): money in 元角分, years digit by digit, dates
 * and counts as numbers, phone numbers as broadcasters read them, no address or symbol left.
 */
import { describe, expect, it } from 'vitest';
import { NOT_SPOKEN, readingTime, speakable, spokenAmount, spokenDate, spokenNumber, spokenPhone } from '../../src/media/speech.ts';

describe('speech', () => {
  it('says amounts of money in 元角分', () => {
    expect(spokenAmount('1,813.20')).toBe('一千八百一十三元二角');
    expect(spokenAmount('11,380.00')).toBe('一万一千三百八十元');
    expect(spokenAmount('1001.02')).toBe('一千零一元零二分');
    expect(spokenAmount('0.05')).toBe('五分');
    expect(spokenAmount('24.00')).toBe('二十四元');
  });

  it('says dates without the year of the broadcast, years digit by digit', () => {
    expect(spokenDate('2026-12-07', 2026)).toBe('十二月七日');
    expect(spokenDate('2025-12-07', 2026)).toBe('二〇二五年十二月七日');
    expect(speakable('2026-12-07开始', 2026)).toBe('十二月七日开始');
    expect(speakable('2025年度民主评议，2026年上半年', 2026)).toBe('二〇二五年度民主评议，二〇二六年上半年');
  });

  it('says phone numbers digit by digit with 幺 for one, and numbers as numbers', () => {
    expect(spokenPhone('0000-6123456')).toBe('零零零零，六幺二三四五六');
    expect(spokenPhone('0000-6100001（清水镇党委）')).toBe('零零零零，六幺零零零零幺');
    expect(spokenNumber(42)).toBe('四十二');
    expect(spokenNumber('12.6')).toBe('十二点六');
    expect(spokenNumber(10)).toBe('十');
  });

  it('rewrites a paragraph with figures, ranges, times, percentages and an address', () => {
    const s = speakable('2026年上半年应交党费1,813.20元，增长15%。办公时间8:30-17:30，共2名党员。详见 https://dwgk.example.cn/x/ 。', 2026);
    expect(s).toBe('二〇二六年上半年应交党费一千八百一十三元二角，增长百分之十五。办公时间八点三十分至十七点三十分，共两名党员。详见。');
    expect(s).not.toMatch(NOT_SPOKEN);
  });

  it('leaves no numeral or symbol in typical entry text', () => {
    for (const t of [
      '| 月份 | 党员人数 | 应交（元） |',
      '新植桃树180亩，全村桃园达1,200亩；桃子线上销售约9.4万斤（比上年增加3.1万斤）。',
      '公示期：2026年12月1日至12月7日（5个工作日），监督电话0000-6123456，或拨打13912345678。',
      '* 第3号 —— 12.6万元 ～ 18万元 × 2 / 年',
    ])
      expect(speakable(t, 2026)).not.toMatch(NOT_SPOKEN);
  });

  it('estimates the reading time at four characters a second, in words', () => {
    expect(readingTime('一'.repeat(800))).toEqual({ seconds: 200, words: '约三分二十秒' });
    expect(readingTime('一'.repeat(480)).words).toBe('约两分钟');
    expect(readingTime('一二三四').seconds).toBe(1);
  });
});
