/**
 * `gongkai broadcast`: the loudspeaker script (村村响广播稿) of some units for a week, on demand —
 * the same script the build writes each night for this week (src/media/broadcast.ts), as plain
 * text and an A4 PDF in a folder of their own (default broadcast/), and on the terminal when one
 * unit is asked for.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveToday } from '../domain/time/today.ts';
import { ContentError, UsageError } from '../errors.ts';
import { broadcastScript, broadcastUnits, weekOf } from '../media/broadcast.ts';
import { layoutBroadcast } from '../media/broadcast-layout.ts';
import { checkContent } from '../pipeline/check-stage.ts';
import { consoleLog } from '../pipeline/log.ts';
import { fontMeasurer } from '../print/render/fonts.ts';
import { renderPlainPdf } from '../print/render/render-pdf.ts';
import { machineToday, parseFlags, resolveDirs } from './args.ts';
import { BROADCAST_USAGE } from './usage.ts';

export async function broadcastCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string' },
      out: { type: 'string', default: 'broadcast' },
      unit: { type: 'string', multiple: true },
      week: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    BROADCAST_USAGE,
  );
  if (values.help) {
    console.log(BROADCAST_USAGE);
    return 0;
  }
  const asked = values.week === undefined ? undefined : weekOf(values.week);
  if (values.week !== undefined && !asked)
    throw new UsageError(`--week 的值“${values.week}”不对：写成 2026-W49（第几周）或这一周中的任意一天，例如 2026-12-07。`);
  const dirs = resolveDirs(values);
  const checked = checkContent(dirs, consoleLog, { quietOk: true });
  if (checked.errorCount > 0 || !checked.project) throw new ContentError('内容有错误，没有生成广播稿。请先按上面的提示改正。');
  const project = checked.project;
  const today = resolveToday({ ...machineToday(), flag: values.today, asOf: project.site.as_of }).date;
  const week = asked ?? weekOf(today)!;
  // Notices are read as they stand on the day the script is for: today within the week, else its last (or first) day.
  const day = today < week.from ? week.from : today > week.to ? week.to : today;
  const known = new Map(project.units.map((u) => [u.id, u]));
  const unknown = (values.unit ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`单位名录（units.yaml）中没有：${unknown.join('、')}。请检查单位标识。`);
  const units = values.unit?.length ? values.unit.map((id) => known.get(id)!) : broadcastUnits(project);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const m = fontMeasurer();
  const label = `${week.from}至${week.to}`;
  for (const unit of units) {
    const s = broadcastScript(project, unit.id, week, day);
    const base = join(out, `${unit.id}-${week.from}`);
    writeFileSync(`${base}.txt`, s.text);
    writeFileSync(`${base}.pdf`, await renderPlainPdf(layoutBroadcast(s, m), { title: s.title, author: unit.name, subject: s.note, date: week.from }));
    if (units.length === 1) console.log(s.text);
    console.log(`✓ ${unit.name}：${base}.txt 和 .pdf（${label}，预计播报${s.note.split('预计播报')[1]?.split('，')[0] ?? ''}）`);
  }
  return 0;
}
