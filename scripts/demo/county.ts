/**
 * The county model: units.yaml records plus the facts texts need (short names, party
 * organisation, members, leaders). Built from a seed; the demo county pins the names
 * the hand-written entries rely on.
 */
import {
  COUNTY_UNITS,
  COMMUNITIES,
  STREETS,
  TOWNS,
  VILLAGE_FIRST,
  VILLAGE_SECOND,
  type CountyUnitDef,
  type Kind,
  type TownDef,
  type UnitSite as Site,
} from './data-units.ts';

export type { Kind, Site };
import { headTitle, leadersFor, type Leader } from './people.ts';
import { Rng } from './rng.ts';

/** A record of units.yaml (field order as written). */
export interface UnitRecord {
  id: string;
  name: string;
  kind: Kind;
  parent?: string;
  maintainers: string[];
  households: number;
  phone: string;
  address: string;
  hours: string;
}

export interface UnitModel extends UnitRecord {
  /** 桃花村 / 县教育局 / 清水镇 / 示范县委 */
  short: string;
  /** 桃花村党支部 / 县教育局党组 / 清水镇党委 */
  org: string;
  /** Committee meeting of the party organisation. */
  meeting: string;
  site: Site;
  /** Parent town's name for villages; the county's name otherwise. */
  town: string;
  members: number;
  branches: number;
  /** 村民小组 or 网格 (villages), 科室 (others). */
  groups: number;
  leaders: Leader[];
  work: string[];
}

export interface County {
  /** 示范 (short) and 示范县 (name). */
  short: string;
  name: string;
  units: UnitModel[];
}

export interface CountyOptions {
  seed: number;
  short: string;
  /** The demo county: fixed town list, village counts and required names. */
  demo: boolean;
}

const DEMO_VILLAGE_COUNTS = [22, 46, 20, 38, 41, 35, 50, 28, 31, 44, 36, 27];
const DEMO_REQUIRED: Record<string, [string, string, boolean][]> = {
  qingshui: [
    ['桃花', 'taohua', false],
    ['上坝', 'shangba', false],
  ],
  chengguan: [['东门', 'dongmen', true]],
};

function orgForMembers(short: string, members: number): [string, string] {
  if (members >= 100) return [`${short}党委`, '党委会议'];
  if (members >= 50) return [`${short}党总支`, '党总支委员会会议'];
  return [`${short}党支部`, '支部委员会会议'];
}

function countyUnitNaming(d: CountyUnitDef, c: string): { name: string; org: string; meeting: string } {
  const short = d.short;
  switch (d.form) {
    case 'organ':
      return { name: `中共${c}${short}`, org: short, meeting: short.endsWith('部') ? '部务会议' : '主任办公会议' };
    case 'dangzu':
      return { name: `中共${c}${short}党组`, org: `${short}党组`, meeting: '党组会议' };
    case 'weiyuanhui':
      return { name: `中共${c}${short}委员会`, org: `${short}党委`, meeting: '党委会议' };
    case 'zongzhi':
      return { name: `中共${c}${short}总支部委员会`, org: `${short}党总支`, meeting: '党总支委员会会议' };
    case 'zhibu':
      return { name: `中共${c}${short}支部委员会`, org: `${short}党支部`, meeting: '支部委员会会议' };
    case 'custom': {
      const name = d.full!.replaceAll('{C}', c);
      if (name.endsWith('党支部')) return { name, org: `${short}机关党支部`, meeting: '支部委员会会议' };
      if (name.endsWith('工作委员会'))
        return {
          name,
          org: short.endsWith('工委') ? short : `${short.replace(/管委会$/, '')}党工委`,
          meeting: short.endsWith('工委') ? '工委会议' : '党工委会议',
        };
      if (name.endsWith('办公室')) return { name, org: short, meeting: '主任办公会议' };
      return { name, org: `${short}党委`, meeting: '党委会议' };
    }
  }
}

class Phones {
  private used = new Set(['0000-6123456', '0000-6123400']);
  private readonly r: Rng;
  constructor(r: Rng) {
    this.r = r;
  }
  next(): string {
    for (;;) {
      const p = `0000-6${String(this.r.int(100000, 999999))}`;
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }
}

const INDUSTRIES = [
  '茶叶',
  '柑橘',
  '中药材',
  '生猪养殖',
  '蔬菜大棚',
  '食用菌',
  '油茶',
  '稻虾共养',
  '花椒',
  '猕猴桃',
  '乡村旅游',
  '土鸡养殖',
  '核桃',
  '李子',
  '蜂蜜',
  '优质水稻',
  '肉牛养殖',
  '黄桃',
];
const COMMUNITY_WORK = ['老旧小区改造', '居家养老服务', '网格化服务管理', '物业服务提升', '“一老一小”服务', '社区文化活动', '平安社区建设', '垃圾分类'];

const OFFICE_HOURS = ['周一至周五 8:30-12:00，14:30-17:30', '周一至周五 9:00-12:00，13:30-17:00', '周一至周五 8:30-12:00，14:00-17:30'];
const VILLAGE_HOURS = [
  '周一至周五 9:00-12:00，14:30-17:30',
  '周一至周五 8:30-12:00，14:30-17:30（节假日有人值班）',
  '周一至周六 9:00-12:00，14:00-17:00',
  '周一至周五 8:30-12:00，14:30-17:30；农忙时节可预约办理',
];

export function buildCounty(opts: CountyOptions): County {
  const c = opts.short;
  const r = Rng.derive(opts.seed, 'county', c);
  const phones = new Phones(r);
  const units: UnitModel[] = [];
  const base = (u: Omit<UnitModel, 'leaders' | 'work'> & { work?: string[] }, rr: Rng): UnitModel => ({
    ...u,
    work: u.work ?? [],
    leaders: leadersFor(u.kind, u.site, u.org, headTitle(u.short, u.kind), rr),
  });

  const cr = Rng.derive(opts.seed, 'unit', 'county');
  units.push(
    base(
      {
        id: 'county',
        name: `中共${c}县委员会`,
        kind: 'county-committee',
        maintainers: ['@county-office'],
        households: 2000,
        phone: '0000-6123400',
        address: `${c}县人民路1号`,
        hours: OFFICE_HOURS[0]!,
        short: `${c}县委`,
        org: `${c}县委`,
        meeting: '县委常委会会议',
        site: 'county',
        town: `${c}县`,
        members: 46,
        branches: 6,
        groups: 8,
        work: ['全县经济社会发展大局', '全面从严治党'],
      },
      cr,
    ),
  );

  // County-level units: the first 80 of the pool for the demo, core plus a random draw otherwise.
  let defs: CountyUnitDef[];
  if (opts.demo) defs = COUNTY_UNITS.slice(0, 80);
  else {
    const core = COUNTY_UNITS.filter((d) => d.core);
    const rest = r.sample(
      COUNTY_UNITS.filter((d) => !d.core),
      80 - core.length,
    );
    const chosen = new Set([...core, ...rest]);
    defs = COUNTY_UNITS.filter((d) => chosen.has(d));
  }
  for (const d of defs) {
    const ur = Rng.derive(opts.seed, 'unit', d.py);
    const naming = countyUnitNaming(d, c);
    const site = d.site ?? 'office';
    const big = site === 'school' || site === 'hospital' || site === 'police';
    // Members fit the organisation's form: 党委 100+, 党总支 50–99, 党支部 under 50.
    const members =
      naming.org.endsWith('党委') || naming.org.endsWith('党工委')
        ? ur.int(100, 320)
        : naming.org.endsWith('党总支')
          ? ur.int(50, 99)
          : naming.org.endsWith('党支部')
            ? ur.int(12, 49)
            : big
              ? ur.int(60, 260)
              : ur.int(12, 95);
    const addr = d.form === 'organ' || d.py === 'jiwei' ? `${c}县人民路1号` : `${c}县${ur.pick(STREETS)}${ur.int(2, 288)}号`;
    units.push(
      base(
        {
          id: `cu-${d.py}`,
          name: naming.name,
          kind: 'county-unit',
          parent: 'county',
          maintainers: [`@${d.py}`],
          households: big ? ur.int(300, 900) : ur.int(30, 260),
          phone: d.py === 'zuzhibu' ? '0000-6123456' : phones.next(),
          address: addr,
          hours: site === 'hospital' ? '行政办公 周一至周五 8:00-12:00，14:30-17:30' : ur.pick(OFFICE_HOURS),
          short: d.short,
          org: naming.org,
          meeting: naming.meeting,
          site,
          town: `${c}县`,
          members,
          branches: members >= 100 ? ur.int(4, 9) : members >= 50 ? ur.int(2, 4) : 1,
          groups: ur.int(4, 14),
          work: [...d.work],
        },
        ur,
      ),
    );
  }

  // Towns and streets.
  let towns: TownDef[];
  let counts: number[];
  if (opts.demo) {
    towns = TOWNS.slice(0, 12);
    counts = DEMO_VILLAGE_COUNTS;
  } else {
    const streets = r.sample(
      TOWNS.filter((t) => t[2] === '街道'),
      r.int(1, 3),
    );
    const others = r.sample(
      TOWNS.filter((t) => t[2] !== '街道'),
      12 - streets.length,
    );
    towns = [...streets, ...others];
    counts = towns.map(() => 20);
    let left = 418 - 240;
    while (left > 0) {
      const i = r.int(0, 11);
      if (counts[i]! < 50) {
        counts[i]!++;
        left--;
      }
    }
  }
  const usedVillageNames = new Set<string>();
  const townUnits: UnitModel[] = [];
  const villageUnits: UnitModel[] = [];
  towns.forEach(([stem, py, suffix], ti) => {
    const tr = Rng.derive(opts.seed, 'unit', `t-${py}`);
    const tname = `${stem}${suffix}`;
    const isStreet = suffix === '街道';
    const nVillages = counts[ti]!;
    townUnits.push(
      base(
        {
          id: `t-${py}`,
          name: tname,
          kind: 'town',
          parent: 'county',
          maintainers: [`@${py}-office`],
          households: tr.int(600, 2600),
          phone: phones.next(),
          address: `${c}县${tname}${tr.pick(['正街', '新街', '中街', '府前路', '河街', '兴业路'])}${tr.int(1, 120)}号`,
          hours: tr.pick(OFFICE_HOURS),
          short: tname,
          org: isStreet ? `${tname}党工委` : `${tname}党委`,
          meeting: isStreet ? '党工委会议' : '党委会议',
          site: isStreet ? 'street' : 'town',
          town: tname,
          members: tr.int(70, 230),
          branches: nVillages + tr.int(3, 9),
          groups: tr.int(6, 12),
          work: isStreet ? ['城市基层党建', '网格化服务管理'] : ['乡村振兴', '基层治理'],
        },
        tr,
      ),
    );
    // Villages (村) and communities (社区) of this town.
    const list: [string, string, boolean][] = [...(opts.demo ? (DEMO_REQUIRED[py] ?? []) : [])];
    if (!isStreet && !list.some((v) => v[0] === stem)) list.push([stem, py, true]);
    const vr = Rng.derive(opts.seed, 'villages', py);
    const communityShare = isStreet ? 70 : 0;
    const ids = new Set(list.map((v) => v[1]));
    for (const v of list) usedVillageNames.add(v[0] + (v[2] ? '社区' : '村'));
    let guard = 0;
    while (list.length < nVillages && guard++ < 100_000) {
      const community = vr.chance(communityShare);
      const [h, p] = community
        ? vr.pick(COMMUNITIES)
        : ((a, b) => [a[0] + b[0], a[1] + b[1]] as [string, string])(vr.pick(VILLAGE_FIRST), vr.pick(VILLAGE_SECOND));
      const full = h + (community ? '社区' : '村');
      if (ids.has(p) || usedVillageNames.has(full) || h === stem) continue;
      ids.add(p);
      usedVillageNames.add(full);
      list.push([h, p, community]);
    }
    for (const [h, p, community] of list) {
      const id = `v-${py}-${p}`;
      const ur = Rng.derive(opts.seed, 'unit', id);
      const short = h + (community ? '社区' : '村');
      const households = community ? ur.int(600, 1200) : ur.int(150, 1100);
      const members = Math.max(12, Math.min(140, Math.round(households / ur.int(9, 16)) + ur.int(-5, 8)));
      const [org, meeting] = orgForMembers(short, members);
      villageUnits.push(
        base(
          {
            id,
            name: short,
            kind: 'village',
            parent: `t-${py}`,
            maintainers: [`@${py}-${p}`, `@${py}-office`],
            households,
            phone: phones.next(),
            address: `${c}县${tname}${short}${community ? '党群服务中心' : '村民委员会'}`,
            hours: ur.pick(VILLAGE_HOURS),
            short,
            org,
            meeting,
            site: community ? 'community' : 'village',
            town: tname,
            members,
            branches: members >= 100 ? ur.int(4, 6) : members >= 50 ? ur.int(2, 4) : 1,
            groups: community ? ur.int(4, 12) : ur.int(3, 14),
            work: ur.sample(community ? COMMUNITY_WORK : INDUSTRIES, 2),
          },
          ur,
        ),
      );
    }
  });
  units.push(...townUnits, ...villageUnits);
  return { short: c, name: `${c}县`, units };
}

/** The record as written to units.yaml. */
export function unitRecord(u: UnitModel): UnitRecord {
  const rec: UnitRecord = {
    id: u.id,
    name: u.name,
    kind: u.kind,
    maintainers: u.maintainers,
    households: u.households,
    phone: u.phone,
    address: u.address,
    hours: u.hours,
  };
  return u.parent
    ? {
        id: u.id,
        name: u.name,
        kind: u.kind,
        parent: u.parent,
        maintainers: u.maintainers,
        households: u.households,
        phone: u.phone,
        address: u.address,
        hours: u.hours,
      }
    : rec;
}
