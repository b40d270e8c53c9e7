/**
 * What renaming units does to the files beside units.yaml: their boards in boards.yaml, their
 * folders (content/entries/<id>, content/requests/<id>) and the CODEOWNERS lines naming those
 * folders. Used by `gongkai rename unit` and by an import whose sheet renames units (原名称);
 * the changes are listed for the dry run and applied together (apply-changes.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitRename } from '../domain/import/unit-rename.ts';
import { renameBoards } from '../domain/import/unit-rename.ts';
import type { Board } from '../domain/schema/board.ts';
import type { Site } from '../domain/schema/site.ts';
import type { Unit } from '../domain/schema/unit.ts';
import { UsageError } from '../errors.ts';
import type { FileChanges } from './apply-changes.ts';
import { expectedCodeowners } from './check-codeowners.ts';
import { renderRegistry } from './registry-writer.ts';

export const BOARDS_HEADER = '# 公开栏名录：尺寸单位为毫米。由 gongkai import boards 从公开栏表导入，也可以直接修改。';

export interface RenameEffects {
  changes: FileChanges;
  /** Every change, one line each, for the plan and the dry run. */
  lines: string[];
  /** Units whose web address changes: printed QR codes point at the old one. */
  movedAddresses: UnitRename[];
}

const countFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

/** Files to write and folders to move for `renames`, given units.yaml's new text and the units after them. */
export function renameEffects(input: {
  contentDir: string;
  site: Site;
  units: readonly Unit[];
  unitsText: string;
  boards: readonly Board[];
  renames: readonly UnitRename[];
  shown: (abs: string) => string;
}): RenameEffects {
  const { contentDir, shown } = input;
  const lines: string[] = [];
  const changes: FileChanges = { write: [{ file: join(contentDir, 'units.yaml'), text: input.unitsText }], move: [] };
  const moving = input.renames.filter((r) => r.from !== r.to);
  const boards = renameBoards(input.boards, moving);
  if (boards.changed.size) {
    const file = join(contentDir, 'boards.yaml');
    changes.write.push({
      file,
      text: renderRegistry(readFileSync(file, 'utf8'), { records: boards.boards, changed: boards.changed, added: [] }, BOARDS_HEADER),
    });
    for (const [i, notes] of boards.changed) lines.push(`  ~ ${shown(file)}：公开栏 ${input.boards[i]!.id}：${notes.join('；')}`);
  }
  for (const r of moving)
    for (const folder of ['entries', 'requests']) {
      const from = join(contentDir, folder, r.from);
      const to = join(contentDir, folder, r.to);
      if (!existsSync(from)) continue;
      if (existsSync(to))
        throw new UsageError(`${shown(to)}/ 已经存在，不能把“${r.oldName}”的文件夹 ${shown(from)}/ 移过去；没有改动任何文件。`, {
          details: ['请先看看那个文件夹是谁的（可能是以前删掉的单位留下的），处理后再改名；或用 --id 另定一个标识。'],
        });
      changes.move.push({ from, to });
      lines.push(`  → 文件夹 ${shown(from)}/ → ${shown(to)}/（${countFiles(from)} 个文件）`);
    }
  const owners = expectedCodeowners(contentDir, input.site, input.units);
  if (owners && (!existsSync(owners.file) || readFileSync(owners.file, 'utf8') !== owners.text)) {
    changes.write.push({ file: owners.file, text: owners.text });
    lines.push(`  ~ ${shown(owners.file)}：按新的单位名录重新生成（${moving.map((r) => `${r.from} → ${r.to}`).join('、') || '单位名称'}）`);
  }
  return { changes, lines, movedAddresses: moving };
}

/** The warning every id change deserves: the web address moves, and QR codes already printed point at the old one. */
export function addressWarning(moved: readonly UnitRename[]): string[] {
  if (!moved.length) return [];
  return [
    `注意：${moved.map((r) => `“${r.newName}”的网址由 /units/${r.from}/ 变为 /units/${r.to}/`).join('；')}。`,
    '  已经印出去的公开栏和明白卡上的二维码指向旧网址，改名后要重新印刷（名称变了本来也要重印）；',
    '  想保留原来的网址和二维码，改用 npm run gongkai -- rename unit 旧名称 新名称 --keep-id。',
  ];
}
