/**
 * Rules across documents: slugs unique within a unit, one entry per item and period,
 * staged matters consistent, request answers pointing at real entries.
 */
import { error, warning, type Finding } from '../diagnostics.ts';
import type { Entry, Request } from '../model.ts';
import { STAGES, STAGE_LABELS } from '../schema/entry.ts';

export interface Located<T> {
  doc: T;
  finding: Finding;
}

export function checkEntryCollection(entries: readonly Entry[]): Located<Entry>[] {
  const out: Located<Entry>[] = [];
  const byPeriod = new Map<string, Entry>();
  const matters = new Map<string, Entry[]>();
  // Oldest first, so a duplicate is reported on the newer file — the one the clerk just
  // added — and never on the published entry it repeats.
  const byAge = [...entries].sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.source.file < b.source.file ? -1 : 1));
  for (const e of byAge) {
    if (e.data.period) {
      const key = `${e.unit}\u0000${e.data.item}\u0000${e.data.period}`;
      const prev = byPeriod.get(key);
      if (prev) {
        out.push({
          doc: e,
          finding: warning(
            'duplicate-period',
            `本单位同一事项、同一期间（${e.data.period}）已经有一条：${prev.source.file}`,
            '如果是更正，请直接修改原条目；否则请核对期间。',
            ['period'],
          ),
        });
      } else byPeriod.set(key, e);
    }
    if (e.data.matter) {
      const key = `${e.unit}\u0000${e.data.matter}`;
      matters.set(key, [...(matters.get(key) ?? []), e]);
    }
  }
  for (const group of matters.values()) {
    const first = group[0]!;
    const stages = new Map<string, Entry>();
    for (const e of group) {
      if (e.data.item !== first.data.item) {
        out.push({
          doc: e,
          finding: error(
            'matter-item-mismatch',
            `同一事项编号“${e.data.matter}”的各阶段属于不同的公开事项（另见 ${first.source.file}）`,
            '同一事项的各阶段应当选同一个公开事项，或改用不同的事项编号。',
            ['matter'],
          ),
        });
      }
      const prev = e.data.stage ? stages.get(e.data.stage) : undefined;
      if (prev) {
        out.push({
          doc: e,
          finding: warning(
            'duplicate-stage',
            `事项“${e.data.matter}”的${STAGE_LABELS[e.data.stage!]}阶段已经有一条：${prev.source.file}`,
            '请核对阶段（stage）。',
            ['stage'],
          ),
        });
      } else if (e.data.stage) stages.set(e.data.stage, e);
    }
    // Stages should be published in order: a later stage may not predate an earlier one.
    const ordered = STAGES.map((s) => stages.get(s)).filter((e): e is Entry => !!e);
    for (let i = 1; i < ordered.length; i++) {
      const a = ordered[i - 1]!;
      const b = ordered[i]!;
      if (b.data.date < a.data.date) {
        out.push({
          doc: b,
          finding: warning(
            'stage-order',
            `${STAGE_LABELS[b.data.stage!]}阶段的日期早于${STAGE_LABELS[a.data.stage!]}阶段（${a.source.file}）`,
            '请核对各阶段的发布日期。',
            ['date'],
          ),
        });
      }
    }
  }
  return out;
}

export function checkRequestAnswers(requests: readonly Request[], entries: readonly Entry[]): Located<Request>[] {
  const ids = new Set(entries.map((e) => e.id));
  return requests
    .filter((r) => r.data.answer_entry && !ids.has(`${r.unit}/${r.data.answer_entry}`))
    .map((r) => ({
      doc: r,
      finding: error(
        'unknown-answer-entry',
        `答复条目“${r.data.answer_entry}”在本单位的条目中找不到`,
        `请填写本单位条目的文件名（不含 .md），例如 content/entries/${r.unit}/2026/<文件名>.md 中的文件名。`,
        ['answer_entry'],
      ),
    }));
}
