// Starts Verdaccio (the root devDependency, pinned) as a local npm registry for the rehearsal: storage and
// config in a folder of the sandbox, no uplink (nothing is proxied to a real registry), only
// `@neurogebra/*` served and publishable, every other name answered 404.
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SERVER = join(import.meta.dirname, "registry-server.mjs");
const START_TIMEOUT_MS = 60_000;

/**
 * @param {string} dir an empty folder for the registry's config, storage and htpasswd file
 * @returns {Promise<{ url: string, stop: () => Promise<void>, log: () => string }>}
 */
export async function startLocalRegistry(dir) {
  const storage = join(dir, "storage");
  mkdirSync(storage, { recursive: true });
  const config = {
    storage,
    uplinks: {},
    packages: {
      "@neurogebra/*": { access: "$all", publish: "$all" },
      "**": { access: "$all" },
    },
    auth: { htpasswd: { file: join(dir, "htpasswd") } },
    web: { enable: false },
    log: { type: "stdout", format: "pretty", level: "warn" },
  };
  const configPath = join(dir, "config.yaml");
  writeFileSync(configPath, JSON.stringify(config, null, 2) + "\n"); // JSON is YAML

  const child = fork(SERVER, [configPath], { stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let output = "";
  const collect = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Verdaccio did not start in ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    child.once("message", (message) => {
      clearTimeout(timer);
      resolve(message.port);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Verdaccio exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}/`,
    log: () => output,
    /** Ends the server (also safe to call from a synchronous exit handler: the kill is sent at once). */
    stop: () => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** The registry's document for a package (versions, dist-tags), or undefined when it has none. */
export async function fetchPackument(registry, name) {
  const response = await fetch(new URL(name.replace("/", "%2f"), registry));
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${name} from ${registry}: HTTP ${response.status}`);
  return response.json();
}
