/**
 * The text of a share picture, for the leak scan: the share pictures (channels/share/…png)
 * carry every line they show in their own PNG text chunk (print/render/share-png.ts writes it
 * from the very boxes it draws), read back here with sharp as any PNG reader would. A picture
 * without that text cannot be vouched for: it comes back with a reason, never as empty text.
 */
import sharp from 'sharp';
import type { TextOrReason } from './pdf-text.ts';

export const isSharePicture = (rel: string): boolean => /^channels\/share\/.+\.png$/i.test(rel);

export async function pictureText(buf: Buffer): Promise<TextOrReason> {
  try {
    const comments = (await sharp(buf).metadata()).comments ?? [];
    const text = comments.filter((c) => c.keyword === 'Comment' || c.keyword === 'Title').map((c) => c.text);
    return text.length ? { text: text.join('\n') } : { reason: '分享图片里没有写入它显示的文字，无法确认其中没有党内内容' };
  } catch (e) {
    return { reason: `分享图片读不出来：${e instanceof Error ? e.message : String(e)}` };
  }
}
