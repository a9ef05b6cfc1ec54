import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

import sirv from "sirv";

/** The built app's folder. */
export const DIST = fileURLToPath(new URL("../../dist", import.meta.url));

/**
 * A Content-Security-Policy as a strict host would send it: scripts and workers only from the page's own
 * origin, and no 'wasm-unsafe-eval' — so compiling WebAssembly is refused.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

export interface StaticServer {
  /** `http://127.0.0.1:<port>/<prefix>/` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built app as a plain static host would, on a free port (port 0: the OS picks), optionally
 * under a sub-folder (the app uses relative paths, so it works from any folder) and with headers such as
 * a Content-Security-Policy on every response.
 */
export async function serveDist(
  options: { headers?: Record<string, string>; prefix?: string } = {},
): Promise<StaticServer> {
  const files = sirv(DIST, { dev: false, etag: true });
  const prefix = options.prefix ?? "";
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const url = req.url ?? "/";
    if (prefix !== "") {
      if (!url.startsWith(`/${prefix}/`)) {
        res.statusCode = 404;
        res.end("not found");
        return;
      }
      req.url = url.slice(prefix.length + 1);
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${prefix === "" ? "" : `${prefix}/`}`,
    // Chromium keeps connections open; closing them first lets close() finish while the browser still runs.
    close: () =>
      new Promise((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
