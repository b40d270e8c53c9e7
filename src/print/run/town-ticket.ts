/**
 * What each town's zip carries besides the print files: its own manifest (json, and the two
 * csv files a spreadsheet opens) and its installation list (安装清单.pdf), so a town that
 * forwards the zip to its print shop and its installer forwards the whole job ticket with it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatChineseDate } from '../../domain/dates.ts';
import { intentSetting } from '../../domain/icc-profile.ts';
import type { Project } from '../../domain/model.ts';
import type { Unit } from '../../domain/schema/unit.ts';
import { cardsCsv, manifestCsv, PLACEMENT_LABELS, type Manifest } from '../jobs/manifest.ts';
import { layoutInstallList, type InstallRow } from '../layout/install-list.ts';
import { fontMeasurer } from '../render/fonts.ts';
import { renderPlainPdf } from '../render/render-pdf.ts';

/** Where a town's zip and installation list go, relative to the output folder. */
export const townFiles = (town: string) => ({ zip: `print/towns/${town}.zip`, install: `print/towns/${town}/install-list.pdf` });

export interface ZipExtra {
  /** The name inside the zip. */
  name: string;
  path: string;
  sha256: string;
}

/** A unit's phone on site, or its parent's (a village without its own number is reached through its town). */
function contact(units: ReadonlyMap<string, Unit>, unitId: string): string {
  const unit = units.get(unitId);
  const parent = unit?.parent ? units.get(unit.parent) : undefined;
  return unit?.phone ?? (parent?.phone ? `${parent.phone}（${parent.name}）` : '');
}

export function installRows(manifest: Manifest, units: ReadonlyMap<string, Unit>, town: string): InstallRow[] {
  return manifest.boards
    .filter((b) => b.town === town)
    .map((b) => ({
      board: b.id,
      unit: b.unit_name,
      location: b.location ?? '',
      size: b.trim_mm,
      placement: b.placement ? PLACEMENT_LABELS[b.placement] : '',
      mounting: b.mounting ?? '',
      sheets: `${b.sheets}${b.tiles ? '（拼贴）' : ''}${(b.quantity ?? 1) > 1 ? `×${b.quantity}` : ''}`,
      contact: contact(units, b.unit),
    }));
}

/** The installer is told which of the town's boards get no poster this time, and why. */
export function emptyBoardsNote(empty: Manifest['empty']['boards']): string | undefined {
  if (!empty.length) return undefined;
  const named = empty.map((b) => `${b.id}（${b.unit_name}，${b.location ?? ''}）`).join('、');
  return `另有 ${empty.length} 块公开栏目前没有可印的内容，本次没有印刷文件，不用安装：${named}。有了公开内容后，会随下一次的印刷文件发来。`;
}

/** Writes print/towns/<town>/… and returns them as zip members, per town. */
export async function writeTownTickets(outDir: string, manifest: Manifest, project: Project, towns: readonly string[]): Promise<Map<string, ZipExtra[]>> {
  const m = fontMeasurer();
  const units = new Map(project.units.map((u) => [u.id, u]));
  const out = new Map<string, ZipExtra[]>();
  for (const town of towns) {
    const dir = join(outDir, dirname(townFiles(town).install));
    mkdirSync(dir, { recursive: true });
    const own: Manifest = {
      generated: manifest.generated,
      boards: manifest.boards.filter((b) => b.town === town),
      cards: manifest.cards.filter((c) => c.town === town),
      empty: { boards: manifest.empty.boards.filter((b) => b.town === town), cards: manifest.empty.cards.filter((c) => c.town === town) },
    };
    const name = units.get(town)?.name ?? town;
    const pages = layoutInstallList(
      `${name}党务公开栏安装清单`,
      formatChineseDate(manifest.generated),
      installRows(manifest, units, town),
      m,
      emptyBoardsNote(own.empty.boards),
    );
    const pdf = await renderPlainPdf(pages, {
      title: `${name}党务公开栏安装清单`,
      author: project.site.publisher,
      subject: '公开栏安装清单（公开栏、位置、尺寸、安装方式、现场联系）',
      date: manifest.generated,
      intent: intentSetting(project.site.print),
    });
    const files: [string, string, string | Uint8Array][] = [
      ['manifest.json', 'manifest.json', JSON.stringify(own, null, 1) + '\n'],
      ['manifest.csv', '公开栏清单.csv', manifestCsv(own)],
      ['cards.csv', '明白卡清单.csv', cardsCsv(own)],
      [basename(townFiles(town).install), '安装清单.pdf', pdf],
    ];
    out.set(
      town,
      files.map(([file, inZip, bytes]) => {
        writeFileSync(join(dir, file), bytes);
        return { name: inZip, path: join(dir, file), sha256: createHash('sha256').update(bytes).digest('hex') };
      }),
    );
  }
  return out;
}
