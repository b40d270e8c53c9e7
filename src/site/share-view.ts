/**
 * The share picture an entry page offers (分享): whether the build makes one for the entry
 * (media/share-scope.ts, the rule the build itself follows) and where its list and first
 * picture are. The entry page's cache key takes the answer in, so a page gains or loses its
 * share button when the entry enters or leaves the pictures' scope.
 */
import { createHash } from 'node:crypto';
import type { Entry } from '../domain/model.ts';
import { hasSharePicture, shareFiles } from '../media/share-scope.ts';
import type { SiteData } from './project.ts';

export interface ShareView {
  list: string;
  first: string;
}

export function shareView(data: SiteData, e: Entry): ShareView | undefined {
  if (!hasSharePicture(e, data.project, data.today)) return undefined;
  const f = shareFiles(e);
  return { list: f.list, first: f.picture(1) };
}

/** An entry page's cache key with its share button in it. */
export function withShare(key: string | undefined, view: ShareView | undefined): string | undefined {
  return key === undefined
    ? undefined
    : createHash('sha256')
        .update(key)
        .update(view ? view.list : 'no-share')
        .digest('hex')
        .slice(0, 32);
}
