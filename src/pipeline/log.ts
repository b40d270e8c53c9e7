/**
 * Where the pipeline says what it is doing: a numbered step, a line of progress or result, a
 * warning. The command line prints to the terminal; tests and the bench collect the lines.
 * Everything said here is Chinese, for the webmaster or the clerk at the terminal.
 */
export interface Log {
  info(line: string): void;
  warn(line: string): void;
}

export const consoleLog: Log = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
};

/** A log that keeps the lines (tests, the bench), optionally passing them on. */
export function collectingLog(pass?: Log): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info(line) {
      lines.push(line);
      pass?.info(line);
    },
    warn(line) {
      lines.push(line);
      pass?.warn(line);
    },
  };
}
