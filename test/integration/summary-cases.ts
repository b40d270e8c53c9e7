/**
 * The changes the pull-request summary test makes to a county repository (content/ inside it):
 * the base — the mini county with 甲村's card full — and one commit per case.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { copyMini, ENTRY, put } from '../helpers.ts';

export const TODAY = '2026-11-28';
/** The later entry's date, and the day it leaves the board (an ad-hoc 三重一大 entry stays recent_days = 90 days). */
export const LATER = '2026-12-10';
export const GONE = '2027-03-11';

const SIGNED = 'reviewed_by: 王某某\napproved_by: 李某某';
/** A card entry of v-demo-a: item, period, date, the line the card prints. */
const cardEntry = (repo: string, slug: string, fm: string, summary: string, body = '详见正文。') =>
  put(repo, `content/entries/v-demo-a/2026/${slug}.md`, ENTRY(`title: 甲村党支部${summary}\n${fm}\n${SIGNED}\nsummary: ${summary}`, body));

/** The base: the mini county, with four more card lines so 甲村's card is full (5 of 5, templates/card.yaml). */
export function baseContent(repo: string): void {
  copyMini(join(repo, 'content'));
  appendFileSync(join(repo, 'content/site.yaml'), "codeowners:\n  forge: github\n  office: ['@county-office']\n");
  // Cards here take what is current on the day (card_life_days: 0), so a 公示 and an entry that
  // leaves the board change the card too: the cases are about the summary, not about a card's life.
  const site = join(repo, 'content/site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace('  max_entry_kb: 512', '  card_life_days: 0\n  max_entry_kb: 512'));
  cardEntry(repo, 'work-plan-2026-h2', 'item: work-plan-completion\nperiod: 2026-H2\ndate: 2026-07-10', '下半年工作计划6项');
  cardEntry(repo, 'contact-2026-q4', 'item: contact-service\nperiod: 2026-Q4\ndate: 2026-10-12', '第四季度为民办实事3件');
  cardEntry(repo, 'care-2026', 'item: member-care\nperiod: 2026\ndate: 2026-03-01', '走访慰问困难党员5名');
  cardEntry(repo, 'four-winds-2026-h2', 'item: four-winds\nperiod: 2026-H2\ndate: 2026-07-20', '下半年未发现四风问题');
}

const MEETING = 'meeting: { name: 支委会, date: 2026-11-18, expected: 5, present: 5, vote: 5票同意 }';
export interface SummaryCase {
  name: string;
  /** The commit's change to the repository (none: head = base). */
  change?: (repo: string) => void | Promise<void>;
  /** The days the summary is asked about (the first is the summary's day). */
  days: string[];
}

export const CASES: SummaryCase[] = [
  { name: 'no-op (base = head)', days: [TODAY] },
  {
    name: 'public body edit',
    change: (repo) => appendFileSync(join(repo, 'content/entries/v-demo-a/2026/dues-2026-h1.md'), '\n补充说明：表中金额已核对。\n'),
    days: [TODAY],
  },
  {
    // The same file name and text: only the picture's bytes say the board changed.
    name: 'photo replaced',
    change: async (repo) => {
      const photo = join(repo, 'content/entries/v-demo-a/2026/road-site.jpg');
      writeFileSync(photo, await sharp(readFileSync(photo)).modulate({ brightness: 1.3 }).jpeg().toBuffer());
    },
    days: [TODAY],
  },
  {
    name: 'party-internal edit',
    change: (repo) => appendFileSync(join(repo, 'content/entries/v-demo-a/2026/sanhui-2026-10.md'), '\n增加一项内部议程。\n'),
    days: [TODAY],
  },
  {
    name: 'future-dated entry',
    change: (repo) => cardEntry(repo, 'road-funds-decision', `item: sanzhong-yida\ndate: ${LATER}\n${MEETING}`, '村道硬化资金使用已集体决定'),
    days: [TODAY, LATER],
  },
  {
    name: 'card-displacing entry',
    change: (repo) =>
      cardEntry(
        repo,
        'recruit-2026',
        'item: recruitment-publicity\ndate: 2026-11-25\nnotice: { start: 2026-11-26, days: 5 }',
        '拟接收预备党员1名公示',
        '拟接收张某某为预备党员。',
      ),
    days: [TODAY],
  },
];
