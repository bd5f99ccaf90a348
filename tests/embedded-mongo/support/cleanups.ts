/** Per-test clean-up for tests that start servers and make temporary directories. */
import { afterEach } from "vitest";
import { makeTempDir } from "./processes";

export interface Cleanups {
  /** Run `task` after the current test, newest first. */
  defer(task: () => Promise<void>): void;
  /** A fresh temporary directory, removed after the current test. */
  tempDir(prefix: string): Promise<string>;
}

export function useCleanups(): Cleanups {
  const tasks: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (tasks.length) await tasks.pop()!();
  });
  return {
    defer: (task) => {
      tasks.push(task);
    },
    tempDir: async (prefix) => {
      const dir = await makeTempDir(prefix);
      tasks.push(dir.remove);
      return dir.path;
    },
  };
}
