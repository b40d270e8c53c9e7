/**
 * A phone photographing a board, simulated: the board's PDF rendered by PDF.js at the density
 * the camera sees it, projected through a pinhole camera standing `distanceM` metres in front
 * of it and turned by `yawDeg` (perspective skew), lit unevenly, with sensor noise, blurred
 * (focus, shake) and saved as JPEG at a phone's quality — then read by the real posting reader.
 */
import sharp from 'sharp';
import PerspT from 'perspective-transform';
import { renderPdfPage, type Raster } from '../src/pipeline/pdf-raster.ts';

export interface Phone {
  name: string;
  width: number;
  height: number;
  /** Horizontal field of view of the main camera, degrees. */
  hfovDeg: number;
}

/** Main cameras as phones save their photos by default: 12 MP (most phones, and 48/50 MP sensors binned), 8 MP (older), 50 MP full. */
export const PHONES: Record<string, Phone> = {
  '8MP': { name: '800 万像素', width: 3264, height: 2448, hfovDeg: 66 },
  '12MP': { name: '1200 万像素', width: 4032, height: 3024, hfovDeg: 70 },
  '50MP': { name: '5000 万像素', width: 8160, height: 6120, hfovDeg: 80 },
};

export interface Shot {
  phone: Phone;
  distanceM: number;
  /** Turn of the board against the camera's axis: 0 is straight on. */
  yawDeg: number;
  /** Gaussian blur sigma in photo pixels (0: sharp). */
  blur: number;
  jpegQuality: number;
  /** Light across the board: even, falling off from one side, or the lower half in shade. */
  light: 'even' | 'side' | 'shade';
  /** Where the camera points, in millimetres from the board's centre (right, down), or at the footer's QR code (the lower right corner): a close-up. */
  aimMm?: [number, number] | 'footer-qr';
  /** Sensor noise, the spread of grey levels (default 12); a phone's own denoising leaves less, and less noise makes smaller files. */
  noise?: number;
  /** The day written into the EXIF, if any (with a GPS position beside it, as phones do). */
  exifDate?: string;
}

const rasters = new Map<string, Raster>();

/** The board's first page drawn at `pxPerMm`, kept for the next shot at the same density. */
async function boardRaster(pdf: string, pxPerMm: number): Promise<Raster> {
  const key = `${pdf}@${pxPerMm.toFixed(2)}`;
  let r = rasters.get(key);
  if (!r) {
    r = await renderPdfPage(pdf, 1, pxPerMm * 25.4);
    rasters.clear();
    rasters.set(key, r);
  }
  return r;
}

/** A deterministic PRNG (mulberry32), so a run's noise is the same every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Photographs a board (its PDF, `widthMm` × `heightMm`); returns the JPEG bytes. */
export async function photograph(pdf: string, widthMm: number, heightMm: number, shot: Shot): Promise<Buffer> {
  const { width: W, height: H } = shot.phone;
  const f = W / 2 / Math.tan((shot.phone.hfovDeg * Math.PI) / 360);
  const D = shot.distanceM * 1000;
  const yaw = (shot.yawDeg * Math.PI) / 180;
  // The footer's code sits in the lower right corner, about 8 cm in from both edges on every template.
  const [ax, ay] = shot.aimMm === 'footer-qr' ? [widthMm / 2 - 80, heightMm / 2 - 80] : (shot.aimMm ?? [0, 0]);
  const project = (X: number, Y: number): [number, number] => {
    const z = D + (X - ax) * Math.sin(yaw);
    return [W / 2 + (f * (X - ax) * Math.cos(yaw)) / z, H / 2 + (f * (Y - ay)) / z];
  };
  // The nearest edge is seen most densely: render the board at that density (capped, to keep memory sane).
  const density = Math.min(3, f / Math.max(D / 2, D - (widthMm / 2 + Math.abs(ax)) * Math.abs(Math.sin(yaw))));
  const r = await boardRaster(pdf, density);
  const corners = [
    project(-widthMm / 2, -heightMm / 2),
    project(widthMm / 2, -heightMm / 2),
    project(widthMm / 2, heightMm / 2),
    project(-widthMm / 2, heightMm / 2),
  ];
  const t = PerspT([0, 0, r.width, 0, r.width, r.height, 0, r.height], corners.flat());
  const c = t.coeffsInv;
  const out = Buffer.alloc(W * H * 3);
  const rand = mulberry32(Math.round(shot.distanceM * 100 + shot.yawDeg * 7 + shot.blur * 13));
  for (let v = 0; v < H; v++) {
    for (let u = 0; u < W; u++) {
      const den = c[6]! * u + c[7]! * v + 1;
      const x = (c[0]! * u + c[1]! * v + c[2]!) / den;
      const y = (c[3]! * u + c[4]! * v + c[5]!) / den;
      const light = shot.light === 'side' ? 0.4 + (0.65 * u) / W : shot.light === 'shade' && v > H * 0.5 ? 0.45 : 1;
      const noise = (rand() - 0.5) * (shot.noise ?? 12);
      const o = (v * W + u) * 3;
      if (x < 0 || y < 0 || x >= r.width - 1 || y >= r.height - 1) {
        // The wall around the board.
        out[o] = out[o + 1] = out[o + 2] = Math.max(0, Math.min(255, 140 * light + noise));
        continue;
      }
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      for (let ch = 0; ch < 3; ch++) {
        const p = (y0 * r.width + x0) * 4 + ch;
        const row = r.width * 4;
        const val = (r.rgba[p]! * (1 - fx) + r.rgba[p + 4]! * fx) * (1 - fy) + (r.rgba[p + row]! * (1 - fx) + r.rgba[p + row + 4]! * fx) * fy;
        out[o + ch] = Math.max(0, Math.min(255, val * light + noise));
      }
    }
  }
  let img = sharp(out, { raw: { width: W, height: H, channels: 3 } });
  if (shot.blur > 0.3) img = img.blur(shot.blur);
  if (shot.exifDate) {
    const stamp = `${shot.exifDate.replaceAll('-', ':')} 10:20:30`;
    img = img.withExif({
      IFD0: { DateTime: stamp, Make: 'Simulated', Model: 'Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 30/1 0/1' },
    });
  }
  return img.jpeg({ quality: shot.jpegQuality }).toBuffer();
}
