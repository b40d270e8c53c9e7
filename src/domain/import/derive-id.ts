/**
 * Ids from Chinese names, the way the demo county's are made: the short name in pinyin with a
 * prefix per kind (cu-zuzhibu, t-qingshui, v-qingshui-taohua, b-v-qingshui-taohua). The party
 * wording (中共, 委员会, 党支部…) and the county's own name carry nothing, so they are dropped.
 * Collisions get -2, -3 and are reported, since a folder name is hard to change later.
 */
import type { UnitKind } from '../schema/unit.ts';

/** Pinyin of the Han characters of a name, lower case, without tones or spaces. */
export type Pinyin = (name: string) => string;

const PREFIX: Record<UnitKind, string> = { 'county-committee': '', 'county-unit': 'cu-', town: 't-', village: 'v-' };

const PARTY_WORDS = /^中共|中国共产党|机关委员会$|委员会$|总支部委员会$|党总支$|党支部$|支部委员会$|党工委$|党委$|党组$|党支部委员会$/g;
const PLACE_WORDS: Partial<Record<UnitKind, RegExp>> = {
  town: /(镇|乡|街道|街道办事处|办事处)$/,
  village: /(村|社区|居委会|村民委员会|居民委员会)$/,
};

/** 中共示范县委组织部 → 组织部; 清水镇党委 → 清水; 桃花村党支部 → 桃花. Never empty: falls back to the whole name. */
export function shortName(name: string, kind: UnitKind, county: string): string {
  // A bracketed note (新庄村（石桥）) tells two namesakes apart for people; the id has the town for that.
  let s = name.trim().replace(/[（(][^）)]*[）)]/g, '') || name.trim();
  for (let i = 0; i < 3; i++) s = s.replace(PARTY_WORDS, '');
  const countyBase = county.replace(/(县|市|区|旗)$/, '');
  for (const c of [county, countyBase]) if (c && s.startsWith(c)) s = s.slice(c.length);
  s = s.replace(/^(县委|县|委)(?=.)/, '');
  const place = PLACE_WORDS[kind];
  if (place && place.test(s) && s.replace(place, '').length >= 1) s = s.replace(place, '');
  return s || name;
}

export function slugOf(text: string, pinyin: Pinyin): string {
  const latin = /[\p{Script=Han}]/u.test(text) ? pinyin(text) : text.toLowerCase();
  return latin
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** The id a new unit would get; villages carry their town's short id (v-qingshui-taohua). */
export function unitIdFor(name: string, kind: UnitKind, county: string, pinyin: Pinyin, parentId?: string): string {
  if (kind === 'county-committee') return 'county';
  const own = slugOf(shortName(name, kind, county), pinyin) || 'unit';
  const town = kind === 'village' && parentId ? parentId.replace(/^t-/, '') : '';
  return `${PREFIX[kind]}${town ? `${town}-` : ''}${own}`;
}

/** A free id: `wanted`, else wanted-2, wanted-3…; `taken` is updated. */
export function claimId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}
