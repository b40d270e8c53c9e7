/**
 * Which public entries get a share picture for WeChat groups (site.yaml media.share_images):
 * every one (`all`), none, or — the default — those published in the last `share_days` days
 * and the 公示 running today, which is what villagers pass around. The build renders exactly
 * these and the entry pages offer the picture for exactly these: both ask this function.
 *
 * A picture costs ~20 ms of CPU once and is then kept by content, so `all` costs an archive's
 * first build minutes (the demo's 7,748 entries: about 2.5 CPU-minutes) and later builds only
 * the changed entries.
 */
import type { Entry, Project } from '../domain/model.ts';
import { isPublic } from '../domain/publication.ts';
import { addDays } from '../domain/time/day-math.ts';
import { noticeWindow } from '../domain/time/notice.ts';
import { projectCalendar } from '../print/jobs/board-selection.ts';

export function hasSharePicture(e: Entry, project: Project, today: string): boolean {
  const { share_images: scope, share_days: days } = project.site.media;
  if (scope === 'none' || !isPublic(e)) return false;
  if (scope === 'all') return true;
  if (e.data.date <= today && e.data.date > addDays(today, -days)) return true;
  if (!e.data.notice) return false;
  const w = noticeWindow(e.data.notice, projectCalendar(project));
  return w.start <= today && today <= w.end;
}

/** The entries with share pictures, in a stable order (by id). */
export function shareEntries(project: Project, today: string): Entry[] {
  return project.entries.filter((e) => hasSharePicture(e, project, today)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Where an entry's pictures and their list go, relative to the output folder. */
export const shareFiles = (e: Pick<Entry, 'unit' | 'slug'>) => ({
  list: `channels/share/${e.unit}/${e.slug}.json`,
  picture: (n: number) => `channels/share/${e.unit}/${e.slug}-${n}.png`,
});
