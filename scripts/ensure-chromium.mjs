/**
 * Finds a Chromium for Playwright, installing one when missing, so a fresh machine needs no
 * manual step. Order: CHROMIUM_PATH, Debian's /usr/bin/chromium, `apt-get install chromium`
 * (when root), then Playwright's own download. Prints the executable path (empty = Playwright's own).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function log(message) {
  process.stderr.write(`[chromium] ${message}\n`);
}

function run(cmd, args, extraEnv = {}, quiet = false) {
  const stdout = quiet ? "ignore" : "inherit";
  execFileSync(cmd, args, { stdio: ["ignore", stdout, "inherit"], env: { ...process.env, ...extraEnv } });
}

function hasCommand(cmd) {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function ensureChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && hasCommand("apt-get")) {
    log("installing Debian's chromium with apt-get (about 30 s)…");
    try {
      const env = { DEBIAN_FRONTEND: "noninteractive" };
      run("apt-get", ["update", "-qq"], env, true);
      run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], env, true);
      if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    } catch (error) {
      log(`apt-get failed (${error.message}); trying Playwright's own browser`);
    }
  }
  log("downloading Playwright's chromium…");
  run("npx", ["playwright", "install", "chromium"]);
  return "";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${ensureChromium()}\n`);
}
