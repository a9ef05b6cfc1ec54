// The local registry, run as a child process of the rehearsal (see local-registry.mjs): Verdaccio with
// the config file the parent wrote, listening on 127.0.0.1 at a port the OS picks. It reports the port
// over IPC and exits as soon as the parent goes away, so a killed rehearsal never leaves it running.
// Usage (by fork only): node registry-server.mjs <config.yaml>
import { runServer } from "verdaccio";

const [configPath] = process.argv.slice(2);
if (!configPath || !process.send) {
  console.error("registry-server: expected to be forked with <config.yaml> and an IPC channel");
  process.exit(2);
}
process.on("disconnect", () => process.exit(0));

const server = await runServer(configPath);
server.on("error", (error) => {
  console.error(`registry-server: ${error.message}`);
  process.exit(1);
});
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
