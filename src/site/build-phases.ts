/**
 * Where the site stage's time goes, from Astro's own build hooks: putting unchanged pages in
 * place (before Astro starts), startup and configuration (until astro:config:done), content
 * sync (until astro:build:start), bundling and generating the pages (until
 * astro:build:generated), Astro's last writes (until astro:build:done), and removing pages no
 * longer claimed (after Astro). The bench prints them beside the stages,
 * so the fixed cost that does not depend on what changed is visible phase by phase.
 */
import type { AstroIntegration } from 'astro';

export interface PhaseMark {
  phase: string;
  label: string;
  at: number;
  cpu: number;
}

/** Marks taken during one Astro build. */
export class PhaseClock {
  readonly marks: PhaseMark[] = [];

  mark(phase: string, label: string): void {
    const c = process.cpuUsage();
    this.marks.push({ phase, label, at: performance.now(), cpu: (c.user + c.system) / 1e6 });
  }

  /** Each phase as the time since the mark before it. */
  phases(): { phase: string; label: string; wallSeconds: number; cpuSeconds: number }[] {
    return this.marks.slice(1).map((m, i) => ({
      phase: m.phase,
      label: m.label,
      wallSeconds: (m.at - this.marks[i]!.at) / 1000,
      cpuSeconds: m.cpu - this.marks[i]!.cpu,
    }));
  }
}

/** An integration that only marks the clock at Astro's build hooks. */
export function phaseIntegration(clock: PhaseClock): AstroIntegration {
  return {
    name: 'gongkai:phases',
    hooks: {
      'astro:config:done': () => clock.mark('config', '启动和配置'),
      'astro:build:start': () => clock.mark('sync', '内容同步'),
      'astro:build:generated': () => clock.mark('generate', '打包和生成页面'),
      'astro:build:done': () => clock.mark('write', '写出'),
    },
  };
}
