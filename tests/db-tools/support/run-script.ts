/**
 * Runs one of the repository's `scripts/*.ts` the way its `npm run` entry does (tsx, with the
 * react-server condition so modules marked `import "server-only"` load), capturing its output.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      `${REPO_ROOT}node_modules/.bin/tsx`,
      ["--conditions=react-server", `scripts/${script}`, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
