/**
 * The printing condition the PDFs declare (their PDF/X OutputIntent), from site.yaml's
 * `print` block: a characterisation registered with the ICC, declared by name, or the
 * county's own ICC output profile, embedded. Reading and checking a profile needs no pdfkit;
 * pdfx.ts writes the result.
 */
import { readFileSync } from 'node:fs';
import { ICC_REGISTRY, inspectProfile, REGISTERED_CONDITIONS, type IntentSetting } from '../../domain/icc-profile.ts';
import { ContentError } from '../../errors.ts';

export interface ResolvedIntent {
  condition: string;
  /** What the condition is, for people: the registry's name or the profile's description. */
  info: string;
  /** http://www.color.org when the condition is registered there. */
  registry?: string;
  profile?: Uint8Array;
}

/** Profiles read once per process (a worker renders many files with the same one). */
const profiles = new Map<string, Uint8Array>();

/** The OutputIntent for a setting; an unusable profile is the county's to fix, named with the setting. */
export function resolveIntent(setting: IntentSetting): ResolvedIntent {
  const registered = REGISTERED_CONDITIONS[setting.condition];
  if (!setting.profile) {
    if (!registered)
      throw new ContentError(
        `content/site.yaml 的 print.output_condition 是“${setting.condition}”，这不是国际色彩联盟登记的印刷条件，必须同时用 print.icc_profile 提供它的 ICC 特性文件。登记的印刷条件有：${Object.keys(REGISTERED_CONDITIONS).join('、')}。`,
      );
    return { condition: setting.condition, info: registered, registry: ICC_REGISTRY };
  }
  let bytes = profiles.get(setting.profile);
  if (!bytes) {
    try {
      bytes = readFileSync(setting.profile);
    } catch {
      throw new ContentError(
        `content/site.yaml 的 print.icc_profile 指定的特性文件 ${setting.profile} 读不到。请确认文件在仓库中、路径写对（相对仓库根目录）。`,
      );
    }
    const { problem } = inspectProfile(bytes);
    if (problem) throw new ContentError(`content/site.yaml 的 print.icc_profile 指定的 ${setting.profile} ${problem}。请换成印刷厂提供的 CMYK 特性文件。`);
    profiles.set(setting.profile, bytes);
  }
  const info = inspectProfile(bytes).description ?? registered ?? setting.condition;
  return { condition: setting.condition, info, ...(registered ? { registry: ICC_REGISTRY } : {}), profile: bytes };
}
