/**
 * Pinyin for matching what a clerk typed (dangfei, sanzhongyida) against catalogue names.
 * pinyin-pro carries a dictionary that takes ~0.2 s to load, so it is loaded on the first
 * unknown item only, never on a clean check.
 */
import { createRequire } from 'node:module';
import type { Romanised } from '../domain/suggest.ts';

type PinyinFn = (text: string, opts: { toneType: 'none'; type: 'array'; pattern?: 'first' }) => string[];

let pinyin: PinyinFn | undefined;
const cache = new Map<string, Romanised>();

export function romanise(name: string): Romanised {
  let r = cache.get(name);
  if (r) return r;
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  const han = name.replace(/[^\p{Script=Han}]/gu, '');
  r = {
    full: pinyin(han, { toneType: 'none', type: 'array' }).join('').toLowerCase(),
    initials: pinyin(han, { toneType: 'none', type: 'array', pattern: 'first' }).join('').toLowerCase(),
  };
  cache.set(name, r);
  return r;
}
