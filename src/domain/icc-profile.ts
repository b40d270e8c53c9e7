/**
 * Printing conditions a county's PDFs may declare (their PDF/X OutputIntent) and the check
 * of an ICC profile offered as one, on its bytes: the loader checks site.yaml's profile
 * with it, the renderer embeds what passed. The domain reads no files.
 */

/** The print settings that reach the renderer: plain data, so they cross into worker threads. */
export interface IntentSetting {
  /** OutputConditionIdentifier, e.g. FOGRA39. */
  condition: string;
  /** Absolute path of a CMYK output profile (.icc) to embed, if the county gives one. */
  profile?: string;
}

/**
 * Characterisations in the ICC's registry (https://www.color.org/chardata/drsection1.xalter)
 * a county is likely to print to: offset on coated paper (FOGRA39, most shops in China calibrate
 * to ISO 12647-2), its 2013 successors, and Japan Color. Declared by name, no profile needed.
 */
export const REGISTERED_CONDITIONS: Readonly<Record<string, string>> = {
  FOGRA39: 'Coated FOGRA39 (ISO 12647-2:2004)',
  FOGRA51: 'PSO Coated v3 (ISO 12647-2:2013, FOGRA51)',
  FOGRA52: 'PSO Uncoated v3 (ISO 12647-2:2013, FOGRA52)',
  JC200103: 'Japan Color 2001 Coated (JC200103)',
};
export const DEFAULT_CONDITION = 'FOGRA39';
export const ICC_REGISTRY = 'http://www.color.org';

/**
 * Why `bytes` cannot serve as a PDF/X destination profile (an ICC output profile for CMYK,
 * ISO 15930-4), in Chinese, or undefined when it can. Also returns the description.
 */
export function inspectProfile(bytes: Uint8Array): { problem?: string; description?: string } {
  const ascii = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
  if (bytes.length < 132 || ascii(36, 4) !== 'acsp') return { problem: '不是 ICC 特性文件（色彩配置文件）' };
  if (ascii(16, 4) !== 'CMYK') return { problem: `是 ${ascii(16, 4).trim()} 色彩空间的特性文件，需要 CMYK 印刷特性文件` };
  if (ascii(12, 4) !== 'prtr') return { problem: '不是输出设备（印刷）特性文件，需要印刷用的 CMYK 特性文件（如 ISOcoated_v2_eci.icc）' };
  return { description: profileDescription(bytes) };
}

/** The 'desc' tag: ICC v2 textDescription (ASCII) or v4 multiLocalizedUnicode (first record). */
function profileDescription(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(128);
  for (let i = 0; i < count && 132 + 12 * i + 12 <= bytes.length; i++) {
    const at = 132 + 12 * i;
    if (view.getUint32(at) !== 0x64657363) continue; // 'desc'
    const off = view.getUint32(at + 4);
    if (off + 16 > bytes.length) return undefined;
    const type = String.fromCharCode(...bytes.subarray(off, off + 4));
    if (type === 'desc') {
      const n = view.getUint32(off + 8);
      return String.fromCharCode(...bytes.subarray(off + 12, Math.min(off + 12 + Math.min(n, 256), bytes.length))).replace(/\0+$/, '') || undefined;
    }
    if (type === 'mluc' && off + 28 <= bytes.length) {
      const len = view.getUint32(off + 20);
      const start = off + view.getUint32(off + 24);
      if (start + len > bytes.length) return undefined;
      let s = '';
      for (let j = 0; j + 1 < Math.min(len, 512); j += 2) s += String.fromCharCode(view.getUint16(start + j));
      return s.replace(/\0+$/, '') || undefined;
    }
  }
  return undefined;
}

/**
 * What site.yaml's print block asks the PDFs to declare: its condition, else FOGRA39; with a
 * profile of the county's own and no condition named, "Custom" (Acrobat's word for an
 * unregistered condition), described by the profile itself.
 */
export function intentSetting(print: { output_condition?: string | undefined; icc_profile?: string | undefined }): IntentSetting {
  const condition = print.output_condition ?? (print.icc_profile ? 'Custom' : DEFAULT_CONDITION);
  return print.icc_profile ? { condition, profile: print.icc_profile } : { condition };
}
