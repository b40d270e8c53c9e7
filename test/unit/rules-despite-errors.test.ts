import { describe, expect, it } from 'vitest';
import { error } from '../../src/domain/diagnostics.ts';
import { aboutTouched, repairForRules } from '../../src/domain/rules/rules-despite-errors.ts';
import { entryFrontMatterSchema } from '../../src/domain/schema/entry.ts';

const GOOD = { title: '党费收缴情况', item: 'dues-collection', date: '2026-11-20', period: '2026-H2' };

describe('repairForRules', () => {
  it('passes valid front matter through untouched', () => {
    expect(repairForRules(entryFrontMatterSchema, GOOD)).toMatchObject({ data: { date: '2026-11-20' }, touched: new Set() });
  });
  it('repairs a date written the Chinese way, as the message guesses it', () => {
    const r = repairForRules(entryFrontMatterSchema, { ...GOOD, date: '2026年11月20日' });
    expect(r?.data.date).toBe('2026-11-20');
    expect([...r!.touched]).toEqual(['date']);
  });
  it('leaves out a bad optional field or group, and unknown fields', () => {
    const r = repairForRules(entryFrontMatterSchema, { ...GOOD, scope: '社会公开', meeting: null, 单位: '甲村' });
    expect(r?.data).not.toHaveProperty('scope');
    expect(r?.data).not.toHaveProperty('meeting');
    expect([...r!.touched].sort()).toEqual(['meeting', 'scope']);
  });
  it('gives up when a required field cannot be repaired', () => {
    expect(repairForRules(entryFrontMatterSchema, { ...GOOD, date: '十一月' })).toBeUndefined();
    expect(repairForRules(entryFrontMatterSchema, { ...GOOD, title: '' })).toBeUndefined();
    expect(repairForRules(entryFrontMatterSchema, 'not a map')).toBeUndefined();
  });
});

describe('aboutTouched', () => {
  it('matches rule findings by path, and the pathless missing-field findings by their code', () => {
    const touched = new Set(['meeting', 'date']);
    expect(aboutTouched(error('x', 'm', undefined, ['date']), touched)).toBe(true);
    expect(aboutTouched(error('missing-meeting', 'm', undefined, []), touched)).toBe(true);
    expect(aboutTouched(error('missing-approval', 'm', undefined, []), touched)).toBe(false);
    expect(aboutTouched(error('x', 'm', undefined, ['summary']), touched)).toBe(false);
  });
});
