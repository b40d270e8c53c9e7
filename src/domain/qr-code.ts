/**
 * QR codes of the site's addresses (boards, cards, share pictures, signage, 点题 forms): the
 * module matrix and the site's SVG, from lean-qr (no dependencies).
 *
 * Every code is error correction M at the smallest version that holds the text, segmented by
 * lean-qr's optimal mode mix (byte, and alphanumeric for runs like `-2026-12-`). The mask is
 * picked here, not by lean-qr: its penalty count differs from the one the codes were printed
 * with until now (the `qrcode` package, which follows ISO 18004's four rules but counts
 * finder-like runs only inside the symbol and rounds the dark share up), and on the demo county
 * 110 of 8,427 addresses would get another mask. Another mask scans as well, but every poster,
 * card and picture carrying that address would change; so each of the eight masks is scored by
 * those rules and the lowest wins (the first on a tie), and test/unit/qr-code.test.ts holds
 * the result to matrices made by `qrcode`.
 */
import { correction, generate, mode, type Bitmap2D, type Mask, type Mode, type ModeFactory } from 'lean-qr';

export interface QrMatrix {
  /** Modules across, without the quiet zone. */
  size: number;
  /** Whether the module at row `r`, column `c` is dark. */
  dark(r: number, c: number): boolean;
}

const MASKS: readonly Mask[] = [0, 1, 2, 3, 4, 5, 6, 7];

const utf8 = new TextEncoder();
/** Text as UTF-8 bytes without an ECI marker, as the codes have always been written (scanners read UTF-8 by default). */
const bytes: ModeFactory = Object.assign((value: string) => mode.bytes(utf8.encode(value)), {
  test: () => true,
  est: (value: string, version: number) => 12 + (version > 9 ? 8 : 0) + 8 * utf8.encode(value).length,
});
/** Numeric, alphanumeric and byte segments; no Kanji mode, no ECI. */
const M = { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M, modes: [mode.numeric, mode.alphaNumeric, bytes] } as const;

/** Rows of 0/1, row by row. */
function bits(code: Bitmap2D): Uint8Array {
  const n = code.size;
  const out = new Uint8Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) out[r * n + c] = code.get(c, r) ? 1 : 0;
  return out;
}

/** The penalty of one masked symbol: runs of five or more (N1), 2×2 blocks (N2), finder-like runs (N3), dark share (N4). */
export function maskPenalty(m: Uint8Array, n: number): number {
  let points = 0;
  for (let i = 0; i < n; i++) {
    // Row i and column i at once: same-colour runs, and the 1:1:3:1:1 pattern with four light modules on one side.
    let runRow = 0;
    let runCol = 0;
    let lastRow = -1;
    let lastCol = -1;
    let winRow = 0;
    let winCol = 0;
    for (let j = 0; j < n; j++) {
      const a = m[i * n + j]!;
      const b = m[j * n + i]!;
      if (a === lastRow) runRow++;
      else {
        if (runRow >= 5) points += 3 + runRow - 5;
        lastRow = a;
        runRow = 1;
      }
      if (b === lastCol) runCol++;
      else {
        if (runCol >= 5) points += 3 + runCol - 5;
        lastCol = b;
        runCol = 1;
      }
      winRow = ((winRow << 1) & 0x7ff) | a;
      winCol = ((winCol << 1) & 0x7ff) | b;
      if (j >= 10 && (winRow === 0x5d0 || winRow === 0x05d)) points += 40;
      if (j >= 10 && (winCol === 0x5d0 || winCol === 0x05d)) points += 40;
    }
    if (runRow >= 5) points += 3 + runRow - 5;
    if (runCol >= 5) points += 3 + runCol - 5;
  }
  let dark = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      dark += m[r * n + c]!;
      if (r < n - 1 && c < n - 1) {
        const s = m[r * n + c]! + m[r * n + c + 1]! + m[(r + 1) * n + c]! + m[(r + 1) * n + c + 1]!;
        if (s === 0 || s === 4) points += 3;
      }
    }
  }
  return points + 10 * Math.abs(Math.ceil((dark * 100) / (n * n) / 5) - 10);
}

/** Modules across the code of `text` (without the quiet zone): the version does not depend on the mask. */
export function qrSize(text: string): number {
  return generate(text, { ...M, mask: 0 }).size;
}

/**
 * The segments' bits of `text` at each version lean-qr tried, recorded as it writes them: the
 * optimal mode mix is worked out once, and the other seven masks replay it.
 */
function recorded(text: string): { mode: Mode; bits: Map<number, number[]> } {
  const auto = mode.auto(text, { modes: M.modes });
  const bits = new Map<number, number[]>();
  const recording: Mode = (data, version) => {
    const pushed: number[] = [];
    bits.set(version, pushed);
    auto({ push: (value, count) => (pushed.push(value, count), data.push(value, count)) }, version);
  };
  return { mode: recording, bits };
}

/** The QR code of `text` (error correction M), with the mask of lowest penalty. */
export function qrMatrix(text: string): QrMatrix {
  const rec = recorded(text);
  const first = generate(rec.mode, { ...M, mask: 0 });
  const n = first.size;
  // The version is the same for every mask; pinned, and its bits replayed.
  const version = (n - 17) / 4;
  const pushed = rec.bits.get(version)!;
  const replay: Mode = (data) => {
    for (let i = 0; i < pushed.length; i += 2) data.push(pushed[i]!, pushed[i + 1]!);
  };
  let best: { m: Uint8Array; penalty: number } | undefined;
  for (const mask of MASKS) {
    const code = mask === 0 ? first : generate(replay, { ...M, mask, minVersion: version, maxVersion: version });
    const m = bits(code);
    const penalty = maskPenalty(m, n);
    if (!best || penalty < best.penalty) best = { m, penalty };
  }
  const m = best!.m;
  return { size: n, dark: (r, c) => m[r * n + c] === 1 };
}

/**
 * The code as an SVG picture with `margin` light modules around it: a white square and one
 * path of horizontal strokes (half a module below each row's top, so a stroke of width 1 fills
 * the row), written exactly as the pages have always carried it.
 */
export function qrSvg(text: string, margin: number): string {
  const { size, dark } = qrMatrix(text);
  const total = size + margin * 2;
  let path = '';
  for (let r = 0; r < size; r++) {
    // `m` moves relative to where the last stroke ended, within the row; a new row starts with `M`.
    let newRow = true;
    let moveBy = 0;
    let length = 0;
    for (let c = 0; c < size; c++) {
      if (!dark(r, c)) {
        moveBy++;
        continue;
      }
      length++;
      if (!(c > 0 && dark(r, c - 1))) {
        path += newRow ? `M${c + margin} ${0.5 + r + margin}` : `m${moveBy} 0`;
        moveBy = 0;
        newRow = false;
      }
      if (!(c + 1 < size && dark(r, c + 1))) {
        path += `h${length}`;
        length = 0;
      }
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<path fill="#ffffff" d="M0 0h${total}v${total}H0z"/><path stroke="#000000" d="${path}"/></svg>\n`
  );
}
