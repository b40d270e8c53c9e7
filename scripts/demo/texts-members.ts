/**
 * Texts about members and leading cadres: recruitment notices and plans, reviews, care,
 * organisation-life meetings, 述职述廉, pledges, evaluations and discipline.
 */
import { cnDate, noticeEnd, workdaysBefore } from './calendar.ts';
import { doc, fitSummary, h2, isGrassroots, list, olist, para, sign, someone, superiorOrg, table, type Builder, type Ctx } from './kit.ts';

const EDU = ['高中', '中专', '大专', '本科', '本科', '硕士研究生'];
const RECRUIT_STAGE = [
  { key: 'dev', text: '列为发展对象', date: '申请入党时间', what: '发展对象' },
  { key: 'pre', text: '接收为预备党员', date: '申请入党时间', what: '拟接收预备党员' },
  { key: 'full', text: '按期转为正式党员', date: '入党时间', what: '拟转正预备党员' },
] as const;

function workplace(c: Ctx): string {
  const u = c.u;
  const r = c.r;
  if (u.site === 'village')
    return r.pick([`${u.short}${r.int(1, u.groups)}组村民`, `${u.short}${u.work[0] ?? '种养'}专业合作社社员`, `${u.short}村务专干`, `${u.short}返乡创业青年`]);
  if (u.site === 'community') return r.pick([`${u.short}网格员`, `${u.short}居民、个体工商户`, `${u.short}社区工作者`]);
  if (u.kind === 'town') return r.pick([`${u.short}党政办干部`, `${u.short}便民服务中心工作人员`, `${u.short}农业服务中心干部`]);
  return `${u.short}${r.pick(['办公室', '业务股', '综合股', '一线岗位', '财务室'])}${r.pick(['干部', '职工', '工作人员'])}`;
}

function noticeLines(c: Ctx, what: string): string {
  const n = c.spec.notice!;
  const end = noticeEnd(n.start, n.days);
  return `公示时间：${cnDate(n.start)}至${cnDate(end)}（${n.days}个工作日）。公示期间，党员和群众对${what}有意见的，可以通过来电、来信、来访等方式向${c.u.org}或县委组织部反映。反映问题应当实事求是，提倡署真实姓名。\n\n联系电话：${c.u.phone}；县委组织部监督电话：0000-6123456。`;
}

export const recruitmentPublicity: Builder = (c) => {
  const r = c.r;
  const st = RECRUIT_STAGE[(c.spec.variant ?? r.int(0, 2)) % 3]!;
  const n = r.int(1, 3);
  const people = Array.from({ length: n }, () => someone(r)).filter((v, i, a) => a.indexOf(v) === i);
  const rows = people.map((p) => {
    const born = r.int(1972, c.year - 20);
    const applied = Math.min(c.year - 1, born + r.int(18, 30));
    return [p, r.pick(['男', '女']), `${born}年${r.int(1, 12)}月`, r.pick(EDU), workplace(c), `${st.key === 'full' ? c.year - 1 : applied}年${r.int(1, 12)}月`];
  });
  const body = doc(
    `经${c.u.org}${st.key === 'dev' ? '支委会研究' : '党员大会讨论'}${st.key === 'dev' ? '' : '通过'}，${st.key === 'full' ? '下列同志预备期已满' : '下列同志'}${st.key === 'pre' ? '符合接收预备党员条件' : st.key === 'dev' ? '经过一年以上培养考察，符合发展对象条件' : '，本人提出转正申请'}，拟${st.text}，现予公示。`,
    table(['姓名', '性别', '出生年月', '学历', '工作单位及职务', st.date], rows),
    noticeLines(c, `上述同志`),
    sign(c),
  );
  const title = `关于${people[0]}${people.length > 1 ? `等${people.length}名同志` : '同志'}拟${st.text}的公示`;
  return { title, summary: fitSummary(`${st.what}${people.length}名，公示5个工作日`, `${st.what}公示`), body };
};

export const cadreSelection: Builder = (c) => {
  const r = c.r;
  const u = c.u;
  const n = r.int(1, 3);
  const people = Array.from({ length: n }, () => someone(r)).filter((v, i, a) => a.indexOf(v) === i);
  if (u.kind === 'county-committee') return countyCadres(c);
  const posts =
    u.kind === 'town'
      ? ['农业综合服务中心主任', '便民服务中心主任', '党政办公室主任', '社会事务办公室副主任', '综治中心主任', '财政所副所长']
      : ['办公室主任', '业务股股长', '综合股副股长', '下属中心主任', '财务室主任', '法规股股长'];
  const rows = people.map((p) => [
    p,
    r.pick(['男', '女']),
    `${r.int(1975, 1996)}年${r.int(1, 12)}月`,
    r.pick(['大学', '大学', '研究生', '大专']),
    `${u.short}${r.pick(['科员', '一级科员', '副主任', '四级主任科员'])}`,
    `${u.short}${r.pick(posts)}`,
  ]);
  const body = doc(
    `根据《党政领导干部选拔任用工作条例》有关规定，经民主推荐、组织考察，${u.org}研究决定，拟对下列同志任职。现将有关情况予以任前公示。`,
    table(['姓名', '性别', '出生年月', '学历', '现任职务', '拟任职务'], rows),
    noticeLines(c, '拟任职人选'),
    sign(c),
  );
  return {
    title: r.pick([`${u.short}干部任前公示`, `关于${people[0]}${people.length > 1 ? '等' : ''}同志拟任职的公示`]),
    summary: fitSummary(`拟任职干部${people.length}名，任前公示5个工作日`, '干部任前公示'),
    body,
  };
};

const COUNTY_POSTS: [string, string][] = [
  ['县财政局预算股股长', '县财政局副局长'],
  ['县委办公室综合科科长', '县委办公室副主任'],
  ['县发展和改革局四级主任科员', '县发展和改革局副局长'],
  ['县教育局办公室主任', '县教育局副局长'],
  ['县民政局社会救助股股长', '县民政局副局长'],
  ['县农业农村局四级主任科员', '县农业农村局副局长'],
  ['县卫生健康局医政股股长', '县卫生健康局副局长'],
  ['县委组织部组织科科长', '县委组织部副部长'],
  ['县应急管理局四级主任科员', '县应急管理局副局长'],
];

function countyCadres(c: Ctx) {
  const r = c.r;
  const people = Array.from({ length: r.int(2, 4) }, () => someone(r)).filter((v, i, a) => a.indexOf(v) === i);
  const posts = r.sample(COUNTY_POSTS, people.length);
  const rows = people.map((p, i) => [
    p,
    r.pick(['男', '女']),
    `${r.int(1976, 1992)}年${r.int(1, 12)}月`,
    r.pick(['大学', '大学', '研究生']),
    posts[i]![0],
    posts[i]![1],
  ]);
  const body = doc(
    `根据《党政领导干部选拔任用工作条例》有关规定，经民主推荐、组织考察，${c.county}委常委会研究，拟对下列同志任职。现将有关情况予以任前公示。`,
    table(['姓名', '性别', '出生年月', '学历', '现任职务', '拟任职务'], rows),
    noticeLines(c, '拟任职人选'),
    sign(c),
  );
  return {
    title: `${c.county}县管干部任前公示（${c.year}年第${r.int(2, 6)}批）`,
    summary: fitSummary(`县管干部${people.length}名任前公示5个工作日`, '县管干部任前公示'),
    body,
  };
}

export const recruitmentPlan: Builder = (c) => {
  const r = c.r;
  const n = r.int(1, isGrassroots(c.u) ? 3 : 4);
  const body = doc(
    `根据上级下达的${c.year}年度发展党员指导性计划，结合${c.u.short}实际，${c.u.org}${c.year}年计划发展党员${n}名，其中${r.pick(['35岁以下青年', '女性', '生产工作一线人员'])}不少于${Math.max(1, n - 1)}名。（本内容限党内公开，在党员大会上通报。）`,
    list([
      `现有入党申请人${n + r.int(1, 5)}名、入党积极分子${n + r.int(0, 3)}名`,
      `拟确定发展对象${n}名，由${c.u.leaders[1]?.name ?? c.u.leaders[0]!.name}负责联系培养`,
      `发展对象须参加县委党校集中培训，时间不少于三天`,
      `严格落实发展党员“五个阶段、二十五个步骤”，全程纪实`,
    ]),
    sign(c),
  );
  return { title: `${c.year}年度发展党员计划`, summary: fitSummary(`${c.year}年计划发展党员${n}名`, '年度发展党员计划'), body };
};

export const democraticReview: Builder = (c) => {
  const r = c.r;
  const total = c.u.members - r.int(0, 3);
  const excellent = Math.floor((total * r.int(12, 25)) / 100);
  const basic = r.int(0, 2);
  const body = doc(
    `${cnDate(workdaysBefore(c.spec.date, r.int(2, 10)))}，${c.u.org}召开党员大会，开展${c.year - 1}年度民主评议党员工作。应参评党员${c.u.members}名，实际参评${total}名（${c.u.members - total ? `${c.u.members - total}名因年老体弱或长期外出未参加，已书面提交自评` : '全部参加'}）。（本内容限党内公开。）`,
    table(
      ['评议等次', '人数'],
      [
        ['优秀', excellent],
        ['合格', total - excellent - basic],
        ['基本合格', basic],
        ['不合格', 0],
        ['合计', total],
      ],
    ),
    basic ? `对评为基本合格的党员，支部书记已进行谈心谈话，帮助其限期改进。` : `全体党员均评为合格以上等次。`,
    sign(c),
  );
  return { title: `${c.year - 1}年度民主评议党员情况`, summary: fitSummary(`参评${total}名，优秀${excellent}名`, '民主评议党员结果'), body };
};

export const democraticEvaluation: Builder = (c) => {
  const r = c.r;
  const voters = Math.max(8, Math.min(c.u.members, r.int(20, 90)));
  const rows = c.u.leaders.slice(0, Math.min(5, c.u.leaders.length)).map((l) => {
    const ex = r.int(Math.floor(voters * 0.6), voters);
    const basic = r.int(0, Math.min(2, voters - ex));
    const ok = voters - ex - basic;
    return [l.name, l.role, ex, ok, basic, 0];
  });
  const body = doc(
    `${cnDate(workdaysBefore(c.spec.date, r.int(1, 8)))}，组织${voters}名党员和干部群众代表对班子成员进行民主测评，发出测评票${voters}张，收回${voters}张。测评结果如下（本内容限党内公开）：`,
    table(['姓名', '职务', '优秀', '称职', '基本称职', '不称职'], rows),
    `测评结果已向本人反馈，并报${superiorOrg(c.u)}备案。`,
    sign(c),
  );
  return { title: `${c.year - 1}年度班子成员民主测评结果`, summary: fitSummary(`${voters}人参加民主测评`, '民主测评结果'), body };
};

export const memberCare: Builder = (c) => {
  const r = c.r;
  const g = isGrassroots(c.u);
  const visits = r.int(3, g ? 20 : 15);
  const body = doc(
    `${c.year}年，${c.u.org}${r.pick(['坚持党员权利保障和关怀帮扶制度', '落实党内关怀帮扶机制', '把关心关爱党员作为经常性工作'])}，现将有关安排公开如下。`,
    h2(1, '党员权利保障'),
    para(
      c,
      [
        () => `党员享有知情权、参与权、选举权和监督权，重大事项决策前均征求党员意见。`,
        (x) => `党员对${x.u.org}工作的意见建议，可以在党员大会上提出，也可以书面反映。`,
        () => `每年组织党员对班子成员进行民主测评和评议，结果在党内通报。`,
      ],
      2,
    ),
    h2(2, '关怀帮扶'),
    list([
      `节日期间走访慰问老党员、生活困难党员${visits}名，发放慰问金${visits * r.int(2, 8) * 100}元`,
      r.pick([`为党员过“政治生日”，赠送政治生日贺卡`, `为${r.int(2, 12)}名“光荣在党50年”老党员颁发纪念章`, `组织${r.int(10, 40)}名老党员免费健康体检`]),
      r.pick([`对因病致困党员${r.int(1, 3)}名落实结对帮扶`, `为流动党员建立联系卡，每季度至少联系一次`, `帮助${r.int(1, 5)}名党员解决就业、就医困难`]),
    ]),
    `党员遇到困难可向${c.u.leaders[0]!.name}或所在党支部反映。`,
    sign(c),
  );
  return {
    title: r.pick([`${c.year}年党员权利保障和关怀帮扶工作安排`, `${c.u.short}关心关爱党员工作公开（${c.year}年）`]),
    summary: fitSummary(`走访慰问党员${visits}名`, '党员关怀帮扶安排'),
    body,
  };
};

const ISSUES: [string, string][] = [
  ['理论学习的系统性不够', '制定年度学习计划，每月集中学习'],
  ['联系服务群众不够经常', '建立联系台账，班子成员每月走访'],
  ['党员教育管理存在薄弱环节', '完善党员积分管理，季度通报'],
  ['落实“三会一课”制度有时不够严格', '建立组织生活纪实台账，每月检查'],
  ['创新意识不强、工作方法单一', '学习先进经验，开展一次交流研讨'],
  ['党务公开内容不够丰富', '按目录逐项补齐公开内容，明确专人更新'],
];

export const orgLifeMeeting: Builder = (c) => {
  const r = c.r;
  const g = isGrassroots(c.u);
  const pairs = r.sample(
    ISSUES.concat([g ? ['带领群众发展产业的办法不多', '每名委员联系一个产业项目'] : ['调查研究不够深入', '班子成员每季度至少开展一次专题调研']]),
    r.int(3, 4),
  );
  const issues = pairs.map(([i]) => i);
  const body = doc(
    `${cnDate(workdaysBefore(c.spec.date, r.int(3, 12)))}，${c.u.org}召开${c.year - 1}年度${c.u.kind === 'county-unit' && c.u.org.endsWith('党组') ? '民主生活会' : '组织生活会'}，${r.pick([`${superiorOrg(c.u)}派员列席指导`, '上级党组织派员督导', '全体党员参加'])}。会前广泛征求意见建议${r.int(6, 40)}条，班子成员之间开展谈心谈话，会上逐一开展批评和自我批评。`,
    h2(1, '查摆的主要问题'),
    olist(issues),
    h2(2, '整改措施和进展'),
    table(
      ['问题', '整改措施', '完成时限', '进展'],
      pairs.map(([s, m]) => [s, m, `${c.year}年${r.int(3, 9)}月`, r.pick(['已完成', '已完成', '推进中'])]),
    ),
    sign(c),
  );
  return {
    title: `${c.year - 1}年度${c.u.org.endsWith('党组') ? '民主生活会' : '组织生活会'}召开及整改情况`,
    summary: fitSummary(`查摆问题${issues.length}个，逐项整改`, '组织生活会整改情况'),
    body,
  };
};

export const shuzhiShulian: Builder = (c) => {
  const r = c.r;
  const ls = c.u.leaders.slice(0, r.int(2, Math.min(4, c.u.leaders.length)));
  const body = doc(
    `${cnDate(workdaysBefore(c.spec.date, r.int(1, 10)))}，${c.u.org}召开${c.year - 1}年度述职述廉会议，${r.int(12, 90)}名${isGrassroots(c.u) ? '党员和村（居）民代表' : '干部职工'}参加。现将领导班子成员述职述廉情况摘要公开如下。`,
    ...ls.map(
      (l, i) =>
        `${h2(i + 1, `${l.name}（${l.role}）`)}\n\n履职情况：${l.duty}，${r.pick(['全年', '一年来'])}${r.pick([`牵头完成重点工作${r.int(3, 12)}项`, `带头走访群众${r.int(20, 150)}户次`, `主持解决难点问题${r.int(2, 15)}个`])}，${r.pick(['按时完成年度目标任务', '工作成效得到党员群众认可'])}。廉洁自律情况：${r.pick(['严格遵守中央八项规定精神，没有违规收受礼品礼金', '没有利用职务便利为亲属谋取利益', '按规定报告个人有关事项'])}；${r.pick(['存在的不足是工作方法有待改进', '存在的不足是学习还不够系统', '存在的不足是深入基层还不够经常'])}。`,
    ),
    sign(c),
  );
  return { title: `${c.year - 1}年度领导班子成员述职述廉情况`, summary: fitSummary(`${ls.length}名班子成员述职述廉`, '班子成员述职述廉'), body };
};

export const lianzhengChengnuo: Builder = (c) => {
  const r = c.r;
  const items = r.sample(
    [
      '严格遵守政治纪律和政治规矩',
      '严格执行中央八项规定精神，不违规接受宴请和礼品礼金',
      '不利用职权为本人和亲属谋取私利',
      '不违规插手工程项目、资金分配',
      '严格执行“三重一大”集体决策制度',
      '管好配偶、子女和身边工作人员',
      '主动接受党员群众监督',
      isGrassroots(c.u) ? '不优亲厚友，公平公正落实惠民政策' : '廉洁用权，不吃拿卡要',
    ],
    r.int(5, 7),
  );
  const body = doc(
    `为落实党风廉政建设责任制，${c.u.org}班子成员${c.year}年签订廉政承诺书，承诺如下：`,
    olist(items),
    `承诺人：${c.u.leaders.map((l) => l.name).join('、')}`,
    `欢迎党员群众监督。对违反承诺的行为，可向${c.u.org}或县纪委监委反映，监督电话：0000-6123456。`,
    sign(c),
  );
  return {
    title: r.pick([`${c.year}年度领导班子成员廉政承诺`, `${c.u.short}班子成员廉政承诺书（${c.year}年）`]),
    summary: fitSummary(`班子成员${c.u.leaders.length}人签订廉政承诺`, '廉政承诺公开'),
    body,
  };
};

export const disciplineHandling: Builder = (c) => {
  const r = c.r;
  const who = someone(r);
  const [reason, result] = r.pick([
    ['无正当理由连续六个月不参加党的组织生活', '经支部大会讨论，予以限期改正'],
    ['违规操办婚丧喜庆事宜', '经研究并报上级党组织批准，给予党内警告处分'],
    ['醉酒驾驶机动车被依法处理', '经研究并报上级党组织批准，给予党内严重警告处分'],
    ['履职不力，造成不良影响', '经研究，对其进行诫勉谈话'],
  ] as const);
  const body = doc(
    `党员${who}（${c.u.short}党员）${reason}。${result}。${r.pick(['本人对处理决定无异议。', '已按规定向本人宣布处理决定。'])}（本内容限党内公开，在党员大会上通报，用于警示教育。）`,
    `全体党员要引以为戒，${r.pick(['严守党的纪律', '自觉遵守党章党规', '按时参加组织生活'])}。`,
    sign(c),
  );
  return { title: `关于党员${who}问题的处理情况通报`, summary: fitSummary(`党员${who}问题处理情况`, '党员处理情况通报'), body };
};
