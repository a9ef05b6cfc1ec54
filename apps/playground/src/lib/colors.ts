/** Class colours (Tableau 10's red, blue, green, orange, purple): distinct for up to five classes. */
export const CLASS_COLORS: readonly (readonly [number, number, number])[] = [
  [225, 87, 89],
  [78, 121, 167],
  [89, 161, 79],
  [242, 142, 43],
  [176, 122, 161],
];

/** The class colours as one flat array (r, g, b, r, g, b, …): read per pixel without destructuring. */
const PALETTE = Float64Array.from(CLASS_COLORS.flat());

/** A class colour as CSS. */
export function classColor(label: number): string {
  const [r, g, b] = CLASS_COLORS[label % CLASS_COLORS.length]!;
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The colour of a point of the plane from the softmax probabilities `p[0 … k-1]` (stored at `p[at …]`):
 * the classes' colours mixed by probability, over white — strong where the network is sure, pale where
 * it hesitates. Writes RGBA at `out[o …]`.
 */
export function regionPixel(
  p: ArrayLike<number>,
  at: number,
  k: number,
  out: Uint8ClampedArray,
  o: number,
): void {
  let r = 0;
  let g = 0;
  let b = 0;
  let best = 0;
  for (let c = 0; c < k; c++) {
    const q = p[at + c]!;
    r += q * PALETTE[3 * c]!;
    g += q * PALETTE[3 * c + 1]!;
    b += q * PALETTE[3 * c + 2]!;
    if (q > best) best = q;
  }
  if (!(r >= 0 && g >= 0 && b >= 0)) {
    out.fill(200, o, o + 3); // NaN probabilities (a diverged network): grey
    out[o + 3] = 255;
    return;
  }
  const confidence = k > 1 ? (best - 1 / k) / (1 - 1 / k) : 1;
  const alpha = 0.25 + 0.5 * confidence;
  out[o] = 255 + alpha * (r - 255);
  out[o + 1] = 255 + alpha * (g - 255);
  out[o + 2] = 255 + alpha * (b - 255);
  out[o + 3] = 255;
}

/** Negative and positive ends of the diverging scale of activations and weights (orange … blue). */
export const NEGATIVE: readonly [number, number, number] = [232, 125, 30];
export const POSITIVE: readonly [number, number, number] = [38, 110, 180];

/** A value on the diverging scale: `v / scale` in [-1, 1] from orange through white to blue. Writes RGBA. */
export function divergingPixel(v: number, scale: number, out: Uint8ClampedArray, o: number): void {
  const t = scale > 0 ? Math.max(-1, Math.min(1, v / scale)) : 0;
  const [r, g, b] = t < 0 ? NEGATIVE : POSITIVE;
  const s = Math.abs(t);
  out[o] = 255 + s * (r - 255);
  out[o + 1] = 255 + s * (g - 255);
  out[o + 2] = 255 + s * (b - 255);
  out[o + 3] = 255;
}

/** A weight as an edge colour (blue positive, orange negative). */
export function weightColor(w: number): string {
  const [r, g, b] = w < 0 ? NEGATIVE : POSITIVE;
  return `rgb(${r}, ${g}, ${b})`;
}

/** A class probability `p` in [0, 1] from white to the class's colour. Writes RGBA. */
export function probabilityPixel(label: number, p: number, out: Uint8ClampedArray, o: number): void {
  const [r, g, b] = CLASS_COLORS[label % CLASS_COLORS.length]!;
  const s = Math.max(0, Math.min(1, p));
  out[o] = 255 + s * (r - 255);
  out[o + 1] = 255 + s * (g - 255);
  out[o + 2] = 255 + s * (b - 255);
  out[o + 3] = 255;
}
