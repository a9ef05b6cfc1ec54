/** Labelled 2-D points: row-major `X` (n×2) and one class label per point. */
export interface PointSet {
  X: Float64Array;
  y: Int32Array;
}
