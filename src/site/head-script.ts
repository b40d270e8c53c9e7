/**
 * The one script a page carries inline: it applies the reader's large-text choice and the
 * kiosk mode (both kept in localStorage) before the first paint, which a script file could only
 * do by holding up the page for a request. The text lives here, not in the layout, because the
 * Content-Security-Policy the build writes allows exactly this text by its hash
 * (security-headers.ts): the layout renders it, the policy hashes it, and the two cannot drift.
 */
import { createHash } from 'node:crypto';

export const HEAD_SCRIPT =
  "try{var c=document.documentElement.classList;if(localStorage.getItem('gongkai-large')==='1')c.add('large');if(localStorage.getItem('gongkai-kiosk')==='1')c.add('kiosk','large')}catch(e){}";

/** A script's CSP source expression: 'sha256-…' of its exact text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
