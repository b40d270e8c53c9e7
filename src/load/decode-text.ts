/**
 * Bytes → text, the way clerks' editors actually save files.
 *
 * UTF-8 (with or without BOM) is accepted. GBK/GB18030 — what Windows Notepad calls "ANSI"
 * on a Chinese system — is detected and refused with instructions, never decoded silently:
 * a build that guessed wrong would publish mojibake. UTF-16 and binary files are named too.
 */
import { error, type Finding } from '../domain/diagnostics.ts';

/**
 * Refused text, with what it says when it could still be read (GBK): check looks through it for
 * the other problems — a phone number in it is reported too, so the clerk re-saves once and
 * fixes everything — but never publishes from it.
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; finding: Finding; readable?: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

const RESAVE_HINT = '请用 UTF-8 编码重新保存：记事本选“另存为”，编码选“UTF-8”；VS Code 点右下角的编码名称，选“通过编码保存”→“UTF-8”。';

export function decodeText(buf: Uint8Array): DecodeResult {
  if (buf.length === 0) {
    return { ok: false, finding: error('empty-file', '文件是空的', '请填写内容，或删除这个文件。可以运行 npm run new 生成一个带说明的条目。') };
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    let readable: string | undefined;
    try {
      readable = new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf.subarray(2)).replace(/\r\n?/g, '\n');
    } catch {
      readable = undefined;
    }
    return { ok: false, finding: error('encoding-utf16', '文件是以 UTF-16（Unicode）编码保存的', RESAVE_HINT), ...(readable ? { readable } : {}) };
  }
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const body = buf.subarray(start);
  if (body.includes(0)) {
    return {
      ok: false,
      finding: error(
        'binary-file',
        '这不是文本文件（可能是 Word、WPS 文档或图片改了扩展名）',
        '请把内容复制到一个新的 .md 文本文件中；可以运行 npm run new 生成模板。',
      ),
    };
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    try {
      const readable = gb18030.decode(body).replace(/\r\n?/g, '\n');
      return { ok: false, finding: error('encoding-gbk', '文件是以 GBK/GB18030 编码（记事本中的“ANSI”）保存的，不是 UTF-8', RESAVE_HINT), readable };
    } catch {
      return { ok: false, finding: error('encoding-unknown', '文件不是有效的 UTF-8 文本，可能已损坏', RESAVE_HINT) };
    }
  }
  if (text.trim() === '') {
    return { ok: false, finding: error('empty-file', '文件只有空白，没有内容', '请填写内容，或删除这个文件。') };
  }
  // CRLF (Windows) and lone CR (old Mac) line ends are normal; positions count lines the same way.
  return { ok: true, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}
