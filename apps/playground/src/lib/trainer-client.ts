import { proxy, wrap } from "comlink";
import type { Remote } from "comlink";

import type { NeuronView, RunInfo, RunRequest, Snapshot } from "../worker/run-types.js";
import type { TrainingApi } from "../worker/training.worker.js";

/**
 * The page's handle on the training worker. Every run gets a number; answers that arrive for an older
 * run (the settings changed meanwhile) are dropped, so the page only ever shows the current run.
 */
export class TrainerClient {
  readonly #api: Remote<TrainingApi>;
  #run = 0;

  constructor() {
    const worker = new Worker(new URL("../worker/training.worker.ts", import.meta.url), { type: "module" });
    this.#api = wrap<TrainingApi>(worker);
  }

  /** Sets up a run; null if a newer run was started before it was ready. */
  async configure(request: RunRequest): Promise<{ info: RunInfo; snapshot: Snapshot } | null> {
    const run = ++this.#run;
    const result = await this.#api.configure(request);
    return run === this.#run ? result : null;
  }

  /** Trains to the end (or a pause); `onUpdate` gets the snapshots on the way. Null if the run changed. */
  async play(onUpdate: (s: Snapshot) => void): Promise<Snapshot | null> {
    const run = this.#run;
    const final = await this.#api.play(proxy((s: Snapshot) => run === this.#run && onUpdate(s)));
    return run === this.#run ? final : null;
  }

  pause(): Promise<void> {
    return this.#api.pause();
  }

  async step(): Promise<Snapshot | null> {
    const run = this.#run;
    const snapshot = await this.#api.step();
    return run === this.#run ? snapshot : null;
  }

  exportModel(): Promise<string> {
    return this.#api.exportModel();
  }

  async importModel(json: string): Promise<Snapshot | null> {
    const run = this.#run;
    const snapshot = await this.#api.importModel(json);
    return run === this.#run ? snapshot : null;
  }

  inspect(layer: number, index: number, point: [number, number] | null): Promise<NeuronView> {
    return this.#api.inspect(layer, index, point);
  }
}
