/**
 * QR codes in a photo, read by ZXing (zxing-wasm: the C++ reader phones' scanner apps build on),
 * which finds several codes in one picture (a board carries its footer code and the codes of
 * shortened entries) and copes with a phone's angle and blur better than jsQR. The reader's
 * WebAssembly is loaded from the installed package, never from the network.
 *
 * A whole board photographed from 3 m leaves its footer code under 2 pixels a module: ZXing
 * finds the code's corners in the whole picture but cannot read its modules; the same code cut
 * out and enlarged is read. So a code seen but not read is looked at again, close up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let ready: Promise<unknown> | undefined;

function prepare(): Promise<unknown> {
  if (!ready) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true }) as Promise<unknown>;
  }
  return ready;
}

export interface FoundCode {
  text: string;
  /** The code's width as a share of the picture's: a close-up of the code, or a whole board. */
  share: number;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Reading {
  codes: FoundCode[];
  /** Where ZXing saw a code's finder patterns but could not read its modules: a code too small in the picture. */
  unread: Box[];
}

async function read(rgba: Uint8Array, width: number, height: number): Promise<Reading> {
  await prepare();
  const data = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const found = await readBarcodes({ data, width, height, colorSpace: 'srgb' } as ImageData, {
    formats: ['QRCode'],
    tryHarder: true,
    tryRotate: true,
    tryInvert: false,
    tryDownscale: true,
    returnErrors: true,
    maxNumberOfSymbols: 16,
  });
  const codes: FoundCode[] = [];
  const unread: Box[] = [];
  for (const b of found) {
    const p = b.position;
    if (b.isValid) codes.push({ text: b.text, share: Math.hypot(p.topRight.x - p.topLeft.x, p.topRight.y - p.topLeft.y) / width });
    else {
      const xs = [p.topLeft.x, p.topRight.x, p.bottomLeft.x, p.bottomRight.x];
      const ys = [p.topLeft.y, p.topRight.y, p.bottomLeft.y, p.bottomRight.y];
      unread.push({ left: Math.min(...xs), top: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
    }
  }
  return { codes, unread };
}

/** Every QR code ZXing reads in an RGBA picture as it is. */
export async function readQrCodes(rgba: Uint8Array, width: number, height: number): Promise<FoundCode[]> {
  return (await read(rgba, width, height)).codes;
}

/** Codes seen but not read that are looked at again, at most. */
const MAX_CLOSE_UPS = 6;

/** How wide a code seen but not read is enlarged to before it is read again: ~10 pixels a module for a 37-module code. */
const CLOSE_UP_PX = 400;

/** The window around a code seen but not read: the code with its own width on every side (its quiet zone, and room for a wrong guess of its corners), inside the picture. */
export function closeUp(b: Box, width: number, height: number): Box {
  const m = Math.max(b.width, b.height);
  const left = Math.max(0, Math.floor(b.left - m));
  const top = Math.max(0, Math.floor(b.top - m));
  return { left, top, width: Math.min(width, Math.ceil(b.left + b.width + m)) - left, height: Math.min(height, Math.ceil(b.top + b.height + m)) - top };
}

/**
 * Every QR code found in an RGBA picture, looking closer when the whole picture does not give
 * `enough`: each code ZXing saw but could not read is cut out, enlarged and read again.
 */
export async function readQrCodesCloser(
  rgba: Uint8Array,
  width: number,
  height: number,
  enough: (codes: readonly FoundCode[]) => boolean,
): Promise<FoundCode[]> {
  const { codes: found, unread } = await read(rgba, width, height);
  if (enough(found)) return found;
  const image = sharp(rgba, { raw: { width, height, channels: 4 } });
  // The footer's code is the largest on a board (the codes beside shortened entries are smaller): the largest first, and a few at most, as each costs a read.
  for (const b of unread.sort((x, y) => y.width * y.height - x.width * x.height).slice(0, MAX_CLOSE_UPS)) {
    const w = closeUp(b, width, height);
    if (w.width < 8 || w.height < 8) continue;
    const zoom = Math.max(1, CLOSE_UP_PX / Math.max(b.width, b.height, 1));
    const { data, info } = await image
      .clone()
      .extract(w)
      .resize({ width: Math.round(w.width * zoom), kernel: 'lanczos3' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The share is of the whole picture: the code is as small in the photo as it was.
    const codes = (await read(data, info.width, info.height)).codes.map((c) => ({ text: c.text, share: (c.share * info.width) / zoom / width }));
    found.push(...codes);
    if (enough(codes)) break;
  }
  return found;
}
