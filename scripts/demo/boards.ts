/**
 * boards.yaml: one permanent board per county-level unit, town and village. Most use common
 * stock sizes that match a template; a handful are odd sizes so the print code has to pick
 * the nearest template and scale.
 */
import type { County, UnitModel } from './county.ts';
import { Rng } from './rng.ts';

export interface BoardRecord {
  id: string;
  unit: string;
  template: string;
  location: string;
  width_mm: number;
  height_mm: number;
  placement: 'indoor' | 'outdoor';
  material: string;
  finish: string;
  mounting: string;
  /** What the print goes onto and how it is fixed there (the job ticket; the glass-door cabinets' vinyl most of all). */
  substrate: string;
  fixing: string;
  tile?: 'A3';
}

/**
 * The job ticket a print shop needs, from where the board stands: indoors a laminated print
 * in a frame, outdoors a UV-resistant vinyl in a weatherproof case. Derived, not drawn from the
 * random generator, so the rest of the demo stays as it was.
 */
function ticket(
  loc: string,
  template: string,
  w: number,
): Pick<BoardRecord, 'placement' | 'material' | 'finish' | 'mounting' | 'substrate' | 'fixing' | 'tile'> {
  const indoor = /大厅|走廊|电梯口/.test(loc);
  const small = template === 'small';
  return {
    placement: indoor ? 'indoor' : 'outdoor',
    material: indoor ? 'PP背胶相纸' : '户外防紫外线车贴（背胶）',
    finish: indoor ? '覆哑膜' : '覆亮膜',
    mounting: small ? '贴于原有板面' : indoor ? '铝合金边框，挂墙' : '不锈钢宣传栏，玻璃门内',
    // A vinyl in a glass-door cabinet is mounted on a rigid sheet first: stuck to the glass it bubbles in the sun.
    substrate: small ? '原有板面（先铲净旧画面、擦干）' : indoor ? '5 毫米 KT 板' : '3 毫米 PVC 雪弗板',
    fixing: small ? '背胶直贴，四边压实' : indoor ? '裱板后装入边框' : '裱板后放入柜内，四角用压条卡紧',
    // The one board smaller than a metre is printed on the village's office printer, tiled on A3.
    ...(w < 1000 ? { tile: 'A3' as const } : {}),
  };
}

/** Units whose boards stay standard (their entries are written by hand). */
const KEEP_STANDARD = new Set(['cu-zuzhibu', 't-qingshui', 'v-qingshui-taohua', 'v-qingshui-shangba', 'v-chengguan-dongmen']);

const LOC = {
  village: [
    '村委会门前广场东侧',
    '党群服务中心大门右侧',
    '文化广场宣传长廊',
    '村部办公楼前',
    '卫生室旁宣传墙',
    '村口公交候车亭旁',
    '综合服务站外墙',
    '村民活动中心北侧',
  ],
  community: ['党群服务中心一楼大厅', '办公楼前宣传长廊', '居民活动广场西侧', '社区服务站门前', '新时代文明实践站外墙'],
  town: ['政府大院宣传长廊', '便民服务中心门前', '机关办公楼一楼大厅', '党群服务中心门前广场'],
  street: ['办事处一楼大厅', '党群服务中心门前广场', '办事处大院宣传长廊'],
  office: ['单位办公楼一楼大厅', '机关大院宣传长廊', '办公楼前广场西侧', '办公楼一楼电梯口东侧'],
  hospital: ['门诊楼一楼大厅东侧', '住院部入口宣传长廊', '行政楼一楼大厅'],
  school: ['教学楼前宣传长廊', '行政楼一楼大厅', '校门内东侧宣传栏'],
  police: ['办证大厅入口处', '机关大院宣传长廊', '办公楼一楼大厅'],
  enterprise: ['营业厅入口处', '公司办公楼一楼大厅', '厂区大门内宣传长廊'],
} as const;

function location(u: UnitModel, r: Rng, small: boolean): string {
  switch (u.site) {
    case 'village':
      return small ? `${u.short}${'一二三四五六七八'[r.int(0, 7)]}组院坝活动室外墙` : `${u.short}${r.pick(LOC.village)}`;
    case 'community':
      return `${u.short}${r.pick(LOC.community)}`;
    case 'town':
      return `${u.short}${r.pick(LOC.town)}`;
    case 'street':
      return `${u.short}${r.pick(LOC.street)}`;
    case 'county':
      return '县委大院宣传长廊';
    default:
      if (u.address.endsWith('人民路1号'))
        return `${u.short}${r.pick(['（县委大院）宣传长廊', '（县委大院）办公楼一楼大厅', '（县委大院）西侧宣传栏', '（县委大院）办公楼二楼走廊'])}`;
      return `${u.short}${r.pick(LOC[u.site])}`;
  }
}

export function buildBoards(county: County, seed: number): BoardRecord[] {
  const r = Rng.derive(seed, 'boards', county.short);
  const units = county.units.filter((u) => u.kind !== 'county-committee');
  const pickable = (kind: UnitModel['kind']) => units.filter((u) => u.kind === kind && !KEEP_STANDARD.has(u.id));
  const towns = r.shuffle(pickable('town'));
  const villages = r.shuffle(pickable('village'));
  const cus = r.shuffle(pickable('county-unit'));
  // Special sizes: [unit id, template, width, height].
  const special = new Map<string, [string, number, number]>();
  for (const t of towns.slice(0, 3)) special.set(t.id, ['large', 3600, 2000]);
  if (towns[3]) special.set(towns[3].id, ['town', 2800, 1400]);
  if (cus[0]) special.set(cus[0].id, ['county-unit', 1800, 1200]);
  const odd: [string, number, number][] = [
    ['village', 2000, 1000],
    ['village', 2440, 1220],
    ['small', 800, 600],
  ];
  villages.slice(0, odd.length).forEach((v, i) => special.set(v.id, odd[i]!));
  for (const v of villages.slice(odd.length, odd.length + 26)) special.set(v.id, ['small', 1200, 900]);

  return units.map((u) => {
    const ur = Rng.derive(seed, 'board', u.id);
    const std: [string, number, number] =
      u.kind === 'town' ? ['town', 3000, 1500] : u.kind === 'village' ? ['village', 2400, 1200] : ['county-unit', 2400, 1200];
    const [template, w, h] = special.get(u.id) ?? std;
    const loc = location(u, ur, template === 'small');
    return { id: `b-${u.id}`, unit: u.id, template, location: loc, width_mm: w, height_mm: h, ...ticket(loc, template, w) };
  });
}
