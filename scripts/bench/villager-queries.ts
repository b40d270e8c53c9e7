/**
 * What villagers type into the search box (issue 30): everyday words for what was disclosed,
 * not the catalogue's names — 财务, 收支, 经费, 账目 for the dues; 入党 for recruitment; 低保 and
 * 村集体收入, which no item names — and their village, alone or with a word. The village names
 * come from the county's own units, so the list fits any county's content.
 */
import type { Project } from '../../src/domain/model.ts';

export function villagerQueries(project: Project): string[] {
  const villages = project.units.filter((u) => u.kind === 'village').map((u) => u.name);
  const first = villages.find((n) => n === '桃花村') ?? villages[0] ?? '村';
  const other = villages.find((n) => n.includes('湾')) ?? villages[Math.floor(villages.length / 2)] ?? first;
  return ['党费', '低保', '发展党员', `${first} 财务`, '收支', '村集体收入', other, '换届选举', '入党', '经费', '账目', '公示'];
}
