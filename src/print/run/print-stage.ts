/**
 * The print stage: every board (or the ones asked for) → dist/print/boards/<id>.pdf, a
 * preview PNG and optional tiles; every unit's household cards (or the ones asked for) →
 * dist/print/cards/<unit>.pdf and a preview of both faces; the manifest (.json, manifest.csv,
 * cards.csv) and one zip per town. Jobs whose inputs did not change come from the cache; the
 * rest render in worker threads, boards and cards in the same pool.
 */
import { UsageError } from '../../errors.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../../domain/model.ts';
import type { Board } from '../../domain/schema/board.ts';
import { boardJob, type BoardJob } from '../jobs/board-job.ts';
import { currentBoardEntries, type BoardSelector } from '../jobs/board-selection.ts';
import { cardJobs, type CardJob } from '../jobs/card-job.ts';
import { splitEmpty } from '../jobs/empty-products.ts';
import { PrintCache, type Cached, type CachedBoard } from './cache.ts';
import { placeFile } from '../../io/write-atomic.ts';
import { cardKey, jobKey } from '../jobs/render-key.ts';
import {
  cardsCsv,
  manifestCsv,
  previousHashes,
  shortenedText,
  type CardRow,
  type EmptyProducts,
  type Manifest,
  type ManifestRow,
  type PrintPlanView,
} from '../jobs/manifest.ts';
import { renderAll, type StoreTask } from './pool.ts';
import type { BoardOutput } from '../render/render-board.ts';
import type { CardOutput } from '../render/render-card.ts';
import type { SheetSize } from '../layout/tile-plan.ts';
import { writeTownZips } from './town-zips.ts';
import { modeOf } from '../layout/board-content.ts';
import { townFiles, writeTownTickets } from './town-ticket.ts';
import { boardSpecOf, COUNTY_GROUP, deliveryOf, groupName, jobTicket, paperText } from '../jobs/job-ticket.ts';
import { quoteCsv, quoteSheet } from '../jobs/quote-sheet.ts';
import { inShard, type Shard } from '../../domain/shard.ts';

export interface PrintOptions {
  project: Project;
  /** The site's output folder; files go under <outDir>/print/. */
  outDir: string;
  today: string;
  /**
   * Only these boards (default: all). A run for some boards or some units prints exactly what
   * was asked: boards only when only boards are named, cards only when only units are named.
   */
  boards?: readonly string[];
  /** Only these units' household cards (default: all; see `boards`). */
  units?: readonly string[];
  /** Household cards at all (default true). */
  cards?: boolean;
  tile?: SheetSize;
  cacheDir: string;
  /** A previous release's manifest.json, for the “changed” column. */
  previousManifest?: string;
  threads?: number;
  select?: BoardSelector;
  log?: (line: string) => void;
  /** Write the manifest and the town zips (off when only some boards or cards are rendered). */
  index?: boolean;
  /** This runner's share of the boards and cards (`gongkai build --shard i/n`); implies index: false. */
  shard?: Shard;
  /** Called once every board and card is in place, before the manifest and town zips (the build starts reading the PDFs' text then). */
  rendered?: () => void;
  /** What this release asks to print (`board:<id>`, `card:<unit>`), for the quote sheet's second column. */
  reprint?: ReadonlySet<string>;
}

/** The jobs of a print run, known before anything is rendered. */
export interface PrintPlan {
  jobs: BoardJob[];
  cards: CardJob[];
  /** Boards and cards with nothing to show today: not rendered, not counted, not zipped (the whole run's, in every shard). */
  empty: EmptyProducts;
  warnings: string[];
}

export interface PrintResult {
  manifest: Manifest;
  /** Boards rendered and boards taken from the cache. */
  rendered: number;
  cached: number;
  cardsRendered: number;
  cardsCached: number;
  warnings: string[];
  zips: { town: string; zip: string; boards: number; cards: number }[];
  seconds: number;
}

/** Where a board's and a card sheet's files go, relative to the output folder (one place for the pipeline and the site). */
const boardFiles = (id: string) => ({ pdf: `print/boards/${id}.pdf`, preview: `print/previews/${id}.png` });
const cardFiles = (unit: string) => ({ pdf: `print/cards/${unit}.pdf`, preview: `print/cards/${unit}.png`, single: `print/cards/${unit}-single.pdf` });

/** The requested ids, or undefined for “all”; names the ones that do not exist. */
function wanted(ids: readonly string[] | undefined, partial: boolean, known: readonly string[], registry: string, what: string): Set<string> | undefined {
  if (!ids?.length) return partial ? new Set() : undefined;
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw new UsageError(`${registry}中没有：${unknown.join('、')}。请检查${what}标识。`);
  return new Set(ids);
}

/** What a card sheet's manifest row says before it is rendered: the plan the site links. */
function plannedCard(job: CardJob, project: Project) {
  const imp = job.imposition;
  const paper = paperText(project.site.print_job.cards);
  const delivery = deliveryOf(project, job.unitId);
  return {
    unit: job.unitId,
    unit_name: job.unitName,
    ...(job.town ? { town: job.town } : {}),
    template: job.templateId,
    ...cardFiles(job.unitId),
    trim_mm: `${job.widthMm}×${job.heightMm}`,
    bleed_mm: job.bleedMm,
    sheet: imp.sheet,
    landscape: imp.landscape,
    per_sheet: imp.front.length,
    ...(job.households === undefined ? {} : { households: job.households }),
    spare_percent: job.sparePercent,
    ...(job.sheets === undefined ? {} : { sheets: job.sheets }),
    ...(paper ? { paper } : {}),
    delivery_to: delivery.to,
    delivery_address: delivery.address,
  };
}

function cardRow(job: CardJob, out: Cached<CardOutput>, previous: Map<string, string> | undefined, project: Project): CardRow {
  const left = new Set(out.overflow?.entries);
  return {
    ...plannedCard(job, project),
    body_pt: out.bodyPt,
    sha256: out.sha256,
    entries: job.lines.map((l) => l.id).filter((id) => !left.has(id)),
    changed: previous ? previous.get(job.unitId) !== out.sha256 : true,
    ...(out.overflow ? { overflow: out.overflow } : {}),
    ...(job.warnings.length ? { warning: job.warnings.join('') } : {}),
  };
}

/**
 * Which boards and cards this run prints, with their jobs: cheap (no layout), so the site
 * can link every print file while the files themselves are still being rendered.
 */
export function planPrint(o: PrintOptions): PrintPlan {
  const partial = !!(o.boards?.length || o.units?.length);
  const boardIds = wanted(
    o.boards,
    partial,
    o.project.boards.map((b) => b.id),
    '公开栏名录（boards.yaml）',
    '公开栏',
  );
  const unitIds = wanted(
    o.units,
    partial,
    o.project.units.map((u) => u.id),
    '单位名录（units.yaml）',
    '单位',
  );
  const select = o.select ?? currentBoardEntries;
  const jobs = o.project.boards.filter((b) => !boardIds || boardIds.has(b.id)).map((b) => boardJob(o.project, b, select, o.today, o.tile));
  const cards = o.cards === false ? [] : cardJobs(o.project, o.today, unitIds, select);
  const printed = splitEmpty(jobs, cards, o.project.boards);
  return withWarnings(printed.jobs, printed.cards, printed.empty);
}

function withWarnings(jobs: BoardJob[], cards: CardJob[], empty: EmptyProducts): PrintPlan {
  return { jobs, cards, empty, warnings: [...jobs.flatMap((j) => (j.warning ? [j.warning] : [])), ...cards.flatMap((c) => c.warnings)] };
}

/** One shard's share of a plan: boards and cards dealt round-robin in plan order (every shard lists the empty ones, as the plan does). */
export function sharePlan(plan: PrintPlan, shard: Shard | undefined): PrintPlan {
  return shard
    ? withWarnings(
        plan.jobs.filter((_, i) => inShard(shard, i)),
        plan.cards.filter((_, i) => inShard(shard, i)),
        plan.empty,
      )
    : plan;
}

/** A board's job ticket from boards.yaml (site.yaml print_job.boards where it says nothing), as the manifest carries it. */
function ticketOf(
  b: Board | undefined,
  project: Project,
): Pick<ManifestRow, 'location' | 'placement' | 'material' | 'finish' | 'mounting' | 'substrate' | 'fixing' | 'quantity' | 'delivery_to' | 'delivery_address'> {
  const delivery = deliveryOf(project, b?.unit ?? '');
  const to = { delivery_to: delivery.to, delivery_address: delivery.address };
  if (!b) return to;
  const { location, placement, copies } = b;
  return {
    location,
    ...(placement ? { placement } : {}),
    ...boardSpecOf(b, project.site.print_job),
    quantity: copies ?? 1,
    ...to,
  };
}

/** Whether the layout left entry `id` off the board (as opposed to shortening it). */
const offBoard = (shortened: BoardOutput['shortened'], id: string) => shortened?.some((x) => x.entry === id && modeOf(x.action) === undefined) ?? false;

/**
 * What the site needs of a print run before it has finished: the files' paths and the
 * card sheets' quantities (the fields of manifest.json known before rendering: printPlanSchema).
 */
export function plannedManifest(plan: PrintPlan, today: string, project: Project, reprint?: ReadonlySet<string>): PrintPlanView {
  const tiles = plan.jobs.flatMap((j) => (j.tile ? [[j.boardId, tileFile(j.boardId, j.tile)] as const] : []));
  const registry = new Map(project.boards.map((b) => [b.id, b]));
  const cards = plan.cards.map((c) => plannedCard(c, project));
  const boards = plan.jobs.map((j) => ({
    id: j.boardId,
    trim_mm: `${j.widthMm}×${j.heightMm}`,
    bleed_mm: j.bleedMm,
    ...ticketOf(registry.get(j.boardId), project),
  }));
  return {
    generated: today,
    job: jobTicket(project, today),
    boards: plan.jobs.map((j) => ({ id: j.boardId, ...boardFiles(j.boardId) })),
    cards,
    quote: quoteSheet(boards, cards, reprint),
    // A town gets a zip only when something in it is printed; so do the county's own units.
    towns: printGroups([...plan.jobs, ...plan.cards]).map((town) => ({ town, ...townFiles(town) })),
    ...(tiles.length ? { tiles: Object.fromEntries(tiles) } : {}),
    empty: plan.empty,
  };
}

/** A board's tile file, relative to the output folder. */
const tileFile = (id: string, sheet: SheetSize) => `print/tiles/${id}-${sheet}.pdf`;

/** The zips a run writes: one per town with something printed, and one for the county's own units (COUNTY_GROUP), town order. */
export function printGroups(products: readonly { town?: string | undefined }[]): string[] {
  const groups = new Set(products.map((p) => p.town ?? COUNTY_GROUP));
  return [...groups].sort((a, b) => (a === COUNTY_GROUP ? 1 : b === COUNTY_GROUP ? -1 : a.localeCompare(b)));
}

export async function runPrint(o: PrintOptions, plan: PrintPlan = sharePlan(planPrint(o), o.shard)): Promise<PrintResult> {
  const started = performance.now();
  const log = o.log ?? ((l: string) => console.log(l));
  const { jobs, cards, warnings, empty } = plan;
  const printDir = join(o.outDir, 'print');
  for (const d of ['boards', 'previews', 'tiles', 'towns', 'cards']) mkdirSync(join(printDir, d), { recursive: true });
  const cache = new PrintCache(o.cacheDir);
  const previous = previousHashes(o.previousManifest);

  const rows = new Map<string, ManifestRow>();
  const boards = new Map(o.project.boards.map((b) => [b.id, b]));
  const cardRows = new Map<string, CardRow>();
  const done = { boards: 0, cards: 0 };
  const total = jobs.length + cards.length;
  const progress = (kind: 'boards' | 'cards') => {
    done[kind]++;
    const n = done.boards + done.cards;
    if (n === total || n % Math.max(1, Math.ceil(total / 10)) === 0)
      log(`  排版印刷文件：${n}/${total}（公开栏 ${done.boards}/${jobs.length}，明白卡 ${done.cards}/${cards.length}）`);
  };
  const store = (job: BoardJob, out: CachedBoard) => {
    const { pdf, preview } = boardFiles(job.boardId);
    const tiles = out.files.tiles && job.tile ? tileFile(job.boardId, job.tile) : undefined;
    // Linked from the cache: the PDFs never pass through this thread again.
    placeFile(out.files.pdf, join(o.outDir, pdf));
    placeFile(out.files.preview, join(o.outDir, preview));
    if (tiles && out.files.tiles) placeFile(out.files.tiles, join(o.outDir, tiles));
    rows.set(job.boardId, {
      id: job.boardId,
      unit: job.unitId,
      unit_name: job.unitName,
      ...(job.town ? { town: job.town } : {}),
      template: job.templateId,
      pdf,
      ...(tiles ? { tiles } : {}),
      preview,
      ...ticketOf(boards.get(job.boardId), o.project),
      trim_mm: `${job.widthMm}×${job.heightMm}`,
      bleed_mm: job.bleedMm,
      pages: out.pages,
      sheets: out.sheets,
      body_pt: out.bodyPt,
      sha256: out.sha256,
      // What is on the board: entries left off to keep it on one sheet are not.
      entries: job.panels.flatMap((p) => p.sections.flatMap((s) => s.entries.map((e) => e.id))).filter((id) => !offBoard(out.shortened, id)),
      changed: previous ? previous.boards.get(job.boardId) !== out.sha256 : true,
      ...(out.overflow ? { overflow: out.overflow } : {}),
      ...(out.shortened ? { shortened: out.shortened } : {}),
      ...(job.warning ? { warning: job.warning } : {}),
    });
    progress('boards');
  };
  const storeCard = (job: CardJob, out: Cached<CardOutput>) => {
    const row = cardRow(job, out, previous?.cards, o.project);
    placeFile(out.files.pdf, join(o.outDir, row.pdf));
    placeFile(out.files.preview, join(o.outDir, row.preview));
    if (out.files.single) placeFile(out.files.single, join(o.outDir, row.single));
    cardRows.set(job.unitId, row);
    progress('cards');
  };

  // Posters first: they take longest, so the pool ends on the short card jobs.
  const todo: StoreTask[] = [];
  for (const job of jobs) {
    const key = jobKey(job);
    const hit = cache.get<BoardOutput>(key);
    if (hit) store(job, hit);
    else todo.push({ kind: 'board', job, key, cacheDir: cache.dir });
  }
  for (const job of cards) {
    const key = cardKey(job);
    const hit = cache.get<CardOutput>(key);
    if (hit) storeCard(job, hit);
    else todo.push({ kind: 'card', job, key, cacheDir: cache.dir });
  }
  await renderAll(todo, (d) => (d.kind === 'board' ? store(d.job, d.out) : storeCard(d.job, d.out)), o.threads);
  o.rendered?.();

  const manifest: Manifest = {
    generated: o.today,
    job: jobTicket(o.project, o.today),
    boards: jobs.map((j) => rows.get(j.boardId)!),
    cards: cards.map((c) => cardRows.get(c.unitId)!),
    empty,
  };
  const renderedCards = todo.filter((t) => t.kind === 'card').length;
  const counts = {
    rendered: todo.length - renderedCards,
    cached: jobs.length - (todo.length - renderedCards),
    cardsRendered: renderedCards,
    cardsCached: cards.length - renderedCards,
  };
  if (o.index === false || o.shard) return { manifest, ...counts, warnings, zips: [], seconds: (performance.now() - started) / 1000 };
  const zips = await writePrintIndex(o.outDir, manifest, o.project, cache, o.reprint);
  return { manifest, ...counts, warnings, zips, seconds: (performance.now() - started) / 1000 };
}

/**
 * The files that list a whole run — manifest.json, manifest.csv, cards.csv — and the town
 * zips. Written once all boards and cards are in place: by `runPrint`, or by `gongkai merge`
 * when the boards and cards were printed by several shards.
 */
export async function writePrintIndex(
  outDir: string,
  manifest: Manifest,
  project: Project,
  cache: PrintCache,
  reprint?: ReadonlySet<string>,
): Promise<PrintResult['zips']> {
  const printDir = join(outDir, 'print');
  mkdirSync(printDir, { recursive: true });
  writeFileSync(join(printDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  writeFileSync(join(printDir, 'manifest.csv'), manifestCsv(manifest));
  writeFileSync(join(printDir, 'cards.csv'), cardsCsv(manifest));
  writeFileSync(join(printDir, 'quote.csv'), quoteCsv(quoteSheet(manifest.boards, manifest.cards, reprint)));
  const unitName = (id: string) => project.units.find((u) => u.id === id)?.name ?? id;
  // The county's own units (no town) have a zip of their own too.
  const zipItems = [
    ...manifest.boards.map((b) => ({ sha256: b.sha256, town: b.town ?? COUNTY_GROUP, files: [b.pdf, ...(b.tiles ? [b.tiles] : [])] })),
    ...manifest.cards.map((c) => ({ sha256: c.sha256, town: c.town ?? COUNTY_GROUP, files: [c.pdf, c.single], card: true })),
  ];
  const towns = printGroups([...manifest.boards, ...manifest.cards]);
  return writeTownZips(
    outDir,
    zipItems,
    (id) => groupName(id, unitName),
    cache,
    await writeTownTickets(outDir, manifest, project, towns, join(cache.dir, 'zips', 'members')),
  );
}

/** The lines the build and `gongkai print` show for boards that overflowed onto continuation sheets and cards that could not hold everything. */
export function overflowReport(m: Pick<Manifest, 'boards' | 'cards'>): string[] {
  return [
    ...m.boards.flatMap((b) => [
      ...(b.overflow
        ? [
            `公开栏 ${b.id}（${b.unit_name}）内容排不下：在最小字号下超出约 ${b.overflow.mm} 毫米，已排到续页（共 ${b.pages} 页）。涉及条目：${b.overflow.entries.join('、')}`,
          ]
        : []),
      ...(b.shortened
        ? [
            `公开栏 ${b.id}（${b.unit_name}）在最小字号下排不下，为印在一张上已精简：${shortenedText(b)}。全文都在网站上；如要全部印出，请给条目写更短的正文或摘要（summary），或在 boards.yaml 中给该公开栏设置 continuation: true（加印续页）。`,
          ]
        : []),
    ]),
    ...m.cards.flatMap((c) => {
      if (!c.overflow) return [];
      const parts = [
        ...(c.overflow.entries.length ? [`正面放不下条目 ${c.overflow.entries.join('、')}`] : []),
        ...(c.overflow.back.length ? [`背面放不下 ${c.overflow.back.join('、')}`] : []),
      ];
      return [
        `明白卡 ${c.unit}（${c.unit_name}）内容排不下：在最小字号 ${c.body_pt} 磅下${parts.join('；')}，这些内容没有印在卡上。请缩短条目的摘要（summary）或单位名录中的文字，或换用更大的明白卡模板。`,
      ];
    }),
  ];
}

/** One line on the cards of a run: how many, rendered or cached, changed, and the sheets to print in all. */
export function cardSummary(r: PrintResult): string {
  const cards = r.manifest.cards;
  const sheets = cards.reduce((n, c) => n + (c.sheets ?? 0), 0);
  const unknown = cards.filter((c) => c.sheets === undefined).length;
  const changed = cards.filter((c) => c.changed).length;
  const empty = r.manifest.empty.cards.length;
  return `明白卡：${cards.length} 个单位（新排 ${r.cardsRendered}，沿用缓存 ${r.cardsCached}；与上次相比有变化 ${changed} 个），共需印 ${sheets} 张纸（双面）${unknown ? `，另有 ${unknown} 个单位没有填写户数` : ''}${empty ? `；${empty} 个单位的明白卡目前没有可印的内容，没有生成、不计印数` : ''}。`;
}

/** “，另有 12 块目前没有可印的内容”: what the boards' line adds when some have nothing to print. */
export const emptyBoardsNote = (m: Manifest): string => (m.empty.boards.length ? `；另有 ${m.empty.boards.length} 块目前没有可印的内容，没有生成` : '');
