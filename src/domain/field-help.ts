/** Chinese labels, examples and aliases for each file kind's fields, used in diagnostics. */
import type { FieldHelp } from './schema-findings.ts';
import { ENTRY_FIELD_LABELS, ENTRY_NESTED_LABELS } from './schema/entry.ts';
import { REQUEST_FIELD_LABELS } from './schema/request.ts';

/** Chinese field names clerks type instead of the English ones. */
const ENTRY_ALIASES: Record<string, string> = {
  标题: 'title',
  题目: 'title',
  事项: 'item',
  公开事项: 'item',
  日期: 'date',
  发布日期: 'date',
  公开日期: 'date',
  范围: 'scope',
  公开范围: 'scope',
  期间: 'period',
  阶段: 'stage',
  摘要: 'summary',
  审核: 'reviewed_by',
  审核人: 'reviewed_by',
  审批: 'approved_by',
  审批人: 'approved_by',
  公示: 'notice',
  到期: 'expires',
  到期日期: 'expires',
};

/** Fields clerks add that an entry does not need, with why. */
const ENTRY_NEEDLESS: Record<string, string> = {
  unit: '单位由条目所在的文件夹决定',
  单位: '单位由条目所在的文件夹决定',
};

/** Scope and stage as clerks say them in Chinese. */
const ENTRY_VALUE_ALIASES: Record<string, Record<string, string>> = {
  scope: { 党内: 'party', 党内公开: 'party', 对内公开: 'party', 内部: 'party', 社会公开: 'public', 公开: 'public', 对外公开: 'public', 社会: 'public' },
  stage: {
    酝酿: 'deliberation',
    酝酿阶段: 'deliberation',
    决策: 'decision',
    决策阶段: 'decision',
    实施: 'implementation',
    实施阶段: 'implementation',
    结果: 'result',
    结果公开: 'result',
  },
};

export const ENTRY_HELP: FieldHelp = {
  labels: ENTRY_FIELD_LABELS,
  nested: ENTRY_NESTED_LABELS,
  aliases: ENTRY_ALIASES,
  needless: ENTRY_NEEDLESS,
  valueAliases: ENTRY_VALUE_ALIASES,
  nestedAliases: {
    notice: {
      end: '公示的结束日期不用写，由开始日期和天数（工作日）算出：请把“end: …”改为“days: 5”（公示几个工作日就写几）。',
      结束: '公示的结束日期不用写，由开始日期和天数（工作日）算出：请把“结束: …”改为“days: 5”（公示几个工作日就写几）。',
      开始: '字段名要用英文：请把“开始”改为“start”，例如 start: 2026-12-01。',
      天数: '字段名要用英文：请把“天数”改为“days”，例如 days: 5。',
    },
  },
  examples: {
    title: 'title: 2026年上半年党费收缴情况',
    item: 'item: dues-collection',
    date: 'date: 2026-07-05',
    scope: 'scope: public',
    period: 'period: 2026-H1',
    stage: 'stage: decision',
    matter: 'matter: taohua-road-2026',
    expires: 'expires: 2026-12-31',
    notice: 'notice: { start: 2026-12-01, days: 5 }',
    meeting: 'meeting: { name: 村党支部委员会会议, date: 2026-05-12, expected: 5, present: 5, vote: 5票同意 }',
    start: 'start: 2026-12-01',
    days: 'days: 5',
    reviewed_by: 'reviewed_by: 王某某（支部副书记）',
    approved_by: 'approved_by: 李某某（支部书记）',
    summary: 'summary: 上半年收缴党费11380元',
    board: 'board: true',
    expected: 'expected: 5',
    present: 'present: 5',
    vote: 'vote: 5票同意、0票反对、0票弃权',
  },
};

export const REQUEST_HELP: FieldHelp = {
  labels: REQUEST_FIELD_LABELS,
  aliases: { 主题: 'topic', 收到日期: 'received', 渠道: 'channel', 答复日期: 'replied', 答复: 'reply', 状态: 'status' },
  examples: {
    topic: 'topic: 村道硬化资金使用情况',
    received: 'received: 2026-11-24',
    channel: 'channel: 意见箱',
    replied: 'replied: 2026-11-26',
    answer_entry: 'answer_entry: taohua-road-result',
    asked: 'asked: 2026-11-25',
    answered: 'answered: 2026-11-26',
  },
};

export const UNIT_HELP: FieldHelp = {
  labels: {
    id: '标识',
    name: '名称',
    kind: '类型',
    parent: '上级单位',
    maintainers: '维护人',
    households: '户数',
    phone: '电话',
    address: '地址',
    hours: '办公时间',
  },
  examples: { id: 'id: v-qingshui-taohua', name: 'name: 桃花村党支部', kind: 'kind: village', parent: 'parent: t-qingshui', households: 'households: 420' },
};

export const BOARD_HELP: FieldHelp = {
  labels: {
    id: '标识',
    unit: '单位',
    template: '模板',
    location: '位置',
    width_mm: '宽度（毫米）',
    height_mm: '高度（毫米）',
    tile: '拼版纸张',
    substrate: '基材（画面裱在或贴在什么上）',
    fixing: '固定方式',
  },
  examples: {
    id: 'id: b-v-qingshui-taohua',
    unit: 'unit: v-qingshui-taohua',
    template: 'template: village',
    location: 'location: 村委会门前广场',
    width_mm: 'width_mm: 2400',
    height_mm: 'height_mm: 1200',
  },
};

export const SITE_HELP: FieldHelp = {
  labels: {
    county: '县名',
    title: '网站名称',
    base_url: '网站地址',
    publisher: '发布单位',
    supervision_phone: '监督电话',
    address: '地址',
    defaults: '默认设置',
    print: '印刷设置',
    format_version: '内容格式版本',
    print_job: '印刷施工单（完成期限、联系人、送货、明白卡用纸、安装）',
    as_of: '基准日期（示范数据或存档快照用，正式站点不要设置）',
    launch: '开通日期（督查考评从这一天算起）',
    production: '正式上线（true 时检查和构建拒绝示范数据的占位内容）',
    allowed_numbers: '允许公开的电话号码',
    secret_patterns: '额外涉密标志',
  },
  examples: {
    county: 'county: 清河县',
    title: 'title: 清河县党务公开网',
    base_url: 'base_url: https://dwgk.qinghe.gov.cn/',
    supervision_phone: 'supervision_phone: 0312-8123456',
    as_of: 'as_of: 2026-11-27',
    launch: 'launch: 2026-12-01',
    production: 'production: true',
    print_job: 'print_job: { deadline_days: 10, contact: { name: 县委组织部组织科, phone: 0571-12345678 } }',
  },
};

export const CATALOG_HELP: FieldHelp = {
  labels: { aspects: '方面', id: '标识', name: '名称', items: '事项', cadence: '公开时限', scope: '公开范围', levels: '适用层级', note: '说明', src: '来源' },
};

export const PAGE_HELP: FieldHelp = { labels: { title: '标题', description: '简介', order: '排序' } };

export const CALENDAR_HELP: FieldHelp = {
  labels: { year: '年份', source: '依据', holidays: '放假日期', workdays: '调休上班日期', replace: '整年替换' },
  examples: { year: 'year: 2027', workdays: 'workdays: [2027-02-07]' },
};

export const TEMPLATE_HELP: FieldHelp = {
  labels: { name: '名称', kind: '类型', width_mm: '宽度（毫米）', height_mm: '高度（毫米）', unit_kinds: '适用单位类型', layout: '版式' },
};
