/**
 * Staged matters (阶段性): task goals, major decisions and elections, published stage by
 * stage — 酝酿 → 决策 → 实施 → 结果 — under one matter id.
 */
import { addDays, cnDate, cnMonthDay, noticeEnd, workdaysBefore } from './calendar.ts';
import type { UnitModel } from './county.ts';
import { doc, fitSummary, h2, isGrassroots, list, para, sign, workOf, table, type Builder, type Ctx, type Line, type Stage } from './kit.ts';
import type { Rng } from './rng.ts';

export interface MatterTopic {
  slug: string;
  text: string;
}

const T = (slug: string, text: string): MatterTopic => ({ slug, text });
type K = 'grass' | 'town' | 'office';
const kindOf = (u: UnitModel): K => (isGrassroots(u) ? 'grass' : u.kind === 'town' ? 'town' : 'office');

const TOPICS: Record<string, Record<K, MatterTopic[]>> = {
  'term-goals': {
    grass: [
      T('term-goals', '本届党组织任期目标'),
      T('industry-plan', '{work}发展三年行动'),
      T('collective-income', '村级集体经济提质增收计划'),
      T('governance', '“红色网格”治理提升行动'),
    ],
    town: [T('term-goals', '本届党委任期目标'), T('governance', '基层治理能力提升三年行动'), T('revitalize', '乡村振兴示范片建设规划')],
    office: [T('term-goals', '本届班子任期目标'), T('model-organ', '模范机关创建三年行动'), T('service-brand', '“{work}”党建服务品牌创建')],
  },
  'major-decisions': {
    grass: [
      T('service-center', '党群服务中心改扩建'),
      T('road', '通组道路硬化'),
      T('assets', '村集体闲置资产盘活'),
      T('water', '安全饮水管网改造'),
      T('solar', '村级光伏电站建设'),
      T('elderly', '互助养老服务点建设'),
    ],
    town: [
      T('town-environment', '集镇环境综合整治'),
      T('industrial-park', '{work}特色产业园建设'),
      T('alliance', '区域党建联盟建设'),
      T('market', '农贸市场提档升级'),
    ],
    office: [
      T('restructure', '内设机构职能优化调整'),
      T('digital', '业务系统数字化改造'),
      T('brand', '机关党建品牌创建'),
      T('service-window', '便民服务窗口优化'),
    ],
  },
  elections: {
    grass: [T('election', '党组织换届选举'), T('branch-adjust', '党支部设置调整')],
    town: [T('branch-adjust', '机关和站所党支部设置调整'), T('election', '机关党支部换届选举')],
    office: [T('election', '机关党支部换届选举'), T('branch-adjust', '党支部设置调整')],
  },
};

export function pickTopic(item: string, u: UnitModel, r: Rng, taken: Set<string>): MatterTopic | undefined {
  const pool = (TOPICS[item]?.[kindOf(u)] ?? []).filter((t) => !taken.has(t.slug));
  if (!pool.length) return undefined;
  const t = r.pick(pool);
  const work = workOf(u);
  return { slug: t.slug, text: t.text.replace('{work}', work) };
}

const STAGE_NAMES: Record<Stage, string> = { deliberation: '酝酿', decision: '决策', implementation: '实施', result: '结果' };

const CHANNELS: Line[] = [
  (c) => `党员群众可通过${c.u.short}意见箱、来电或到${c.u.site === 'village' || c.u.site === 'community' ? '党群服务中心' : '办公室'}当面反映意见建议`,
  (c) => `意见建议请于${cnMonthDay(noticeEnd(c.spec.date, 5))}前反馈至${c.u.org}`,
  (c) => `${c.county}党务公开网“点题公开”栏目同步接收留言`,
];

function goalsTable(c: Ctx, done: boolean, term: boolean): string {
  const r = c.r;
  const u = c.u;
  const rows = r.sample(
    isGrassroots(u)
      ? [
          ['发展党员', '名', 2, 6],
          ['村集体经济收入', '万元', 8, 60],
          ['硬化道路', '公里', 1, 9],
          ['培训党员群众', '人次', 60, 400],
          ['新增产业基地', '亩', 50, 600],
          ['化解矛盾纠纷', '件', 10, 60],
        ]
      : [
          ['开展专题学习', '次', 8, 24],
          ['办结群众诉求', '件', 40, 600],
          ['结对帮扶困难群众', '户', 10, 80],
          ['完成重点项目', '个', 2, 12],
          ['培训干部职工', '人次', 80, 900],
          ['优化办事流程', '项', 4, 30],
        ],
    4,
  ) as [string, string, number, number][];
  return table(
    done ? ['目标内容', '计划', '完成', '完成率'] : ['目标内容', '计划', '完成时限', '责任人'],
    rows.map(([what, unit, lo, hi]) => {
      const plan = r.int(lo, hi);
      const due = term ? `${c.year + r.int(1, 4)}年底` : `${c.year}年${Math.min(12, Number(c.spec.date.slice(5, 7)) + r.int(1, 4))}月底`;
      if (!done) return [what, `${plan}${unit}`, due, r.pick(u.leaders).name];
      const got = plan + r.int(-Math.floor(plan / 10), Math.floor(plan / 5));
      return [what, `${plan}${unit}`, `${got}${unit}`, `${Math.floor((got * 100) / plan)}%`];
    }),
  );
}

const DUTIES = ['牵头总体推进', '负责资金和项目管理', '负责群众工作和矛盾化解', '负责督促检查和信息公开', '负责质量和安全管理'];
const ELECTION_DUTIES = ['负责选举工作总体安排', '负责委员候选人资格审查', '负责会务和选票管理', '负责换届纪律监督'];

function duties(c: Ctx, pool: string[]): string {
  const ls = c.u.leaders.slice(0, c.r.int(2, Math.min(4, c.u.leaders.length)));
  const ds = c.r.sample(pool, ls.length);
  return list(ls.map((l, i) => `${l.name}（${l.role}）：${ds[i] ?? pool[0]}`));
}

/** Elections and changes to branch set-up: no money, no progress percentages. */
function electionBody(c: Ctx, topic: string): string {
  const u = c.u;
  const r = c.r;
  const grass = isGrassroots(u);
  const adjust = topic.includes('调整');
  const holder = topic.includes('机关党支部') ? `${u.short}机关党支部` : u.org;
  const meetingDay = cnDate(workdaysBefore(c.spec.date, r.int(1, 4)));
  const upper = grass ? `${u.town}${u.town.endsWith('街道') ? '党工委' : '党委'}` : '县直机关工委';
  const present = u.members - r.int(1, Math.max(2, Math.floor(u.members / 8)));
  switch (c.spec.stage ?? 'deliberation') {
    case 'deliberation':
      return doc(
        `为${r.pick(['广泛听取党员意见', '做好换届准备工作', '确保工作平稳有序'])}，${holder}就${topic}有关事项公开征求意见。`,
        h2(1, '基本情况'),
        `${holder}现有党员${u.members}名。${adjust ? r.pick(['因党员人数变化和工作需要', '为更好地发挥党支部作用']) : '本届委员会任期将满'}，经${r.pick(['上级党组织同意', `${upper}批复同意`])}，拟${adjust ? `将现有党组织设置调整为${u.branches + 1}个党支部` : `于${c.year}年${Math.min(12, Number(c.spec.date.slice(5, 7)) + r.int(1, 3))}月前召开党员大会进行换届选举`}。`,
        h2(2, '初步安排'),
        list(
          r.sample(
            adjust
              ? [
                  `按照党员${grass ? '居住区域' : '工作岗位'}划分党支部`,
                  '调整后各支部党员人数不少于3名',
                  '新支部成立后及时开展组织生活',
                  '流动党员编入实际居住地或工作地支部',
                ]
              : ['委员候选人初步人选由党员推荐产生', '选举工作全程接受上级党组织指导', '严肃换届纪律，做到“十严禁”', '新一届委员会产生后及时开展组织生活'],
            3,
          ),
        ),
        h2(3, '征求意见'),
        `${c.r
          .sample(CHANNELS, 2)
          .map((f) => f(c))
          .join('；')}。`,
        sign(c),
      );
    case 'decision':
      return doc(
        `${meetingDay}，${holder}召开党员大会，应到党员${u.members}名，实到${present}名，对${topic}进行了审议，${r.pick(['综合前期收集的意见建议', `吸收采纳意见建议${r.int(2, 15)}条`, '结合征求意见情况'])}，作出如下决定。`,
        h2(1, '决定事项'),
        adjust
          ? `同意将党组织设置调整为${u.branches + 1}个党支部，党员按${grass ? '居住区域' : '工作岗位'}编入各支部，调整方案报${upper}审批。`
          : `新一届委员会设委员${Math.max(3, u.leaders.length)}名，选举采取差额选举办法，委员候选人差额比例不少于20%。选举日期定于${cnDate(addDays(c.spec.date, r.int(10, 25)))}。`,
        h2(2, '责任分工'),
        duties(c, ELECTION_DUTIES),
        `以上决定自公布之日起执行，执行情况将分阶段公开。`,
        sign(c),
      );
    case 'implementation':
      return doc(
        adjust
          ? `${topic}方案经${upper}批复后，${holder}${r.pick(['按计划组织实施', '召开党员大会宣布调整方案'])}。现将实施情况公开如下。`
          : `${meetingDay}，${holder}召开党员大会进行换届选举，应到党员${u.members}名，实到${present}名，符合规定人数。`,
        h2(1, '工作进展'),
        adjust
          ? `已将${u.members}名党员编入${u.branches + 1}个党支部，新设支部于${meetingDay}召开第一次党员大会，选举产生支部委员会。${r.pick(['党员组织关系已在信息系统中完成调整。', '各支部已明确党小组和联系户。'])}`
          : `大会以无记名投票方式，差额选举产生新一届委员会委员${Math.max(3, u.leaders.length)}名。${r.pick(['新一届委员会随即召开第一次全体会议，等额选举产生书记、副书记。', '选举结果已报上级党组织审批。'])}`,
        h2(2, '下一步安排'),
        `${r.pick(['做好新老班子工作交接', '及时完善党员花名册和组织生活台账', '组织新任委员参加培训'])}，选举和调整结果经批复后公开。`,
        sign(c),
      );
    default:
      return doc(
        `${topic}已全部完成。现将结果公开如下，欢迎党员群众监督。`,
        h2(1, '完成情况'),
        adjust
          ? `经${upper}批复，${holder}设党支部${u.branches + 1}个，各支部委员会均已选举产生并开展组织生活。`
          : `经${upper}批复，新一届${topic.includes('机关党支部') ? '机关党支部委员会' : `${u.org}委员会`}由${Math.max(3, u.leaders.length)}名委员组成，分工见本单位“党组织设置和领导班子分工”公开内容。`,
        h2(2, '换届纪律执行情况'),
        `${r.pick(['换届期间未收到违反换届纪律的反映', '换届工作全程接受党员监督，未发现违规问题'])}。${r.pick([`组织党员${r.int(12, 80)}人对换届工作进行满意度测评，满意率${r.int(90, 100)}%。`, '感谢全体党员的支持。'])}`,
        sign(c),
      );
  }
}

function staged(c: Ctx, item: string): { title: string; summary: string; body: string } {
  const u = c.u;
  const r = c.r;
  const stage = c.spec.stage ?? 'deliberation';
  const topic = c.spec.topic ?? '重点工作';
  const sName = STAGE_NAMES[stage];
  const grass = isGrassroots(u);
  const term = item === 'term-goals';
  const meetingDay = cnDate(workdaysBefore(c.spec.date, r.int(1, 4)));
  let body: string;
  if (item === 'elections') body = electionBody(c, topic);
  else if (stage === 'deliberation') {
    body = doc(
      `为${r.pick(['广泛听取党员群众意见', '集思广益、科学决策', '确保决策符合实际、顺应民意'])}，${u.org}就${topic}初步方案公开征求意见。`,
      h2(1, '基本情况'),
      para(
        c,
        [
          (x) => `${topic}是${x.u.org}${x.year}年的重点工作之一，关系${grass ? '全村（社区）群众' : '干部职工和服务对象'}切身利益。`,
          (x) => `前期已开展实地调研${x.r.int(2, 8)}次，走访${grass ? '农户' : '服务对象'}${x.r.int(20, 180)}${grass ? '户' : '人次'}。`,
          (x) =>
            term
              ? `初步拟定${x.r.int(4, 8)}个方面、${x.r.int(12, 30)}项具体目标。`
              : `初步测算需投入资金约${x.r.int(3, 90)}万元，${x.r.pick(['拟申请上级补助', '拟由集体经济收入解决', '列入年度预算'])}。`,
          (x) => `${x.u.leaders[1]?.name ?? x.u.leaders[0]!.name}牵头成立了工作专班。`,
        ],
        3,
      ),
      h2(2, '初步方案'),
      list(
        r.sample(
          [
            `明确目标任务和时间节点，${term ? '分年度推进' : `${c.year}年底前基本完成`}`,
            '建立责任清单，班子成员分片包干',
            '资金使用全程公开，接受群众监督',
            '分步实施，先试点后推开',
            '定期向党员大会报告进展',
            '坚持公开、公平、公正原则',
          ],
          3,
        ),
      ),
      h2(3, '征求意见'),
      `${c.r
        .sample(CHANNELS, 2)
        .map((f) => f(c))
        .join('；')}。`,
      sign(c),
    );
  } else if (stage === 'decision') {
    body = doc(
      `${meetingDay}，${u.org}召开${u.meeting}，对${topic}进行了集体研究，${r.pick(['综合前期收集的意见建议', `吸收采纳意见建议${r.int(2, 15)}条`, '结合征求意见情况'])}，作出如下决定。`,
      h2(1, '决定事项'),
      goalsTable(c, false, term),
      h2(2, '责任分工'),
      duties(c, DUTIES),
      `以上决定自公布之日起执行，执行情况将分阶段公开。`,
      sign(c),
    );
  } else if (stage === 'implementation') {
    body = doc(
      `${topic}自${r.pick(['决定公布', '启动实施'])}以来，${u.org}${r.pick(['按照时间节点有序推进', '坚持每周调度、每月通报', '班子成员分片包干、挂图作战'])}，${term ? `阶段性目标完成${r.int(30, 70)}%` : `目前总体进度约${r.int(35, 85)}%`}。现将实施情况公开如下。`,
      h2(1, '工作进展'),
      para(
        c,
        [
          (x) => `已完成${x.r.pick(['前期设计和审批手续', '宣传动员和摸底登记', '方案细化和任务分解'])}。`,
          (x) => `累计投入资金${x.r.int(2, 60)}万元，${x.r.pick(['资金使用台账已按月公布', '均按程序审批后支付'])}。`,
          (x) => `召开推进会${x.r.int(2, 6)}次，解决具体问题${x.r.int(3, 18)}个。`,
          (x) => `党员志愿服务队参与${x.r.int(3, 30)}人次。`,
        ],
        3,
      ),
      h2(2, '下一步安排'),
      `${r.pick(['加快剩余工作进度', '抓好质量和安全管理', '做好验收和结算准备'])}，${r.pick(['预计', '力争'])}${term ? `${c.year + 1}年底前完成阶段目标` : `${c.year}年${Math.min(12, Number(c.spec.date.slice(5, 7)) + r.int(1, 3))}月完成`}。`,
      sign(c),
    );
  } else {
    body = doc(
      `${topic}${term ? `${c.year}年度阶段任务已完成` : '已全部完成'}。现将结果公开如下，欢迎党员群众监督。`,
      h2(1, '完成情况'),
      goalsTable(c, true, term),
      h2(2, '资金使用和群众评价'),
      `${r.pick([`共使用资金${r.int(3, 95)}万元，结余${r.int(0, 3)}万元已按规定处理`, '未发生超支', `资金审计已于${cnMonthDay(workdaysBefore(c.spec.date, r.int(3, 12)))}完成`])}。组织${grass ? '党员和群众代表' : '干部职工'}${r.int(12, 80)}人进行满意度测评，满意率${r.int(88, 100)}%。`,
      sign(c),
    );
  }
  const title = r.pick([`${topic}（${sName}阶段公开）`, `关于${topic}的${sName}情况公开`, `${u.short}${topic}${sName}阶段公开`]);
  return { title, summary: fitSummary(`${topic}进入${sName}阶段`, `${sName}阶段公开`), body };
}

export const termGoals: Builder = (c) => staged(c, 'term-goals');
export const majorDecisions: Builder = (c) => staged(c, 'major-decisions');
export const elections: Builder = (c) => staged(c, 'elections');
