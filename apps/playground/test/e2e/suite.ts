import { afterAll, afterEach, beforeAll, expect } from "vitest";

import { launch } from "./browser.js";
import type { Browser } from "./browser.js";
import { serveDist } from "./serve.js";
import type { StaticServer } from "./serve.js";

/**
 * One browser for a test file, opened before its tests and closed after, and a check after every test
 * that the pages it opened raised no uncaught error and logged no console error. Returns a getter.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(browser?.problems, "uncaught errors or console errors").toEqual([]);
  });
  return () => {
    if (browser === undefined) throw new Error("useBrowser: the browser is not open yet");
    return browser;
  };
}

/** A server for a test file: started before its tests, closed after. Returns a getter. */
export function useServer(options: Parameters<typeof serveDist>[0] = {}): () => StaticServer {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDist(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (server === undefined) throw new Error("useServer: the server is not started yet");
    return server;
  };
}
