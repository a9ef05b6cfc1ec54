/// <reference lib="webworker" />
import { expose, transfer } from "comlink";

import type { NeuronView, RunInfo, RunRequest, Snapshot } from "./run-types.js";
import { Trainer } from "./trainer.js";

/**
 * Least time between two snapshots with pictures while playing (the page redraws at most this often), and
 * at least three times what the pictures took, so a big network spends most of its time training.
 */
const PICTURE_INTERVAL_MS = 50;

let trainer: Trainer | null = null;
let playing = false;
/** Bumped by every configure/pause, so a play loop of an older run stops. */
let generation = 0;

/** Lets queued messages (pause, inspect, …) run between epochs, without setTimeout's 4 ms clamp. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function current(): Trainer {
  if (trainer === null) throw new Error("training worker: configure() first");
  return trainer;
}

/** A snapshot with its pixel buffers handed over (not copied). */
function send(snapshot: Snapshot): Snapshot {
  const buffers = snapshot.maps === null ? [] : [snapshot.maps.decision.buffer, snapshot.maps.neurons.buffer];
  return transfer(snapshot, buffers as ArrayBuffer[]);
}

/** The worker's API, called from the page through comlink. */
const api = {
  /** Sets up a run (data, network at its initial weights); returns its points and a first snapshot. */
  configure(request: RunRequest): { info: RunInfo; snapshot: Snapshot } {
    generation++;
    playing = false;
    trainer = new Trainer(request);
    const snapshot = trainer.snapshot(true);
    return transfer({ info: trainer.info, snapshot }, [
      snapshot.maps!.decision.buffer,
      snapshot.maps!.neurons.buffer,
    ] as ArrayBuffer[]);
  },

  /**
   * Trains until the configured epochs are done or `pause()` is called, sending snapshots to `onUpdate`
   * (with pictures at most every 50 ms); resolves with the final snapshot (with pictures).
   */
  async play(onUpdate: (snapshot: Snapshot) => void): Promise<Snapshot> {
    const t = current();
    const mine = ++generation;
    playing = true;
    let nextPictures = performance.now() + PICTURE_INTERVAL_MS;
    while (playing && mine === generation && !t.done) {
      t.trainEpoch();
      const now = performance.now();
      if (!t.done && now >= nextPictures) {
        onUpdate(send(t.snapshot(true)));
        const after = performance.now();
        nextPictures = after + Math.max(PICTURE_INTERVAL_MS, 3 * (after - now));
      }
      await yieldToMessages();
    }
    if (mine === generation) playing = false;
    return send(t.snapshot(true));
  },

  pause(): void {
    playing = false;
    generation++;
  },

  /** One epoch (nothing when done); the snapshot after it. */
  step(): Snapshot {
    const t = current();
    t.trainEpoch();
    return send(t.snapshot(true));
  },

  exportModel(): string {
    return current().exportModel();
  },

  /** Loads a model file; throws a readable error when it does not fit. */
  importModel(json: string): Snapshot {
    const t = current();
    t.importModel(json);
    return send(t.snapshot(true));
  },

  inspect(layer: number, index: number, point: [number, number] | null): NeuronView {
    return current().inspect(layer, index, point);
  },

  testPredictions(): Int32Array {
    return current().testPredictions();
  },
};

export type TrainingApi = typeof api;

expose(api);
