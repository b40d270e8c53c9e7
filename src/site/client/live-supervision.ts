/**
 * The supervision page (督查考评) on the day it is read, the page's own script: each unit's item
 * figures from the changes its row carries (data-changes), its overdue requests from the open
 * requests the page lists (moved by live-dates.ts, which every page runs: this waits for it),
 * then the towns' and the county's sums and the table's default order, as a build on that day
 * would give them. Columns are found by their header's data-f, not by position; a unit is
 * summed under the town its row names (the towns' rows say which name is theirs, data-town).
 */
import type { UnitCompliance } from '../../domain/supervision/compliance.ts';
import { rateOf, rateText, summaryLine } from '../../domain/supervision/rate.ts';
import { figuresOn, requiredOf, supervisionOrder } from '../live-format.ts';
import { liveToday } from './live-dates.ts';

type Field = 'town' | 'required' | 'covered' | 'rate' | 'dueSoon' | 'overdue' | 'missing' | 'notDue' | 'lateReplies' | 'overdueRequests' | 'lastUpdate';

/** A unit's row, with the figures the report computed for it and the build day's page shows. */
type Row = Pick<UnitCompliance, 'unit' | 'required' | 'covered' | 'dueSoon' | 'overdue' | 'missing' | 'notDue' | 'lateReplies' | 'overdueRequests' | 'rate'> & {
  tr: HTMLTableRowElement;
  town: string;
};

function cells(tr: HTMLTableRowElement, table: HTMLTableElement): (f: Field) => HTMLTableCellElement | undefined {
  const heads = [...table.tHead!.rows[0]!.cells];
  return (f) => {
    const i = heads.findIndex((th) => th.dataset.f === f);
    return i < 0 ? undefined : tr.cells[i];
  };
}

function write(cell: HTMLTableCellElement | undefined, value: number): void {
  if (cell) cell.textContent = String(value);
}

/** A rate cell: the figure to sort by, a dash when nothing is due yet. */
function writeRate(cell: HTMLTableCellElement | undefined, r: { required: number; rate: number }): void {
  if (!cell) return;
  cell.textContent = rateText(r);
  cell.dataset.sort = String(r.rate);
}

const sum = (rows: readonly Row[], f: keyof Row) => rows.reduce((n, r) => n + (r[f] as number), 0);

export function showSupervision(built: string, today: string): void {
  const table = document.getElementById('units-table') as HTMLTableElement | null;
  const body = table?.tBodies[0];
  if (!table || !body) return;
  const overdueByUnit = new Map<string, number>();
  for (const li of document.querySelectorAll<HTMLElement>('[data-attention]')) {
    if (li.dataset.unit && li.querySelector('[data-state="overdue"]')) overdueByUnit.set(li.dataset.unit, (overdueByUnit.get(li.dataset.unit) ?? 0) + 1);
  }
  const rows: Row[] = [...body.rows].map((tr) => {
    const cell = cells(tr, table);
    const num = (f: Field) => Number(cell(f)?.textContent ?? 0);
    const moved = figuresOn(tr.dataset.changes ?? '', built, today);
    const unit = tr.id.replace(/^unit-/, '');
    const r: Row = {
      tr,
      unit,
      town: cell('town')?.textContent ?? '',
      // Items come due as their first deadline after the launch passes: what is required moves with them.
      required: moved.covered === undefined ? num('required') : requiredOf(moved as Required<typeof moved>),
      covered: moved.covered ?? num('covered'),
      dueSoon: moved.dueSoon ?? num('dueSoon'),
      overdue: moved.overdue ?? num('overdue'),
      missing: moved.missing ?? num('missing'),
      notDue: moved.notDue ?? num('notDue'),
      lateReplies: num('lateReplies'),
      overdueRequests: overdueByUnit.get(unit) ?? 0,
      rate: 0,
    };
    r.rate = rateOf(r.covered, r.required);
    for (const f of ['required', 'covered', 'dueSoon', 'overdue', 'missing', 'notDue', 'overdueRequests'] as const) write(cell(f), r[f]);
    writeRate(cell('rate'), r);
    const last = cell('lastUpdate');
    if (moved.lastUpdate && last) {
      last.textContent = moved.lastUpdate;
      last.dataset.sort = moved.lastUpdate;
    }
    return r;
  });

  const towns = document.getElementById('towns-table') as HTMLTableElement | null;
  for (const tr of towns?.tBodies[0]?.rows ?? []) {
    const cell = cells(tr, towns!);
    const list = rows.filter((r) => r.town === tr.dataset.town);
    for (const f of ['required', 'covered', 'overdue', 'missing', 'notDue', 'overdueRequests'] as const) write(cell(f), sum(list, f));
    writeRate(cell('rate'), { required: sum(list, 'required'), rate: rateOf(sum(list, 'covered'), sum(list, 'required')) });
  }
  const total = (f: 'required' | 'covered' | 'overdue' | 'missing' | 'notDue') => sum(rows, f);
  const county = { required: total('required'), covered: total('covered'), overdue: total('overdue'), missing: total('missing'), notDue: total('notDue') };
  for (const el of document.querySelectorAll<HTMLElement>('[data-summary]'))
    el.textContent = summaryLine({ ...county, rate: rateOf(county.covered, county.required) });
  for (const r of [...rows].sort(supervisionOrder)) body.append(r.tr);
}

export function startLiveSupervision(root: HTMLElement): void {
  // Every module script has run by DOMContentLoaded: the layout's live-dates.ts among them.
  document.addEventListener('DOMContentLoaded', () => {
    const live = liveToday(root);
    if (live) showSupervision(live.built, live.today);
  });
}
