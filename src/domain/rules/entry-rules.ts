/**
 * Rules for one entry that need more than its own front matter: the catalog item,
 * the unit's level, the site's defaults and the folder it sits in.
 */
import { error, warning, type Finding } from '../diagnostics.ts';
import type { EntryData } from '../model.ts';
import { CADENCE_LABELS, isPeriodic, parsePeriod, periodExample, periodHint, type PeriodKind } from '../period.ts';
import { LEVEL_LABELS, SCOPE_LABELS, type Catalog, type CatalogItem } from '../schema/catalog.ts';
import type { EntryFrontMatter } from '../schema/entry.ts';
import type { Site } from '../schema/site.ts';
import { LEVEL_OF_KIND, type Unit } from '../schema/unit.ts';
import { describeCandidate, rankCandidates, type RankOptions } from '../suggest.ts';

export interface EntryContext {
  catalog: Catalog;
  site: Site;
  unit: Unit;
  /** The yyyy folder the file sits in. */
  yearFolder: number;
  /** Pinyin for suggesting an item typed as pinyin; optional (suggestions by name and id work without). */
  romanise?: RankOptions['romanise'];
}

/** Items whose entries are 三重一大 collective decisions and must record the meeting. */
export const MEETING_ITEMS = new Set(['sanzhong-yida']);

/**
 * The fields an item's entries must have and may have, by its cadence, its id and its scope:
 * check applies these, and the web editor's form for the item shows exactly these fields.
 */
export interface ItemFields {
  /** The period's kind for periodic items (required); none elsewhere (not allowed). */
  period?: PeriodKind;
  /** Staged items need stage and matter; others may not have them. */
  staged: boolean;
  /** 三重一大 needs the meeting record; others may not have it. */
  meeting: boolean;
  /** Public by the catalogue: reviewer and approver required (unless an entry is made party-only). */
  approvals: boolean;
}

export function itemFields(item: Pick<CatalogItem, 'id' | 'cadence' | 'scope'>): ItemFields {
  return {
    ...(isPeriodic(item.cadence) ? { period: item.cadence } : {}),
    staged: item.cadence === 'per_stage',
    meeting: MEETING_ITEMS.has(item.id),
    approvals: item.scope === 'public',
  };
}

/** The county's minimum notice, in the words check and the web editor's form both use. */
export const noticeMinimum = (min: number) => `本县规定公示至少 ${min} 个工作日`;
/** Rules check states and the web editor's form shows under the field, in the same words. */
export const REVIEW_RULE = '社会公开的条目必须写明审核人（含保密审查）';
export const APPROVAL_RULE = '社会公开的条目必须写明审批人';
export const MEETING_RULE = '“三重一大”事项必须写明集体决策的会议、应到和实到人数、表决结果';

export function checkEntry(fm: EntryFrontMatter, ctx: EntryContext): { findings: Finding[]; data?: EntryData } {
  const findings: Finding[] = [];
  const item = ctx.catalog.items.get(fm.item);
  if (!item) {
    const level = LEVEL_OF_KIND[ctx.unit.kind];
    const candidates = [...ctx.catalog.items.values()].filter((i) => i.levels.includes(level)).map((i) => ({ id: i.id, name: i.name }));
    const best = rankCandidates(fm.item, candidates, { romanise: ctx.romanise });
    const hint = best.length
      ? `可能是：${best.map(describeCandidate).join('、')}。item 要写事项的英文标识，例如：item: ${best[0]!.id}`
      : 'item 要写事项的英文标识，可用的事项见 content/catalog.yaml；也可以运行 npm run new 选择事项。';
    findings.push(error('unknown-item', `公开事项“${fm.item}”不在公开目录中`, hint, ['item']));
    return { findings };
  }

  const level = LEVEL_OF_KIND[ctx.unit.kind];
  if (!item.levels.includes(level)) {
    findings.push(
      error(
        'item-not-for-level',
        `“${item.name}”只适用于${item.levels.map((l) => LEVEL_LABELS[l]).join('、')}，${ctx.unit.name}是${LEVEL_LABELS[level]}`,
        '请确认事项是否选错，或把条目放到对应单位的文件夹中。',
        ['item'],
      ),
    );
  }

  const year = Number(fm.date.slice(0, 4));
  if (year !== ctx.yearFolder) {
    findings.push(
      error('wrong-year-folder', `发布日期是${year}年，但文件放在了 ${ctx.yearFolder} 文件夹中`, `请把文件移到 ${year} 文件夹，或改正发布日期。`, ['date']),
    );
  }

  // Cadence: a period for periodic items, stages for staged ones, neither elsewhere.
  const cadenceText = `“${item.name}”是${CADENCE_LABELS[item.cadence]}事项`;
  const wants = itemFields(item);
  if (wants.period) {
    if (fm.period === undefined) {
      findings.push(error('missing-period', `${cadenceText}，必须写明期间（period）`, `例如：period: ${periodExample(wants.period).split(' ')[0]}`, []));
    } else {
      const p = parsePeriod(fm.period);
      if (!p) {
        findings.push(error('invalid-period', `期间“${fm.period}”的格式不对`, periodHint(wants.period), ['period']));
      } else if (p.kind !== wants.period) {
        findings.push(error('period-cadence-mismatch', `${cadenceText}，期间“${fm.period}”与之不符`, periodHint(wants.period), ['period']));
      } else if (fm.date < p.start) {
        // The period is the publication cycle (公开期次) the entry belongs to: it starts no
        // later than the entry is published. A later date is a late publication, which the
        // supervision report counts; an earlier one is almost always a typo.
        findings.push(
          warning(
            'period-not-started',
            `发布日期 ${fm.date} 早于期间“${fm.period}”的开始日期 ${p.start}`,
            '期间是这条内容所属的公开期次，一般就是发布日期所在的期间，请核对。',
            ['period'],
          ),
        );
      }
    }
  } else if (fm.period !== undefined) {
    findings.push(error('unexpected-period', `${cadenceText}，不需要填写期间（period）`, '请删除 period 这一行。', ['period']));
  }

  if (wants.staged) {
    if (!fm.stage)
      findings.push(
        error(
          'missing-stage',
          `${cadenceText}，必须写明阶段（stage）`,
          '例如：stage: deliberation（酝酿）、decision（决策）、implementation（实施）或 result（结果）',
          [],
        ),
      );
    if (!fm.matter)
      findings.push(
        error(
          'missing-matter',
          `${cadenceText}，必须写明事项编号（matter），把同一事项的各阶段串起来`,
          '例如：matter: taohua-road-2026（同一事项各阶段填写相同的编号）',
          [],
        ),
      );
  } else {
    if (fm.stage) findings.push(error('unexpected-stage', `${cadenceText}，不分阶段`, '请删除 stage 这一行。', ['stage']));
    if (fm.matter) findings.push(error('unexpected-matter', `${cadenceText}，不需要事项编号`, '请删除 matter 这一行。', ['matter']));
  }

  const scope = fm.scope ?? item.scope;
  if (item.scope === 'party' && scope === 'public') {
    findings.push(
      warning(
        'party-item-made-public',
        `“${item.name}”在公开目录中是${SCOPE_LABELS.party}事项，本条目却标为${SCOPE_LABELS.public}`,
        '请确认已经过审批可以向社会公开；否则删除 scope 这一行。',
        ['scope'],
      ),
    );
  }
  if (scope === 'public') {
    if (!fm.reviewed_by) findings.push(error('missing-review', REVIEW_RULE, '例如：reviewed_by: 王某某（支部副书记）', []));
    if (!fm.approved_by) findings.push(error('missing-approval', APPROVAL_RULE, '例如：approved_by: 李某某（支部书记）', []));
  }

  if (wants.meeting && !fm.meeting) {
    findings.push(
      error('missing-meeting', MEETING_RULE, '例如：meeting: { name: 村党支部委员会会议, date: 2026-05-12, expected: 5, present: 5, vote: 5票同意 }', []),
    );
  }

  if (!wants.meeting && fm.meeting) {
    // A meeting block is printed only for 三重一大; elsewhere it would be dropped without a word.
    findings.push(
      error(
        'unexpected-meeting',
        `${cadenceText}，不是“三重一大”事项，会议记录（meeting）不会公开`,
        '请删除 meeting 这几行；需要说明会议情况的，写在正文里。如果这条内容其实是“三重一大”决策，请改为 item: sanzhong-yida。',
        ['meeting'],
      ),
    );
  }

  if (fm.notice) {
    const days = fm.notice.days ?? ctx.site.defaults.notice_days;
    const min = ctx.site.defaults.notice_min_days;
    if (days < min) {
      findings.push(
        error(
          'notice-too-short',
          `公示只有 ${days} 个工作日，${noticeMinimum(min)}`,
          `请改为 days: ${min} 或更长；规定见 content/site.yaml 的 notice_min_days。`,
          fm.notice.days !== undefined ? ['notice', 'days'] : ['notice'],
        ),
      );
    }
  }

  if (fm.expires && fm.expires <= fm.date) {
    findings.push(error('expires-before-date', `到期日期 ${fm.expires} 不晚于发布日期 ${fm.date}`, '请改正到期日期，或删除 expires 这一行。', ['expires']));
  }
  if (fm.notice && fm.notice.start < fm.date) {
    findings.push(
      warning('notice-before-date', `公示开始日期 ${fm.notice.start} 早于发布日期 ${fm.date}`, '公示一般从发布当天开始，请核对。', ['notice', 'start']),
    );
  }
  for (const [i, c] of (fm.changes ?? []).entries()) {
    if (c.date < fm.date) {
      findings.push(
        error('change-before-date', `修改记录的日期 ${c.date} 早于发布日期 ${fm.date}`, '修改记录写的是发布以后的更正或更新：请改正日期。', [
          'changes',
          i,
          'date',
        ]),
      );
    }
  }
  if (fm.summary && [...fm.summary].length > 30) {
    findings.push(warning('long-summary', `摘要有 ${[...fm.summary].length} 个字，明白卡上一行最多约30个字`, '请精简摘要。', ['summary']));
  }

  const { notice, scope: _declared, ...rest } = fm;
  const data: EntryData = {
    ...rest,
    scope,
    ...(notice ? { notice: { start: notice.start, days: notice.days ?? ctx.site.defaults.notice_days } } : {}),
  };
  return { findings, data };
}
