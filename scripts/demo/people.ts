/**
 * Fictional people: leaders of each party organisation (王某某-style names, never real
 * ones) and the titles texts use for them.
 */
import { SURNAMES, type Kind, type UnitSite as Site } from './data-units.ts';
import type { Rng } from './rng.ts';

export interface Leader {
  /** 王某某 */
  name: string;
  /** 党支部书记、村委会主任 */
  role: string;
  /** What the person is responsible for, for the division-of-duties list. */
  duty: string;
}

/** 局长, 主任, 院长 … from how the unit's short name ends. */
export function headTitle(short: string, kind: Kind): string {
  if (kind === 'village') return short.endsWith('社区') ? '居委会主任' : '村委会主任';
  if (kind === 'town') return short.endsWith('街道') ? '办事处主任' : short.endsWith('乡') ? '乡长' : '镇长';
  if (kind === 'county-committee') return '县长';
  const rules: [RegExp, string][] = [
    [/检察院$/, '检察长'],
    [/(医院|保健院|法院|福利院)$/, '院长'],
    [/党校$/, '校长'],
    [/(中学|小学|学校|职业教育中心)$/, '校长'],
    [/(公司|银行)$/, '总经理'],
    [/部$/, '部长'],
    [/(局|分局)$/, '局长'],
    [/馆$/, '馆长'],
    [/大队$/, '大队长'],
    [/站$/, '站长'],
    [/(工会|联合会|协会|红十字会|工商业联合会)$/, '主席'],
    [/团县委$/, '团县委副书记'],
    [/人大常委会机关$/, '主任'],
    [/政协机关$/, '主席'],
    [/纪委监委机关$/, '纪委副书记'],
    [/(工委|委员会)$/, '书记'],
  ];
  for (const [re, t] of rules) if (re.test(short)) return t;
  return '主任';
}

export function personName(r: Rng, surname: string): string {
  return r.chance(55) ? `${surname}某某` : `${surname}某`;
}

const VILLAGE_DUTIES = {
  sec: '主持党组织全面工作，负责党风廉政建设第一责任',
  dep: '协助书记抓好党建日常工作，分管村务监督和矛盾纠纷调解',
  org: '负责组织建设、党员发展和党员教育管理',
  pro: '负责宣传思想、精神文明建设和党务公开',
  dis: '负责纪律检查、党风廉政建设和党费收缴监督',
};

export function leadersFor(kind: Kind, site: Site, org: string, head: string, r: Rng): Leader[] {
  const surnames = r.sample(SURNAMES, 10);
  let i = 0;
  const who = () => personName(r, surnames[i++ % surnames.length]!);
  const secTitle = org.endsWith('党委')
    ? '党委书记'
    : org.endsWith('党总支')
      ? '党总支书记'
      : org.endsWith('党工委')
        ? '党工委书记'
        : org.endsWith('党组')
          ? '党组书记'
          : '党支部书记';
  if (kind === 'village') {
    const out: Leader[] = [{ name: who(), role: r.chance(70) ? `${secTitle}、${head}` : secTitle, duty: VILLAGE_DUTIES.sec }];
    const n = org.endsWith('党支部') ? r.int(2, 4) : r.int(4, 6);
    const roles: [string, string][] = [
      ['副书记', VILLAGE_DUTIES.dep],
      ['组织委员', VILLAGE_DUTIES.org],
      ['宣传委员', VILLAGE_DUTIES.pro],
      ['纪检委员', VILLAGE_DUTIES.dis],
      ['委员', '负责产业发展和集体经济'],
      ['委员', '负责人居环境整治和网格服务'],
    ];
    const picked = n >= 4 ? roles.slice(0, n) : [roles[1]!, roles[3]!, roles[2]!].slice(0, n);
    for (const [role, duty] of picked) out.push({ name: who(), role, duty });
    return out;
  }
  if (kind === 'town') {
    const street = site === 'street';
    const p = street ? '党工委' : '党委';
    return [
      { name: who(), role: `${p}书记`, duty: '主持党委全面工作，履行全面从严治党第一责任人职责' },
      { name: who(), role: `${p}副书记、${head}`, duty: `主持${street ? '办事处' : head === '乡长' ? '乡政府' : '镇政府'}全面工作，分管财政、审计工作` },
      { name: who(), role: `${p}副书记`, duty: '协助书记抓党建工作，分管组织、宣传、统战和群团工作' },
      { name: who(), role: street ? '纪工委书记' : '纪委书记', duty: '负责纪律检查和监察工作' },
      { name: who(), role: `${p}委员、组织委员`, duty: '负责组织、党员教育管理和党务公开' },
      { name: who(), role: `${p}委员、宣传委员`, duty: '负责宣传思想、意识形态和精神文明建设' },
      {
        name: who(),
        role: `${p}委员、副${head.replace(/办事处/, '')}`,
        duty: street ? '分管城市管理、社区建设和安全生产' : '分管农业农村、乡村振兴和水利工作',
      },
      ...(r.chance(60) ? [{ name: who(), role: street ? '党工委委员、武装部部长' : '党委委员、武装部部长', duty: '负责人民武装、应急和平安建设' }] : []),
    ];
  }
  if (kind === 'county-committee') {
    return [
      { name: who(), role: '县委书记', duty: '主持县委全面工作' },
      { name: who(), role: '县委副书记、县长', duty: '主持县政府全面工作' },
      { name: who(), role: '县委副书记', duty: '协助书记处理县委日常工作，分管党建、政法工作' },
      { name: who(), role: '县委常委、纪委书记、监委主任', duty: '主持县纪委监委全面工作' },
      { name: who(), role: '县委常委、组织部部长', duty: '主持县委组织部全面工作' },
      { name: who(), role: '县委常委、宣传部部长', duty: '主持县委宣传部全面工作' },
      { name: who(), role: '县委常委、县委办公室主任', duty: '主持县委办公室全面工作' },
    ];
  }
  // County-level units.
  const out: Leader[] = [];
  if (org.endsWith('党组')) {
    out.push({ name: who(), role: `党组书记、${head}`, duty: '主持党组和行政全面工作，履行管党治党第一责任人职责' });
    const deputies = r.int(2, 3);
    for (let k = 0; k < deputies; k++)
      out.push({ name: who(), role: `党组成员、副${head}`, duty: k === 0 ? '协助抓好党建和意识形态工作，分管办公室、人事' : '分管业务股室和安全生产工作' });
    out.push({ name: who(), role: '机关党支部书记', duty: '负责机关党建日常工作、党员教育管理和党费收缴' });
  } else if (org.endsWith('党委') || org.endsWith('党工委')) {
    out.push({
      name: who(),
      role: site === 'hospital' || site === 'school' ? secTitle : `${secTitle}、${head}`,
      duty: '主持党委全面工作，把方向、管大局、保落实',
    });
    if (site === 'hospital' || site === 'school') out.push({ name: who(), role: `党委副书记、${head}`, duty: '主持行政全面工作，分管财务、人事' });
    out.push({ name: who(), role: '党委委员、纪委书记', duty: '负责纪律检查和党风廉政建设' });
    out.push({ name: who(), role: head.includes('副') ? '党委委员' : `党委委员、副${head}`, duty: '分管业务工作和安全稳定' });
    out.push({ name: who(), role: '党委委员、党办主任', duty: '负责组织、宣传、党员教育管理和党务公开' });
  } else if (org.endsWith('党总支') || org.endsWith('党支部')) {
    out.push({ name: who(), role: `${secTitle}、${head}`, duty: '主持党组织全面工作' });
    out.push({ name: who(), role: '组织委员', duty: '负责组织建设、党员发展和党费收缴' });
    out.push({ name: who(), role: '宣传委员', duty: '负责学习教育、宣传和党务公开' });
    out.push({ name: who(), role: '纪检委员', duty: '负责纪律检查和党风廉政建设' });
  } else {
    // 县委部门 and offices: the 部务会 leads, the 机关党支部 runs party affairs.
    out.push({ name: who(), role: head === '部长' ? '县委常委、部长' : head, duty: '主持全面工作' });
    out.push({ name: who(), role: `常务副${head}`, duty: '协助主持日常工作，分管办公室和机关党建' });
    out.push({ name: who(), role: `副${head}`, duty: '分管业务科室工作' });
    out.push({ name: who(), role: '机关党支部书记', duty: '负责机关党支部日常工作、党员教育管理和党费收缴' });
  }
  return out;
}
