/**
 * One entry file: front matter (written by hand here: fixed key order, plain scalars where
 * YAML allows them, JSON-quoted otherwise) and the Markdown body from the item's builder.
 */
import type { UnitModel } from './county.ts';
import { approver, reviewer, type Builder, type Ctx, type Spec } from './kit.ts';
import type { CatalogItemInfo } from './plan.ts';
import { Rng } from './rng.ts';
import { duesCollection, duesUsage } from './texts-dues.ts';
import {
  cadreSelection,
  democraticEvaluation,
  democraticReview,
  disciplineHandling,
  lianzhengChengnuo,
  memberCare,
  orgLifeMeeting,
  recruitmentPlan,
  recruitmentPublicity,
  shuzhiShulian,
} from './texts-members.ts';
import { orgSetup, rulesProcedures, sanzhongYida } from './texts-org.ts';
import {
  contactService,
  feedbackHandling,
  fourWinds,
  oversightResults,
  sanhuiYike,
  studyEducation,
  superiorDecisions,
  workPlanCompletion,
} from './texts-plan.ts';
import { topicReply } from './texts-requests.ts';
import { elections, majorDecisions, termGoals } from './texts-stage.ts';

export const BUILDERS: Record<string, Builder> = {
  'org-setup-division': orgSetup,
  'rules-procedures': rulesProcedures,
  'work-plan-completion': workPlanCompletion,
  'term-goals': termGoals,
  'superior-decisions': superiorDecisions,
  'major-decisions': majorDecisions,
  'sanzhong-yida': sanzhongYida,
  'study-education': studyEducation,
  'sanhui-yike': sanhuiYike,
  'recruitment-plan': recruitmentPlan,
  'recruitment-publicity': recruitmentPublicity,
  'democratic-review': democraticReview,
  'member-care': memberCare,
  'dues-collection': duesCollection,
  'dues-usage': duesUsage,
  elections,
  'org-life-meeting': orgLifeMeeting,
  'cadre-selection': cadreSelection,
  'shuzhi-shulian': shuzhiShulian,
  'lianzheng-chengnuo': lianzhengChengnuo,
  'democratic-evaluation': democraticEvaluation,
  'discipline-handling': disciplineHandling,
  'contact-service': contactService,
  'four-winds': fourWinds,
  'topic-requests': topicReply,
  'feedback-handling': feedbackHandling,
  'oversight-results': oversightResults,
};

const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;
const NUMBER_LIKE = /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A YAML scalar: plain when unambiguous, else a JSON string (valid YAML double-quoted). */
export function scalar(v: string | number): string {
  if (typeof v === 'number') return String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (v === '' || RESERVED.test(v) || NUMBER_LIKE.test(v) || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(v) || /[:#\n\t"'\\]|\s$/.test(v)) return JSON.stringify(v);
  return v;
}

export interface Rendered {
  text: string;
  scope: 'public' | 'party';
  body: string;
}

export function renderEntry(u: UnitModel, spec: Spec, county: string, seed: number, info: CatalogItemInfo): Rendered {
  const r = Rng.derive(seed, 'entry', u.id, spec.slug);
  const ctx: Ctx = { u, county, r, spec, year: Number(spec.date.slice(0, 4)), seed };
  const builder = BUILDERS[spec.item];
  if (!builder) throw new Error(`no text builder for item ${spec.item}`);
  const t = builder(ctx);
  const lines = ['---', `title: ${scalar(t.title)}`, `item: ${spec.item}`, `date: ${spec.date}`];
  if (info.scope === 'party') lines.push('scope: party');
  if (spec.period) lines.push(`period: ${scalar(spec.period.length === 4 ? Number(spec.period) : spec.period)}`);
  if (spec.stage) lines.push(`stage: ${spec.stage}`, `matter: ${spec.matter}`);
  if (spec.notice) lines.push('notice:', `  start: ${spec.notice.start}`, `  days: ${spec.notice.days}`);
  if (t.meeting) {
    const m = t.meeting;
    lines.push(
      'meeting:',
      `  name: ${scalar(m.name)}`,
      `  date: ${m.date}`,
      `  expected: ${m.expected}`,
      `  present: ${m.present}`,
      `  vote: ${scalar(m.vote)}`,
    );
  }
  lines.push(`reviewed_by: ${scalar(reviewer(u, r))}`, `approved_by: ${scalar(approver(u))}`, `summary: ${scalar(t.summary)}`, '---', '');
  return { text: lines.join('\n') + t.body, scope: info.scope, body: t.body };
}
