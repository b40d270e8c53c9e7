/**
 * An entry's body as sentences to be read aloud: headings and paragraphs as they are, list
 * items one after another, and tables turned into sentences — one per row, its first cell
 * as the subject and every other cell said with its header (“一月，党员人数四十二，应交三百零二元
 * 二角”): a listener cannot see a grid. A header's unit in brackets (应交（元）) goes with its
 * figures. Images are left out (their caption is read if it has one).
 */
import type { Block } from '../print/layout/markdown-blocks.ts';
import { speakable } from './speech.ts';

/** 应交（元） → { label: 应交, unit: 元 }. */
function headerParts(h: string): { label: string; unit: string } {
  const m = /^(.*?)[（(]([^）)]{1,4})[）)]\s*$/.exec(h.trim());
  return m ? { label: m[1]!.trim(), unit: m[2]! } : { label: h.trim(), unit: '' };
}

const EMPTY_CELL = /^[\s—–\-/／、]*$/;

/** One table row as a sentence. */
export function rowSentence(header: readonly string[], row: readonly string[], year: number): string {
  const parts: string[] = [];
  row.forEach((cell, i) => {
    if (EMPTY_CELL.test(cell)) return;
    const { label, unit } = headerParts(header[i] ?? '');
    const figure = /^[\d,.]+$/.test(cell.trim());
    const value = figure && unit ? `${cell.trim()}${unit}` : cell.trim();
    // The first column names the row (1月, 镇机关党支部); the others are said with their header.
    parts.push(i === 0 || !label ? value : `${label}${figure ? '' : '：'}${value}`);
  });
  return parts.length ? `${speakable(parts.join('，'), year)}。` : '';
}

/** The body's blocks as sentences, in order. */
export function spokenBlocks(blocks: readonly Block[], year: number): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
      case 'para': {
        const s = speakable(b.text, year);
        if (s) out.push(/[。！？；：]$/.test(s) ? s : `${s}。`);
        break;
      }
      case 'item': {
        const s = speakable(b.text, year).replace(/[；;，]$/, '');
        if (s) out.push(`${s}；`);
        break;
      }
      case 'table':
        for (const r of b.rows) {
          const s = rowSentence(b.header, r, year);
          if (s) out.push(s);
        }
        break;
      case 'image':
        if (b.alt) out.push(`${speakable(b.alt, year)}。`);
        break;
    }
  }
  // A run of list items ends with a full stop.
  return out.map((s, i) => (s.endsWith('；') && !out[i + 1]?.endsWith('；') ? `${s.slice(0, -1)}。` : s));
}

/**
 * Sentences joined up to about `cap` characters, cut after the last whole sentence that fits
 * (or, for a first sentence longer than the cap, after its last pause within it).
 */
export function capSentences(sentences: readonly string[], cap: number): { text: string; cut: boolean } {
  let text = '';
  for (const s of sentences) {
    if ([...text].length + [...s].length <= cap) {
      text += s;
      continue;
    }
    if (!text) {
      const chars = [...s].slice(0, cap);
      const pause = Math.max(chars.lastIndexOf('，'), chars.lastIndexOf('；'), chars.lastIndexOf('、'));
      text = `${chars.slice(0, pause > cap / 2 ? pause : cap).join('')}。`;
    }
    return { text, cut: true };
  }
  return { text, cut: false };
}
