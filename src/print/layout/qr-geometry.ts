/**
 * How a QR code box is drawn (print/render/render-pdf.ts): the code's modules, error correction
 * M, inside a quiet zone of four modules on every side. The layout needs the quiet zone's share
 * of the box to know where the code's ink begins.
 */
import { qrSize } from '../../domain/qr-code.ts';

const QUIET_MODULES = 4;
const shares = new Map<string, number>();

/** The share (0–0.5) of a QR box's side taken by the quiet zone on one side, for `url`. */
export function qrQuietZone(url: string): number {
  let q = shares.get(url);
  if (q === undefined) {
    q = QUIET_MODULES / (qrSize(url) + 2 * QUIET_MODULES);
    if (shares.size > 1000) shares.clear();
    shares.set(url, q);
  }
  return q;
}
