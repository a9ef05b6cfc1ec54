// The rehearsal's throw-away world: one temporary folder for everything it writes (registry storage, the
// repo copy, npm projects, npm cache, a HOME of its own), environments in which no user or global
// npm/pnpm/git configuration applies, child processes that end with it, and a cleanup that runs whatever
// happens: success, an error, Ctrl-C or SIGTERM.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const COMMAND_TIMEOUT_MS = 10 * 60_000; // a build on a busy 2-core machine can take minutes
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** A command that failed: names the command, where it ran, how it ended, and the end of its output. */
export class CommandError extends Error {
  constructor(command, cwd, how, output) {
    const tail = output.trimEnd().split("\n").slice(-40).join("\n");
    super(`\`${command}\` in ${cwd} ${how}${tail ? `; its output ends with:\n${tail}` : ""}`);
    this.name = "CommandError";
    this.output = output;
  }
}

export function createSandbox(prefix) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const children = new Set();
  const cleanups = [];
  const removals = [];
  let cleaned = false;

  const killChildren = () => {
    for (const child of children) {
      try {
        process.kill(-child.pid, "SIGTERM"); // each child leads its own process group (detached)
      } catch {
        // already gone
      }
    }
  };
  const removeRoot = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  const onExit = () => {
    killChildren();
    if (!cleaned) removeRoot();
  };
  const onSignal = (signal) => {
    process.stderr.write(`\nrelease rehearsal: ${signal}, stopping and removing ${root}\n`);
    killChildren();
    for (const fn of cleanups) fn();
    removeRoot();
    cleaned = true;
    process.exit(SIGNALS[signal]);
  };
  process.on("exit", onExit);
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);

  return {
    root,

    /** A folder inside the sandbox (created if missing). */
    dir(name) {
      const p = join(root, name);
      mkdirSync(p, { recursive: true });
      return p;
    },

    /** Registers a synchronous-safe teardown (e.g. stopping the registry), run before the folder goes. */
    onCleanup(fn) {
      cleanups.push(fn);
    },

    /**
     * Runs a command to completion and returns its output; throws a CommandError when it exits non-zero,
     * is killed, or runs past the timeout. Output is captured, not shown.
     */
    run(cmd, args, { cwd, env, timeoutMs = COMMAND_TIMEOUT_MS } = {}) {
      const command = [cmd, ...args].join(" ");
      return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
        children.add(child);
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            // already gone
          }
        }, timeoutMs);
        child.on("error", (error) => {
          clearTimeout(timer);
          children.delete(child);
          reject(new CommandError(command, cwd, `could not start (${error.message})`, ""));
        });
        child.on("close", (code, signal) => {
          clearTimeout(timer);
          children.delete(child);
          if (code === 0) resolve({ stdout, stderr });
          else {
            const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
            reject(new CommandError(command, cwd, how, stdout + stderr));
          }
        });
      });
    },

    /**
     * Starts removing a folder that is no longer needed while the rehearsal goes on (deleting the repo
     * copy's thousands of folders takes seconds on a disk with discard); cleanup() waits for it.
     */
    discard(dir) {
      removals.push(rm(dir, { recursive: true, force: true, maxRetries: 3 }));
    },

    /** Stops what was registered and removes the whole folder. */
    async cleanup() {
      for (const fn of cleanups) await fn();
      await Promise.all(removals);
      removeRoot();
      if (existsSync(root)) throw new Error(`${root} is still there`);
      cleaned = true;
      process.off("exit", onExit);
      for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
    },
  };
}

/**
 * An environment for the rehearsal's commands, one per role (`name`), each with its own `.npmrc`. It
 * starts from this process's environment without any npm/pnpm/yarn/git/turbo variable, then points HOME,
 * the XDG folders, the temp folder, npm's user and global config and npm's cache into the sandbox, so
 * nothing the user configured (a registry, a scoped registry, a token, an `auth.ini`, git hooks or
 * signing) applies, and nothing the rehearsal fetches lands in the user's caches. pnpm keeps reading
 * packages from the user's store (`storeDir`), which an offline install only reads.
 */
export function isolatedEnv(sandbox, { name, storeDir, npmrc, extra = {} }) {
  const home = sandbox.dir(`home-${name}`);
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|yarn_|bun_|git_|turbo_)/i.test(key)) continue;
    env[key] = value;
  }
  const userconfig = join(home, ".npmrc");
  writeFileSync(userconfig, npmrc);
  const globalconfig = join(home, "global-npmrc");
  writeFileSync(globalconfig, "");
  const gitconfig = join(home, ".gitconfig");
  writeFileSync(gitconfig, "");
  const tmp = sandbox.dir(`tmp-${name}`);
  return {
    ...env,
    HOME: home,
    TMPDIR: tmp, // tsx's compile cache, npm's and others' scratch files stay in the sandbox too
    TMP: tmp,
    TEMP: tmp,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local/share"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_STATE_HOME: join(home, ".local/state"),
    npm_config_userconfig: userconfig,
    npm_config_globalconfig: globalconfig,
    npm_config_cache: sandbox.dir("npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    PNPM_CONFIG_STORE_DIR: storeDir,
    PNPM_CONFIG_UPDATE_NOTIFIER: "false",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_AUTHOR_NAME: "Release Rehearsal",
    GIT_AUTHOR_EMAIL: "rehearsal@localhost",
    GIT_COMMITTER_NAME: "Release Rehearsal",
    GIT_COMMITTER_EMAIL: "rehearsal@localhost",
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    ...extra,
  };
}
