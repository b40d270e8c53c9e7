/**
 * Reporting periods of periodic catalog items and how they match an item's cadence.
 * 2026 (annual), 2026-H1 (half-year), 2026-Q3 (quarter), 2026-07 (month).
 */

export const CADENCES = ['long_term', 'monthly', 'quarterly', 'semiannual', 'annual', 'per_stage', 'per_event'] as const;
export type Cadence = (typeof CADENCES)[number];

export const PERIODIC_CADENCES: readonly Cadence[] = ['monthly', 'quarterly', 'semiannual', 'annual'];

export const CADENCE_LABELS: Record<Cadence, string> = {
  long_term: '长期公开',
  monthly: '每月公开',
  quarterly: '每季度公开',
  semiannual: '每半年公开',
  annual: '每年公开',
  per_stage: '逐段公开（酝酿→决策→实施→结果）',
  per_event: '及时公开',
};

export type PeriodKind = 'annual' | 'semiannual' | 'quarterly' | 'monthly';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1-based index within the year: half (1–2), quarter (1–4) or month (1–12); 1 for a year. */
  index: number;
  /** First and last day, as ISO dates. */
  start: string;
  end: string;
}

const EXAMPLES: Record<PeriodKind, string> = {
  annual: '2026',
  semiannual: '2026-H1 或 2026-H2',
  quarterly: '2026-Q1 至 2026-Q4',
  monthly: '2026-07',
};

export function periodExample(kind: PeriodKind): string {
  return EXAMPLES[kind];
}

/** How a period of each kind is written: check reads periods with these, and the web editor's form refuses others. */
export const PERIOD_PATTERNS: Record<PeriodKind, RegExp> = {
  annual: /^(\d{4})$/,
  semiannual: /^(\d{4})-H([12])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
};

/** What check says, and the web editor's form shows, when a period is not written as its item's cadence asks. */
export function periodHint(kind: PeriodKind): string {
  return `${CADENCE_LABELS[kind]}的期间应写成 ${periodExample(kind)}。`;
}

export function isPeriodic(cadence: Cadence): cadence is PeriodKind {
  return (PERIODIC_CADENCES as readonly string[]).includes(cadence);
}

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function span(year: number, firstMonth: number, months: number): { start: string; end: string } {
  return {
    start: `${year}-${String(firstMonth).padStart(2, '0')}-01`,
    end: lastDay(year, firstMonth + months - 1),
  };
}

/** Parses a period string; undefined when it is none of the four forms. */
export function parsePeriod(value: string): Period | undefined {
  let m = PERIOD_PATTERNS.annual.exec(value);
  if (m) return { kind: 'annual', year: Number(m[1]), index: 1, ...span(Number(m[1]), 1, 12) };
  m = PERIOD_PATTERNS.semiannual.exec(value);
  if (m) {
    const i = Number(m[2]);
    return { kind: 'semiannual', year: Number(m[1]), index: i, ...span(Number(m[1]), i * 6 - 5, 6) };
  }
  m = PERIOD_PATTERNS.quarterly.exec(value);
  if (m) {
    const i = Number(m[2]);
    return { kind: 'quarterly', year: Number(m[1]), index: i, ...span(Number(m[1]), i * 3 - 2, 3) };
  }
  m = PERIOD_PATTERNS.monthly.exec(value);
  if (m) {
    const i = Number(m[2]);
    return { kind: 'monthly', year: Number(m[1]), index: i, ...span(Number(m[1]), i, 1) };
  }
  return undefined;
}

/** The period of the given kind that contains an ISO date. */
export function periodContaining(kind: PeriodKind, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const text =
    kind === 'annual'
      ? `${year}`
      : kind === 'semiannual'
        ? `${year}-H${month <= 6 ? 1 : 2}`
        : kind === 'quarterly'
          ? `${year}-Q${Math.ceil(month / 3)}`
          : `${year}-${String(month).padStart(2, '0')}`;
  return parsePeriod(text)!;
}

/** 2026年上半年, 2026年第三季度, 2026年7月, 2026年度 — how periods read on boards. */
export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'annual':
      return `${p.year}年度`;
    case 'semiannual':
      return `${p.year}年${p.index === 1 ? '上' : '下'}半年`;
    case 'quarterly':
      return `${p.year}年第${'一二三四'[p.index - 1]}季度`;
    case 'monthly':
      return `${p.year}年${p.index}月`;
  }
}
