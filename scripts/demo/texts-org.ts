/**
 * Texts for organisation items: set-up and division of duties, rules of procedure,
 * 三重一大 decisions.
 */
import { cnDate, cnMonthDay, workdaysBefore } from './calendar.ts';
import { doc, fitSummary, h2, isGrassroots, list, meetingBody, olist, para, placeWord, sign, type Builder, type Ctx, type Line } from './kit.ts';

const BRANCH_NAMES = {
  village: (i: number, n: number) => `第${'一二三四五六'[i]}党支部（${groupsRange(i, n)}）`,
  office: (i: number) =>
    [
      '机关第一党支部',
      '机关第二党支部',
      '离退休干部党支部',
      '业务股室党支部',
      '下属单位联合党支部',
      '机关第三党支部',
      '青年党员党支部',
      '综合党支部',
      '第四党支部',
    ][i]!,
};
function groupsRange(i: number, n: number): string {
  const per = 3;
  const a = i * per + 1;
  return i === n - 1 ? `${a}组及以后各组` : `${a}至${a + per - 1}组`;
}

function orgParagraph(c: Ctx): string {
  const u = c.u;
  const r = c.r;
  const pre = r.int(0, Math.max(1, Math.floor(u.members / 20)));
  const women = Math.floor((u.members * r.int(18, 42)) / 100);
  const old = isGrassroots(u) ? Math.floor((u.members * r.int(25, 48)) / 100) : Math.floor((u.members * r.int(5, 20)) / 100);
  // 党组 and party organs lead; the members belong to the unit's 机关 party organisation.
  const leading = u.kind === 'county-unit' && (u.org.endsWith('党组') || (!/党(委|总支|支部|工委)$/.test(u.org) && !u.org.endsWith('工委')));
  const organ = `${u.short}机关${u.members >= 100 ? '党委' : u.members >= 50 ? '党总支' : '党支部'}`;
  const parts = leading
    ? [
        `${u.org}${u.org.endsWith('党组') ? '' : `（${meetingBody(u)}）`}负责本单位党的建设。${organ}现有党员${u.members}名，其中预备党员${pre}名、女党员${women}名`,
      ]
    : [`${u.org}现有党员${u.members}名，其中预备党员${pre}名、女党员${women}名`];
  parts.push(isGrassroots(u) ? `，60岁以上党员${old}名，流动党员${r.int(1, 9)}名。` : `，35岁以下党员${old}名。`);
  if (u.kind === 'town') {
    const villages = u.branches - r.int(3, 6);
    parts.push(`${u.org}下设基层党组织${u.branches}个，其中村（社区）党组织${villages}个，机关、站所和“两新”组织党组织${u.branches - villages}个。`);
  } else if (u.branches > 1) {
    const names = Array.from({ length: u.branches }, (_, i) => (isGrassroots(u) ? BRANCH_NAMES.village(i, u.branches) : BRANCH_NAMES.office(i)));
    parts.push(`下设${u.branches}个党支部：${names.join('、')}。`);
  } else {
    parts.push(
      isGrassroots(u)
        ? `按村民小组划分党员责任区${Math.max(2, Math.floor(u.groups / 2))}个，每个责任区由一名支委联系。`
        : leading
          ? `${organ}委员会由${Math.min(5, Math.max(3, u.leaders.length))}名委员组成。`
          : `支部委员会由${u.leaders.length}名委员组成。`,
    );
  }
  return parts.join('');
}

export const orgSetup: Builder = (c) => {
  const u = c.u;
  const r = c.r;
  const changed = r.chance(45);
  const title = changed
    ? r.pick([`关于${u.org}领导班子成员分工调整的公告`, `${u.org}领导班子成员分工（${c.year}年调整）`])
    : r.pick([`${u.org}组织设置和领导班子成员分工`, `${u.short}党组织设置及班子成员分工情况`, `${c.year}年${u.org}组织设置和分工公开`]);
  const intro = changed
    ? `因工作需要，经${cnMonthDay(workdaysBefore(c.spec.date, r.int(1, 6)))}${meetingBody(u)}研究，对班子成员分工作如下调整，自公布之日起执行。`
    : `根据党务公开有关规定，现将${u.org}组织设置和领导班子成员分工情况公开如下，接受党员群众监督。`;
  const duties = u.leaders.map(
    (l) =>
      `${l.name}：${l.role}，${l.duty}${r.chance(30) ? `；联系${isGrassroots(u) ? `${r.int(1, u.groups)}组` : r.pick(['办公室', '业务股室', '下属单位', '驻村帮扶工作'])}` : ''}。`,
  );
  const contact = `办公地址：${u.address}。办公时间：${u.hours}。联系电话：${u.phone}。`;
  const body = doc(
    intro,
    h2(1, '组织设置'),
    orgParagraph(c),
    h2(2, '班子成员分工'),
    list(duties),
    r.chance(60) &&
      `班子成员按照“一岗双责”要求，既抓分管业务，又抓分管领域党风廉政建设。${r.pick(['成员外出时由书记指定人员临时代行职责。', 'A、B角工作制度同步调整。', '各成员联系点安排另行通知。'])}`,
    h2(3, '办公地点和联系方式'),
    contact,
    sign(c),
  );
  const summary = fitSummary(`党员${u.members}名，班子成员${u.leaders.length}人，分工已公开`, `班子成员${u.leaders.length}人分工公开`);
  return { title, summary, body };
};

const RULE_SCOPE: Record<'grass' | 'town' | 'office', string[]> = {
  grass: [
    '村级发展规划和年度工作计划',
    '村集体经济项目立项、承包方案',
    '村级集体资产资源处置',
    '宅基地使用和土地承包调整',
    '享受误工补贴的人数及标准',
    '村公益事业建设项目和筹资筹劳',
    '低保对象初审推荐',
    '村规民约制定和修订',
  ],
  town: [
    '贯彻上级重大决策部署的具体措施',
    '年度财政预算和重大财务开支',
    '重大项目安排和招商引资',
    '干部选拔任用和人事调整',
    '村（社区）党组织换届和调整',
    '重大突发事件处置',
    '涉及群众切身利益的重要事项',
  ],
  office: [
    '贯彻上级决策部署的重要措施',
    '年度工作计划和重大改革事项',
    '部门预算和大额资金使用',
    '干部选拔任用、交流和奖惩',
    '重要规章制度的制定和修订',
    '重大项目和政府采购事项',
    '党建和党风廉政建设重要事项',
  ],
};
const RULE_STEPS: Record<'grass' | 'town' | 'office', string[]> = {
  grass: [
    '党组织提议：党支部在广泛征求意见的基础上提出初步意见',
    '“两委”会议商议：村“两委”班子成员集体讨论',
    '党员大会审议：召开党员大会审议，形成意见',
    '村民会议或村民代表会议决议：到会人数过半数同意方为有效',
    '决议公开：决议内容在公开栏公布，接受监督',
    '实施结果公开：实施情况和结果及时公布',
  ],
  town: [
    '提出议题：分管领导提出，书记确定是否上会',
    '会前准备：相关部门提供材料，会前充分沟通酝酿',
    '集体讨论：与会成员逐一发表意见，书记末位表态',
    '表决决定：以赞成票超过应到会成员半数为通过',
    '形成纪要：会议纪要由书记签发并存档',
    '督办落实：党政办跟踪督办并按规定公开',
  ],
  office: [
    '提出议题：由分管领导提出，主要负责同志审定',
    '会前沟通：涉及多个股室的事项会前听取意见',
    '会议讨论：与会成员充分发表意见，主要负责同志末位表态',
    '表决：实行一人一票，赞成票超过应到人数半数为通过',
    '记录存档：会议记录完整，决策过程可追溯',
    '执行反馈：明确责任人和时限，结果按规定公开',
  ],
};
const RULE_REQ: Line[] = [
  () => `会议须有半数以上成员到会方能举行，讨论干部任免事项须有三分之二以上成员到会。`,
  () => `与议题有利害关系的成员应当回避。`,
  (c) => `紧急情况下个人临时处置的，事后应及时向${meetingBody(c.u)}报告。`,
  () => `会议决定事项未经集体研究不得擅自改变。`,
  () => `凡属“三重一大”事项，一律提交集体讨论决定，不得以传阅、个别征求意见等方式代替。`,
  (c) => `决策事项的执行情况纳入年度述职述廉内容，接受${isGrassroots(c.u) ? '党员群众' : '干部职工'}评议。`,
];

export const rulesProcedures: Builder = (c) => {
  const u = c.u;
  const r = c.r;
  const k: 'grass' | 'town' | 'office' = isGrassroots(u) ? 'grass' : u.kind === 'town' ? 'town' : 'office';
  const title =
    k === 'grass'
      ? r.pick([`${u.short}“四议两公开”工作法实施流程`, `${u.org}议事规则和决策程序`, `${u.short}重大事项决策程序公开`])
      : r.pick([`${u.org}议事规则和决策程序`, `${u.org}议事决策规则（${c.year}年修订）`, `${u.short}“三重一大”事项集体决策程序`]);
  const body = doc(
    `为规范${u.org}议事决策行为，提高决策${r.pick(['科学化、民主化、规范化水平', '透明度和公信力', '质量和效率'])}，结合${u.short}实际，现将议事规则和决策程序公开如下。`,
    h2(1, '议事决策范围'),
    list(r.sample(RULE_SCOPE[k], r.int(4, 6))),
    h2(2, '决策程序'),
    olist(RULE_STEPS[k]),
    h2(3, '工作要求'),
    para(c, RULE_REQ, r.int(3, 5)) + `本规则由${u.org}负责解释，自${cnDate(c.spec.date)}起施行。`,
    sign(c),
  );
  return { title, summary: fitSummary(`${u.short}议事决策程序${RULE_STEPS[k].length}个步骤`, '议事规则和决策程序公开'), body };
};

type Topic = { text: string; kind: '重大决策' | '重大项目安排' | '大额度资金使用' | '重要干部任免'; wan: [number, number] };
const SZYD: Record<'grass' | 'town' | 'office', Topic[]> = {
  grass: [
    { text: '村集体经济年度收益分配方案', kind: '重大决策', wan: [3, 25] },
    { text: '通组道路维修养护资金使用', kind: '大额度资金使用', wan: [2, 18] },
    { text: '{work}基地扩建项目', kind: '重大项目安排', wan: [10, 60] },
    { text: '村党群服务中心维修改造', kind: '重大项目安排', wan: [5, 30] },
    { text: '村级公益事业“一事一议”筹资筹劳方案', kind: '重大决策', wan: [2, 12] },
    { text: '集体闲置房屋对外租赁', kind: '重大决策', wan: [1, 8] },
    { text: '安全饮水管网延伸工程', kind: '重大项目安排', wan: [8, 45] },
    { text: '防汛物资和应急设备采购', kind: '大额度资金使用', wan: [1, 6] },
  ],
  town: [
    { text: '集镇污水管网建设项目', kind: '重大项目安排', wan: [120, 600] },
    { text: '年度财政预算调整方案', kind: '重大决策', wan: [200, 900] },
    { text: '乡村振兴衔接资金项目安排', kind: '大额度资金使用', wan: [150, 800] },
    { text: '机关站所中层干部岗位调整', kind: '重要干部任免', wan: [0, 0] },
    { text: '便民服务中心改造工程', kind: '重大项目安排', wan: [40, 180] },
    { text: '村级集体经济发展补助资金分配', kind: '大额度资金使用', wan: [50, 300] },
  ],
  office: [
    { text: '年度部门预算安排', kind: '重大决策', wan: [300, 3000] },
    { text: '办公楼维修改造工程', kind: '重大项目安排', wan: [30, 200] },
    { text: '信息化设备政府采购项目', kind: '大额度资金使用', wan: [20, 150] },
    { text: '内设机构中层干部交流轮岗', kind: '重要干部任免', wan: [0, 0] },
    { text: '{work}专项资金分配方案', kind: '大额度资金使用', wan: [50, 800] },
    { text: '{work}重点工作实施方案', kind: '重大决策', wan: [0, 0] },
  ],
};

export const sanzhongYida: Builder = (c) => {
  const u = c.u;
  const r = c.r;
  const k: 'grass' | 'town' | 'office' = isGrassroots(u) ? 'grass' : u.kind === 'town' ? 'town' : 'office';
  const t = SZYD[k][(c.spec.variant ?? r.int(0, 99)) % SZYD[k].length]!;
  const topic = t.text.replace('{work}', u.work[r.int(0, Math.max(0, u.work.length - 1))] ?? '重点工作');
  const sources =
    k === 'grass'
      ? ['村集体经济收入', '上级补助资金和村集体自筹', '“一事一议”财政奖补资金']
      : k === 'town'
        ? ['县级财政资金', '上级专项资金', '本级年度预算']
        : ['年度预算安排', '上级专项资金', '单位自有资金'];
  const joint = isGrassroots(u) && r.chance(50);
  const name = joint ? `${placeWord(u)}“两委”联席会议` : `${u.short}${u.meeting}`;
  const expected = joint ? u.leaders.length + r.int(2, 4) : u.leaders.length;
  const present = r.chance(70) ? expected : expected - 1;
  const abstain = r.chance(15) ? 1 : 0;
  const vote = abstain ? `同意${present - 1}票，反对0票，弃权1票，通过` : r.pick([`同意${present}票，反对0票，弃权0票，通过`, `全票通过（${present}票）`]);
  const meetingDate = workdaysBefore(c.spec.date, r.int(1, 5));
  const amount = t.wan[1] > 0 ? r.int(t.wan[0] * 10, t.wan[1] * 10) / 10 : 0;
  const chair = u.leaders[0]!;
  const absent = expected - present;
  const body = doc(
    h2(1, '事项名称和类别'),
    `${topic}（${t.kind}）。${amount ? `涉及金额${amount}万元，资金来源为${r.pick(sources)}。` : ''}`,
    h2(2, '决策过程'),
    `${cnDate(meetingDate)}，${chair.name}主持召开${name}，应到${expected}人，实到${present}人${absent ? `（${r.pick(['1人因公外出', '1人请病假'])}，会前已书面表达意见）` : ''}。${r.pick([`会前就该事项征求了${isGrassroots(u) ? '党员和村民代表' : '干部职工'}意见，收集建议${r.int(3, 21)}条。`, `会议听取了分管负责同志关于该事项的情况汇报。`, `会前由${u.leaders[1]?.name ?? chair.name}牵头开展了调研论证。`])}与会人员逐一发表意见，主持人末位表态，经表决：${vote}。`,
    h2(3, '决策内容'),
    para(
      c,
      [
        () => `会议同意${topic}${amount ? `，总额控制在${amount}万元以内` : ''}。`,
        () =>
          `明确由${u.leaders[r.int(1, Math.max(1, u.leaders.length - 1))]?.name ?? chair.name}负责组织实施，${r.pick(['按季度报告进展', '每月报告进展', '完成后报告结果'])}。`,
        () =>
          amount >= 20
            ? `项目按规定${r.pick(['委托第三方比选确定实施单位', '通过公开招标确定实施单位', '在县公共资源交易平台公开采购'])}。`
            : `实施过程中严格执行财务制度，做到专款专用。`,
        () => `实施结果将在公开栏和${c.county}党务公开网公布。`,
      ],
      3,
    ),
    h2(4, '监督渠道'),
    `党员群众对本事项有意见建议的，可自公开之日起向${u.org}反映，也可拨打县委组织部监督电话0000-6123456。`,
    sign(c),
  );
  const title = r.pick([`关于${topic}的“三重一大”事项决策公开`, `“三重一大”事项集体决策情况：${topic}`, `${topic}集体决策情况公开`]);
  return {
    title,
    summary: fitSummary(amount ? `${topic}，${amount}万元，${present}人到会表决通过` : `${topic}经${present}人到会表决通过`, `${topic}集体决策通过`),
    body,
    meeting: { name: name.length > 60 ? name.slice(0, 60) : name, date: meetingDate, expected, present, vote },
  };
};
