/**
 * Texts for plans and their follow-up: work plans, implementing superior decisions, study,
 * 三会一课, service to the public, “四风”, feedback handling and inspection results.
 */
import { addDays, cnMonthDay, randomWorkday } from './calendar.ts';
import {
  doc,
  fitSummary,
  h2,
  isGrassroots,
  list,
  olist,
  para,
  placeWord,
  sign,
  someone,
  studyThemes,
  table,
  workOf,
  type Builder,
  type Ctx,
  type Line,
} from './kit.ts';

export function periodLabel(p: string): string {
  const y = p.slice(0, 4);
  if (p.length === 4) return `${y}年度`;
  if (p[5] === 'H') return `${y}年${p[6] === '1' ? '上' : '下'}半年`;
  if (p[5] === 'Q') return `${y}年第${'一二三四'[Number(p[6]) - 1]}季度`;
  return `${y}年${Number(p.slice(5, 7))}月`;
}

/** The period before: 2026-H1 → 2025年下半年, 2026-Q1 → 2025年第四季度, 2026-03 → 2026年2月. */
export function previousLabel(p: string): string {
  const y = Number(p.slice(0, 4));
  if (p.length === 4) return `${y - 1}年度`;
  if (p[5] === 'H') return p[6] === '1' ? `${y - 1}年下半年` : `${y}年上半年`;
  if (p[5] === 'Q') return Number(p[6]) === 1 ? `${y - 1}年第四季度` : `${y}年第${'一二三四'[Number(p[6]) - 2]}季度`;
  const m = Number(p.slice(5, 7));
  return m === 1 ? `${y - 1}年12月` : `${y}年${m - 1}月`;
}

const DONE: Line[] = [
  (c) => `组织集中学习${c.r.int(4, 14)}次，专题研讨${c.r.int(1, 5)}次，党员参学率${c.r.int(92, 100)}%。`,
  (c) => `按期召开支部党员大会${c.r.int(2, 6)}次、支委会${c.r.int(5, 14)}次，讲党课${c.r.int(1, 4)}次。`,
  (c) => `开展主题党日活动${c.r.int(5, 7)}次，参与党员${c.r.int(c.u.members, c.u.members * 6)}人次。`,
  (c) => `确定入党积极分子${c.r.int(1, 5)}名，发展对象${c.r.int(0, 3)}名。`,
  () => `党费按月足额收缴，收缴率100%。`,
  (c) => `为群众办实事${c.r.int(4, 26)}件，其中${workOf(c.u)}方面${c.r.int(1, 6)}件。`,
  (c) => `党务公开按时更新${c.r.int(6, 20)}次，回复点题${c.r.int(0, 6)}件。`,
  (c) => `围绕${workOf(c.u, 1)}，党员先锋岗累计服务${c.r.int(30, 900)}人次。`,
];

const PLAN: Line[] = [
  (c) => `深入学习${c.r.pick(studyThemes(c.year))}，每月至少集中学习1次`,
  () => `严格落实“三会一课”、主题党日和谈心谈话制度`,
  (c) => `做好发展党员工作，${c.r.pick(['培养入党积极分子', '加强对青年人才的政治引领', '注重从致富能手和退役军人中发展党员'])}`,
  (c) => `围绕${workOf(c.u)}开展党员先锋行动`,
  () => `按月收缴党费，每半年公开收缴情况`,
  (c) => `落实党风廉政建设责任制，开展廉政警示教育${c.r.int(1, 3)}次`,
  (c) => `办好${c.r.int(3, 10)}件为民实事，结果向党员群众公开`,
  () => `规范党务公开，定期更新公开栏和党务公开网`,
  () => `关心关爱老党员、困难党员，开展走访慰问`,
  (c) => `${isGrassroots(c.u) ? '发展壮大村级集体经济，' : c.u.kind === 'town' ? '抓党建促乡村振兴，' : '深化模范机关创建，'}推动党建与业务深度融合`,
];

export const workPlanCompletion: Builder = (c) => {
  const p = c.spec.period!;
  const label = periodLabel(p);
  const prev = previousLabel(p);
  const r = c.r;
  const title = r.pick([`${c.u.org}${label}党务工作计划及${prev}完成情况`, `${label}党务工作计划和${prev}工作完成情况`, `${c.u.short}${label}党务工作计划`]);
  const body = doc(
    `现将${c.u.org}${prev}党务工作完成情况和${label}工作计划公开如下，请党员群众监督。`,
    h2(1, `${prev}工作完成情况`),
    para(c, DONE, r.int(3, 5)),
    r.chance(50) &&
      `${r.pick(['存在的不足：', '需要改进的地方：'])}${r.pick(['学习形式还不够丰富，', '部分流动党员参加组织生活不够经常，', '党务公开更新有时不够及时，', '联系服务群众的方式方法还需创新，'])}${r.pick(['将在本期重点改进。', '已列入本期整改清单。'])}`,
    h2(2, `${label}工作计划`),
    olist(r.sample(PLAN, r.int(4, 7)).map((f) => f(c) + '。')),
    h2(3, '保障措施'),
    `${r.pick(['书记负总责，班子成员按分工抓落实', '建立工作台账，实行月调度、季通报', '把计划完成情况纳入年终述职评议'])}，${r.pick(['确保各项任务按期完成。', '完成情况在下一期公开。', '接受党员群众监督。'])}`,
    sign(c),
  );
  return { title, summary: fitSummary(`${label}党务工作计划，含${prev}完成情况`, `${label}党务工作计划`), body };
};

function superiorMeetings(c: Ctx): string {
  const topics = studyThemes(c.year);
  return c.r
    .sample(
      [...topics.slice(0, 3), `县委${c.r.pick(['全会', '经济工作会议', '党建工作会议', '理论学习中心组学习会'])}精神`, `上级关于${workOf(c.u)}的部署要求`],
      3,
    )
    .join('、');
}

export const superiorDecisions: Builder = (c) => {
  const p = c.spec.period!;
  const label = periodLabel(p);
  const prev = previousLabel(p);
  const r = c.r;
  const body = doc(
    h2(1, '学习传达情况'),
    `${prev}，${c.u.org}通过${r.pick(['理论学习中心组学习', '党员大会', '支部“三会一课”', '专题读书班'])}等形式，及时传达学习${superiorMeetings(c)}，召开专题会议${r.int(2, 8)}次，${r.pick([`研究具体措施${r.int(3, 15)}条`, `制定落实清单${r.int(1, 4)}份`, `明确责任人和完成时限`])}。`,
    h2(2, '贯彻落实情况'),
    para(
      c,
      [
        (x) => `围绕${workOf(x.u)}，推进${x.r.pick(['年度重点任务', '重点工作'])}${x.r.int(6, 30)}项，完成率${x.r.int(80, 100)}%。`,
        (x) => `围绕${workOf(x.u, 1)}，组织党员干部${x.r.pick(['下沉一线', '走访调研', '开展专项行动'])}${x.r.int(3, 40)}次，解决实际问题${x.r.int(2, 30)}个。`,
        (x) =>
          `${placeWord(x.u) === '全县' ? '全县' : '本' + placeWord(x.u)}${x.r.pick(['安全生产', '信访维稳', '防汛减灾', '森林防火', '意识形态'])}工作平稳有序，未发生${x.r.pick(['较大', '重大'])}事件。`,
        (x) => {
          const n = x.r.int(1, 6);
          return `对照上级督查反馈的${n}个问题，已整改完成${x.r.int(Math.max(1, n - 2), n)}个。`;
        },
      ],
      3,
    ),
    h2(3, `${label}安排`),
    `${label}，将${r.pick(['继续把学习贯彻上级决策部署作为首要政治任务', '聚焦年度目标查漏补缺', '坚持问题导向、加强督促检查'])}，重点抓好${r.sample(['学习教育常态化', '重点项目推进', '为民办实事', '风险隐患排查', '作风建设'], 2).join('和')}。`,
    sign(c),
  );
  const title = r.pick([
    `${label}学习贯彻党中央和上级决策部署情况`,
    `${c.u.short}${label}贯彻落实上级决策部署情况公开`,
    `${prev}学习贯彻上级决策部署情况及${label}安排`,
  ]);
  return { title, summary: fitSummary(`${prev}落实情况及${label}安排`, `${label}贯彻上级部署情况`), body };
};

export const studyEducation: Builder = (c) => {
  const p = c.spec.period!;
  const label = periodLabel(p);
  const r = c.r;
  const q0 = `${p.slice(0, 4)}-${String((Number(p[6]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const themes = r.sample(studyThemes(c.year), r.int(3, 4));
  const dates = themes.map((_, i) =>
    randomWorkday(r, addDays(q0, Math.floor((i * 88) / themes.length) + 2), addDays(q0, Math.floor(((i + 1) * 88) / themes.length) - 2)),
  );
  const rows = themes.map((theme, i) => [
    cnMonthDay(dates[i]!),
    theme,
    r.pick(['集中学习', '专题研讨', '辅导讲座', '现场教学', '线上学习', '读书分享']),
    `${r.int(Math.max(5, Math.floor(c.u.members * 0.7)), c.u.members)}人`,
  ]);
  const body = doc(
    `${label}，${c.u.org}${r.pick(['党内学习教育', '党员教育培训'])}安排如下。${r.pick([`党员${c.u.members}名全部纳入学习计划。`, '因病、外出不能参加的党员由支委送学上门。', '流动党员通过线上方式参加学习。'])}`,
    h2(1, '学习安排'),
    table(['时间', '学习内容', '形式', '参加人数'], rows),
    h2(2, '培训情况'),
    `${r.pick(['选派', '组织'])}${r.int(1, 9)}名党员参加${r.pick(['县委党校', `${c.u.town}党校分校`, '上级'])}举办的${r.pick(['党员轮训班', '党务工作者培训班', '发展对象培训班'])}；${r.pick([`“学习强国”人均积分${r.int(3000, 30000)}分`, `网络学习平台人均学时${r.int(8, 40)}学时`, `开展“党员讲堂”${r.int(1, 4)}期`])}。`,
    sign(c),
  );
  return {
    title: r.pick([`${label}党内学习教育和党员教育培训安排`, `${c.u.short}${label}党员学习教育计划`]),
    summary: fitSummary(`${label}学习${rows.length}次，党员全覆盖`, `${label}学习教育安排`),
    body,
  };
};

export const sanhuiYike: Builder = (c) => {
  const p = c.spec.period!;
  const label = periodLabel(p);
  const prev = previousLabel(p);
  const r = c.r;
  const present = () => `${r.int(Math.max(3, c.u.members - 12), c.u.members)}/${c.u.members}`;
  // Four working days of the previous month, in order.
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(5, 7));
  const pm = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const days = [`${pm}-02`, `${pm}-09`, `${pm}-16`, `${pm}-22`].map((d) => randomWorkday(r, d, addDays(d, 5))).sort();
  const absent = r.int(1, 3);
  const names = Array.from({ length: absent }, () => someone(r)).filter((v, i, a) => a.indexOf(v) === i);
  const body = doc(
    `${prev}“三会一课”和主题党日开展情况如下（本内容限党内公开，在党员大会上通报）。`,
    table(
      ['类别', '时间', '主要内容', '到会/应到'],
      [
        [
          '支部委员会',
          cnMonthDay(days[0]!),
          r.pick(['研究发展党员工作', '研究党费收缴和党员管理', '研究主题党日安排']),
          `${c.u.leaders.length}/${c.u.leaders.length}`,
        ],
        ['党员大会', cnMonthDay(days[1]!), `学习${r.pick(studyThemes(c.year))}`, present()],
        ['党小组会', cnMonthDay(days[2]!), r.pick(['交流学习体会', '讨论本组党员联系户情况', '开展批评和自我批评']), present()],
        ['主题党日', cnMonthDay(days[3]!), r.pick(['重温入党誓词、志愿服务', '走访慰问困难党员', '环境整治义务劳动', '红色教育现场教学']), present()],
      ],
    ),
    `${label}计划由${c.u.leaders[0]!.name}讲党课，主题为“${r.pick(['坚定理想信念，践行初心使命', '严守纪律规矩，永葆清廉本色', '立足岗位作贡献', '当好群众贴心人'])}”。${names.join('、')}${names.length > 1 ? `等${names.length}名党员` : ''}因${r.pick(['外出务工', '出差', '在外学习'])}未参加党员大会，会后已补学。`,
    sign(c),
  );
  return { title: `${prev}“三会一课”和主题党日开展情况`, summary: fitSummary(`${prev}三会一课开展情况`, '三会一课开展情况'), body };
};

export const contactService: Builder = (c) => {
  const p = c.spec.period!;
  const label = periodLabel(p);
  const prev = previousLabel(p);
  const r = c.r;
  const g = isGrassroots(c.u);
  const pool = g
    ? [
        '修复${n}组灌溉渠',
        '为独居老人上门代办事项',
        '协调解决${n}组饮水问题',
        '组织${w}技术培训',
        '为留守儿童开展暑期托管',
        '安装路灯${k}盏',
        '清理河道垃圾',
        '帮助农户销售${w}产品',
      ]
    : [
        '开展“我为群众办实事”窗口服务',
        '联系帮扶村开展产业发展指导',
        '走访服务企业和群众',
        '解决群众反映的办事难题',
        '推行延时和预约服务',
        '开展政策宣讲进社区',
        '党员志愿者结对帮扶困难户',
      ];
  const fill = (s: string) =>
    s
      .replace('${n}', String(r.int(1, c.u.groups)))
      .replace('${w}', c.u.work[0] ?? '农业')
      .replace('${k}', String(r.int(6, 60)));
  const rows = r.sample(pool, r.int(3, 5)).map((s) => [fill(s), r.pick(c.u.leaders).name, r.pick(['已完成', '已完成', '推进中', '已完成，群众满意'])]);
  const body = doc(
    `${prev}，${c.u.org}${r.pick(['坚持党员联系群众制度', '开展党员联系户活动', '落实“我为群众办实事”'])}，班子成员共走访${g ? '农户' : '服务对象'}${r.int(20, 300)}${g ? '户' : '人次'}，收集问题${r.int(5, 40)}个。为民办实事情况如下：`,
    table(['事项', '责任人', '办理情况'], rows),
    `${label}将继续${r.pick(['围绕群众急难愁盼办实事', '推行“党员+网格”服务', '落实首问负责和限时办结'])}。${r.pick(['群众有诉求可随时反映。', `服务时间：${c.u.hours}。`])}`,
    sign(c),
  );
  return {
    title: r.pick([`${prev}联系服务党员群众和为民办实事情况`, `${c.u.short}为民办实事清单（${label}公开）`]),
    summary: fitSummary(`${prev}为民办实事${rows.length}件`, '为民办实事情况'),
    body,
  };
};

export const fourWinds: Builder = (c) => {
  const p = c.spec.period!;
  const label = periodLabel(p);
  const prev = previousLabel(p);
  const r = c.r;
  const g = isGrassroots(c.u);
  const checks = r.int(2, 12);
  const found = r.int(0, 6);
  const body = doc(
    h2(1, '主要做法'),
    para(
      c,
      [
        (x) => `${prev}，${x.u.org}对照中央八项规定精神，开展${g ? '村干部作风' : '机关作风'}自查自纠${checks}次。`,
        (x) =>
          g
            ? `推动移风易俗，红白理事会劝导${x.r.int(1, 12)}户简办婚丧事宜。`
            : `公务接待、公务用车、会议费支出按规定执行，三公经费同比${x.r.pick(['下降', '持平'])}${x.r.int(0, 15)}%。`,
        (x) => `节假日前开展廉洁提醒，${x.r.pick(['发送提醒短信', '召开提醒谈话会', '签订承诺书'])}覆盖全体党员干部。`,
        (x) => `精简会议文件，${x.r.pick(['会议数量', '发文数量'])}同比减少${x.r.int(5, 30)}%。`,
      ],
      3,
    ),
    h2(2, '发现问题和整改'),
    found
      ? list(
          r
            .sample(
              [
                `${g ? '少数村干部' : '个别窗口'}服务态度不够热情`,
                '会议记录不够规范',
                '值班制度执行不严',
                '公车使用登记不及时',
                '办事程序公开不充分',
                '个别党员参加组织生活不经常',
              ],
              Math.min(found, 3),
            )
            .map((s) => `${s}：已${r.pick(['整改完成', '约谈提醒并整改', '建立制度长效管理'])}`),
        )
      : '本期未发现违反中央八项规定精神问题。',
    `${label}将继续${r.pick(['紧盯节点抓作风', '开展作风建设专项检查', '整治形式主义、官僚主义', '加强日常监督提醒'])}。监督电话：0000-6123456。`,
    sign(c),
  );
  return { title: `${prev}防止和纠正“四风”情况`, summary: fitSummary(`自查${checks}次，发现问题${found}个`, '“四风”纠治情况'), body };
};

export const feedbackHandling: Builder = (c) => {
  const p = c.spec.period!;
  const prev = previousLabel(p);
  const r = c.r;
  const g = isGrassroots(c.u);
  const items = r.sample(
    g
      ? [
          '建议公开村集体资金收支明细',
          '反映${n}组路灯损坏',
          '建议增加党员活动次数',
          '反映垃圾清运不及时',
          '询问医保缴费时间',
          '建议组织${w}技术培训',
          '反映沟渠堵塞',
        ]
      : ['建议延长窗口服务时间', '反映办事材料重复提交', '建议公开办事流程和时限', '询问党员组织关系转接手续', '建议增加线上办理事项', '反映停车不便'],
    r.int(3, 5),
  );
  const rows = items.map((s, i) => [
    String(i + 1),
    s.replace('${n}', String(r.int(1, c.u.groups))).replace('${w}', c.u.work[0] ?? '种养'),
    r.pick(['已采纳并落实', '已办结', '已解释说明', '正在办理']),
    `${r.int(1, 10)}个工作日`,
  ]);
  const body = doc(
    `${prev}，${c.u.org}通过意见箱、来电、走访等渠道共收到意见建议${rows.length}条，现将办理情况反馈如下。`,
    table(['序号', '意见建议', '办理结果', '办理用时'], rows),
    `对正在办理的事项，${r.pick(['将在办结后及时反馈', '下期继续公开进展'])}。${someone(r)}等提出建议的党员群众已${r.pick(['当面反馈', '电话反馈'])}。`,
    sign(c),
  );
  return { title: `${prev}意见建议办理反馈`, summary: fitSummary(`收到意见建议${rows.length}条，已全部回应`, '意见建议办理反馈'), body };
};

export const oversightResults: Builder = (c) => {
  const p = c.spec.period!;
  const prev = previousLabel(p);
  const r = c.r;
  const score = r.int(820, 990) / 10;
  const grade = score >= 95 ? '优秀' : score >= 85 ? '良好' : '合格';
  const body = doc(
    `根据县党务公开工作领导小组${prev}督查考评结果，${c.u.org}得分${score}分，等次为“${grade}”。${r.pick(['督查组采取查阅资料、实地查看、随机走访相结合的方式进行。', '考评内容包括公开内容、公开时限、公开程序和群众满意度。'])}`,
    h2(1, '得分情况'),
    table(
      ['考评项目', '分值', '得分'],
      (() => {
        const parts: [string, number][] = [
          ['公开内容完整真实', 40],
          ['公开时限及时', 20],
          ['公开形式和程序规范', 20],
          ['意见反馈和群众满意度', 20],
        ];
        let lost = Math.round((100 - score) * 10);
        const rows = parts.map(([k, v], i) => {
          const cut = i === parts.length - 1 ? lost : Math.min(lost, r.int(0, Math.min(lost, v * 5)));
          lost -= cut;
          return [k, String(v), ((v * 10 - cut) / 10).toFixed(1)];
        });
        return [...rows, ['合计', '100', score.toFixed(1)]];
      })(),
    ),
    h2(2, '存在问题和整改'),
    list(
      r
        .sample(
          ['个别定期公开事项更新不够及时', '公开内容表述不够通俗', '公开栏版面需要更新维护', '点题答复记录不完整', '党内公开事项会议记录不规范'],
          r.int(1, 3),
        )
        .map((s) => `${s}：${r.pick([`已于${cnMonthDay(addDays(c.spec.date, r.int(5, 20)))}前完成整改`, '已整改到位', '已明确专人负责'])}`),
    ),
    sign(c),
  );
  return { title: `${prev}党务公开督查考评结果及整改情况`, summary: fitSummary(`督查考评得分${score}分，等次${grade}`, '督查考评结果'), body };
};
