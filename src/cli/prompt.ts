/**
 * Questions at the terminal, for the commands that ask when flags are missing (new, init).
 * Lines are read through one iterator (not rl.question), so answers piped in are not lost.
 */
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../errors.ts';

export interface Prompter {
  readonly interactive: boolean;
  /** A required answer: the flag's value if given, else the typed line; an empty line cancels. */
  ask: (question: string, given?: string) => Promise<string>;
  /** An optional answer: an empty line (or no prompting at all) leaves it undefined. */
  askOptional: (question: string, given?: string) => Promise<string | undefined>;
  /** One typed line as it is (trimmed), '' for an empty line, undefined when the input has ended. */
  line: (question: string) => Promise<string | undefined>;
  close: () => void;
}

export function linePrompter(interactive: boolean): Prompter {
  const rl = interactive ? createInterface({ input: process.stdin, terminal: false }) : undefined;
  const lines = rl?.[Symbol.asyncIterator]();
  const line = async (question: string): Promise<string | undefined> => {
    process.stdout.write(question);
    const next = await lines!.next();
    return next.done ? undefined : String(next.value).trim();
  };
  const read = async (question: string): Promise<string> => (await line(question)) ?? '';
  return {
    interactive,
    ask: async (question, given) => {
      if (given !== undefined) return given;
      const answer = lines ? await read(question) : '';
      if (!answer) throw new UsageError('没有输入，已取消。');
      return answer;
    },
    askOptional: async (question, given) => (given !== undefined || !lines ? given : (await read(question)) || undefined),
    line: async (question) => (lines ? line(question) : undefined),
    close: () => rl?.close(),
  };
}
