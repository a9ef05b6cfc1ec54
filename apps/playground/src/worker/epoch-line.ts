import { formatFixed, formatPercent } from "@neurogebra/internal";

/**
 * The tutorial's epoch line, `f"  Epoch {epoch:>3d}/{epochs}: Loss = {epoch_loss:.4f}, Accuracy = {accuracy:.1%}"`,
 * with Python's rounding (`@neurogebra/nn`'s `formatFixed`/`formatPercent`) — what `pnpm demo` prints.
 *
 * @example
 * ```ts
 * formatEpochLine(0, 30, 15.3785, 111 / 240); // "  Epoch   0/30: Loss = 15.3785, Accuracy = 46.2%"
 * ```
 */
export function formatEpochLine(epoch: number, epochs: number, loss: number, accuracy: number): string {
  return `  Epoch ${String(epoch).padStart(3)}/${epochs}: Loss = ${formatFixed(loss, 4)}, Accuracy = ${formatPercent(accuracy, 1)}`;
}

/** The tutorial prints every fifth epoch and the last one. */
export function isPrintedEpoch(epoch: number, epochs: number): boolean {
  return epoch % 5 === 0 || epoch === epochs - 1;
}

/** An accuracy as the tutorial prints it (`f"{acc:.1%}"`), e.g. `93.3%`; a dash when there is none. */
export function accuracyText(accuracy: number): string {
  return Number.isFinite(accuracy) ? formatPercent(accuracy, 1) : "—";
}
