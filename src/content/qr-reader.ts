/**
 * QR codes in a photo, read by ZXing (zxing-wasm: the C++ reader phones' scanner apps build on),
 * which finds several codes in one picture (a board carries its footer code and the codes of
 * shortened entries) and copes with a phone's angle and blur better than jsQR. The reader's
 * WebAssembly is loaded from the installed package, never from the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** Every QR code found in an RGBA picture. */
export async function readQrCodes(rgba: Uint8Array, width: number, height: number): Promise<FoundCode[]> {
  await prepare();
  const data = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const found = await readBarcodes({ data, width, height, colorSpace: 'srgb' } as ImageData, {
    formats: ['QRCode'],
    tryHarder: true,
    tryRotate: true,
    tryInvert: false,
    tryDownscale: true,
    maxNumberOfSymbols: 16,
  });
  return found
    .filter((b) => b.isValid)
    .map((b) => {
      const { topLeft: a, topRight: c } = b.position;
      return { text: b.text, share: Math.hypot(c.x - a.x, c.y - a.y) / width };
    });
}
