/**
 * 点题公开答复: the unit's public reply to a question members or residents asked for.
 */
import { cnDate, workdaysBefore } from './calendar.ts';
import { doc, fitSummary, h2, isGrassroots, list, sign, workOf, type Builder, type Ctx } from './kit.ts';

interface Topic {
  q: (c: Ctx) => string;
  a: (c: Ctx) => string[];
  short: string;
}

const GRASS: Topic[] = [
  {
    short: '集体资金收支',
    q: (c) => `希望公开${c.year}年上半年村集体资金收支明细，特别是${c.u.work[0] ?? '产业'}项目的收益情况`,
    a: (c) => [
      `${c.year}年1—6月，村集体经济收入${c.r.int(3, 40)}.${c.r.int(0, 9)}万元，其中${c.u.work[0] ?? '产业'}项目分红${c.r.int(1, 15)}万元。`,
      `支出主要用于公益设施维护和困难群众救助，明细已在村务公开栏同步公布。`,
      `对账目有疑问的，可在工作日到${c.u.short}查阅原始凭证。`,
    ],
  },
  {
    short: '入党程序',
    q: () => `想了解年轻人申请入党需要什么条件、走哪些程序`,
    a: (c) => [
      `年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，承认党的纲领和章程，愿意参加党的一个组织并在其中积极工作，可以申请入党。`,
      `程序包括递交入党申请书、确定入党积极分子、确定发展对象、接收预备党员和预备党员转正五个阶段。`,
      `申请书可交给${c.u.leaders.find((l) => /组织/.test(l.role))?.name ?? c.u.leaders[0]!.name}，支部将在一个月内派人谈话。`,
    ],
  },
  {
    short: '道路维修',
    q: (c) => `${c.r.int(1, c.u.groups)}组到村部的道路有多处破损，什么时候维修`,
    a: (c) => [
      `经现场查看，破损路段约${c.r.int(80, 900)}米，已列入${c.year}年村级公益事业项目。`,
      `计划于${c.r.pick(['下月', '近期', '农忙结束后'])}施工，资金由${c.r.pick(['“一事一议”财政奖补资金', '村集体经济收入', '上级交通项目资金'])}解决。`,
      `施工前将召开村民代表会议，施工进展在公开栏公布。`,
    ],
  },
  {
    short: '党费标准',
    q: () => `退休后党费交纳标准是多少，是否可以线上交纳`,
    a: () => [
      `离退休党员以基本退休费为计算基数，每月5000元以下（含）的按0.5%交纳，5000元以上的按1%交纳。`,
      `可以通过线上党费缴纳平台交纳，也可以交给所在党支部，支部当场开具收据。`,
    ],
  },
  {
    short: '低保评定',
    q: () => `今年低保对象是怎么评定的，评定结果在哪里看`,
    a: (c) => [
      `低保评定按照个人申请、入户调查、民主评议、乡镇审核、县民政局审批的程序进行。`,
      `民主评议会议于${cnDate(workdaysBefore(c.spec.date, c.r.int(10, 40)))}召开，评议结果已在公开栏公示7天。`,
      `对评定结果有异议的，可以向${c.u.town}民政办反映。`,
    ],
  },
];

const OFFICE: Topic[] = [
  {
    short: '办事流程',
    q: (c) => `${c.u.work[1] ?? '业务'}相关事项办理需要哪些材料，能否一次办好`,
    a: (c) => [
      `相关事项的办事指南已在${c.county}政务服务网和本单位窗口公开，列明了材料清单和办理时限。`,
      `材料齐全的当场受理，${c.r.int(1, 5)}个工作日内办结；材料不全的一次性告知需要补充的内容。`,
      `也可以通过线上预约，工作人员提供帮办代办服务。`,
    ],
  },
  {
    short: '组织关系转接',
    q: () => `党员调入后组织关系如何转接，需要多长时间`,
    a: (c) => [
      `党员组织关系转接通过全国党员管理信息系统办理，转出和接收党组织在系统中完成审核。`,
      `一般在${c.r.int(3, 7)}个工作日内办结，转入后由${c.u.org}安排编入党支部。`,
      `党员应在6个月内转接组织关系，逾期需说明情况。`,
    ],
  },
  {
    short: '为民办实事',
    q: () => `今年承诺的为民办实事项目进展如何`,
    a: (c) => [
      `${c.year}年${c.u.org}承诺办实事${c.r.int(4, 12)}件，目前已完成${c.r.int(2, 4)}件，其余正在推进。`,
      `重点围绕${workOf(c.u)}，逐项明确了责任人和完成时限。`,
      `完成情况每季度在公开栏和党务公开网公开。`,
    ],
  },
  {
    short: '公开内容更新',
    q: () => `公开栏部分内容更新不及时，能否增加公开频次`,
    a: (c) => [
      `感谢提出的意见。经核查，公开栏“${c.r.pick(['工作计划', '党费收缴', '为民办实事'])}”栏目确有更新滞后问题，已于答复当日更新。`,
      `今后将严格按照定期公开时限更新，每期更新后在党务公开网同步发布。`,
    ],
  },
];

export const topicReply: Builder = (c) => {
  const r = c.r;
  const pool = isGrassroots(c.u) || c.u.kind === 'town' ? [...GRASS, ...OFFICE.slice(1, 3)] : OFFICE.concat(GRASS[1]!, GRASS[3]!);
  const t = pool[(c.spec.variant ?? r.int(0, 99)) % pool.length]!;
  const received = workdaysBefore(c.spec.date, r.int(0, 3));
  const channel = r.pick(['通过意见箱', '通过电话', '到现场', '在党务公开网“点题公开”栏目', '在党员大会上']);
  const asker =
    c.u.site === 'village'
      ? r.pick(['有党员', '有村民', '有党员群众'])
      : c.u.site === 'community'
        ? r.pick(['有党员', '有居民'])
        : r.pick(['有党员', '有群众', '有干部职工', '有服务对象']);
  const body = doc(
    h2(1, '点题内容'),
    `${cnDate(received)}，${asker}${channel}提出：${t.q(c)}。`,
    h2(2, '答复'),
    list(t.a(c)),
    `如对答复仍有疑问，可${r.pick([`在工作日到${c.u.short}咨询`, `拨打联系电话${c.u.phone}`, '继续通过意见箱点题'])}。`,
    sign(c),
  );
  return {
    title: r.pick([`关于“${t.short}”的点题公开答复`, `点题答复：${t.short}`, `${c.u.short}点题公开答复（${t.short}）`]),
    summary: fitSummary(`${t.short}点题已于${Number(c.spec.date.slice(5, 7))}月${Number(c.spec.date.slice(8, 10))}日答复`, `${t.short}点题答复`),
    body,
  };
};
