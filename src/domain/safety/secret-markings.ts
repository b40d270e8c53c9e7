/**
 * State-secret markings (绝密★, 机密★10年, 秘密★) and internal-use markers. They fail
 * `check` in any entry of any scope: such content should not be in the repository at all.
 */
import type { TextFinding } from './text-findings.ts';

/** 绝密/机密/秘密 then ★ (or ☆, *), optionally a period such as ★10年 or ★长期. */
const CLASSIFICATION = /(绝密|机密|秘密)\s*[★☆*＊]\s*(\d+\s*(年|个月|月)|长期)?/g;

/** Markings printed on internal material. Phrases that also occur in ordinary procedure
 * text (“会前不得外传”) are deliberately not here; a county can add its own in site.yaml. */
export const DEFAULT_INTERNAL_MARKERS = ['内部资料', '注意保密', '内部传阅', '仅供内部参考'];

export interface SecretOptions {
  /** Extra patterns from site.yaml (regular expressions). */
  extra: readonly RegExp[];
}

export function findSecretMarkings(text: string, opts: SecretOptions = { extra: [] }): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(CLASSIFICATION)) {
    out.push({
      severity: 'error',
      code: 'secret-marking',
      message: `发现密级标志“${m[0].trim()}”：涉密内容绝不能公开，也不应存放在本仓库中`,
      hint: '请立即删除这个文件（不要提交），并报告本单位保密工作负责人；如属误写，请删除该标志。',
      offset: m.index,
      length: m[0].length,
    });
  }
  const markers = [
    ...DEFAULT_INTERNAL_MARKERS.map((s) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')),
    ...opts.extra.map((r) => new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`)),
  ];
  for (const re of markers) {
    for (const m of text.matchAll(re)) {
      if (!m[0]) continue;
      out.push({
        severity: 'error',
        code: 'internal-marking',
        message: `发现“${m[0]}”字样：标明内部或保密的材料不能公开`,
        hint: '请确认这份材料是否可以公开；可以公开的，删除这几个字并重新做保密审查；不能公开的，删除这个文件。',
        offset: m.index,
        length: m[0].length,
      });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
