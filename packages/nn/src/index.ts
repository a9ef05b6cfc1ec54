export { Neuron } from "./neuron.js";
export type { Activation, NeuronOptions } from "./neuron.js";
export { Layer } from "./layer.js";
export { MLP, NeuralNetwork } from "./neural-network.js";
export type { NeuralNetworkOptions } from "./neural-network.js";
export { Module } from "./module.js";
export { Linear } from "./linear.js";
export type { LinearOptions } from "./linear.js";
export { LeakyReLU, ReLU, Sigmoid, Tanh } from "./activations.js";
export { LogSoftmax, Softmax } from "./softmax.js";
export { Dropout } from "./dropout.js";
export type { DropoutOptions } from "./dropout.js";
export { BatchNorm1d } from "./batch-norm.js";
export type { BatchNorm1dOptions } from "./batch-norm.js";
export { Sequential } from "./sequential.js";
export { countParameters } from "./count-parameters.js";
export { Optimizer } from "./optimizers/optimizer.js";
export type { Parameter } from "./optimizers/parameter.js";
export { SGD } from "./optimizers/sgd.js";
export type { SGDOptions } from "./optimizers/sgd.js";
export { Adam, AdamBase, AdamW } from "./optimizers/adam.js";
export type { AdamOptions } from "./optimizers/adam.js";
export { OptimizerStateError } from "./optimizers/optimizer-state.js";
export type {
  AdamParamGroup,
  AdamParameterState,
  AdamStateDict,
  OptimizerStateDict,
  SGDParamGroup,
  SGDParameterState,
  SGDStateDict,
} from "./optimizers/optimizer-state.js";
export { LRScheduler, LRSchedulerStateError } from "./schedulers/lr-scheduler.js";
export type { LRSchedulerStateDict } from "./schedulers/lr-scheduler.js";
export { StepLR } from "./schedulers/step-lr.js";
export type { StepLROptions } from "./schedulers/step-lr.js";
export { ExponentialLR } from "./schedulers/exponential-lr.js";
export type { ExponentialLROptions } from "./schedulers/exponential-lr.js";
export { CosineAnnealingLR } from "./schedulers/cosine-annealing-lr.js";
export type { CosineAnnealingLROptions } from "./schedulers/cosine-annealing-lr.js";
export { clipGradNorm, clipGradValue } from "./clip-grad.js";
export type { ClipGradNormOptions } from "./clip-grad.js";
export type { InitOptions, KaimingOptions, Nonlinearity, XavierOptions } from "./init.js";
export { TensorDataset } from "./tensor-dataset.js";
export type { DatasetColumn, DatasetLike } from "./tensor-dataset.js";
export { DataLoader } from "./data-loader.js";
export type { Batch, DataLoaderOptions } from "./data-loader.js";
export { ValueDataLoader } from "./value-data-loader.js";
export { CheckpointError, loadCheckpoint, saveCheckpoint } from "./checkpoint.js";
export type { Checkpoint } from "./checkpoint.js";
export { ProblemListError } from "./problem-list-error.js";
export { StateDictError, load, save } from "./state-dict.js";
export type { HasStateDict, StateDict, TensorState } from "./state-dict.js";
export { formatParameterStatistics, parameterStatistics } from "./parameter-statistics.js";
export type { LayerStatistics, Statistics } from "./parameter-statistics.js";
export { formatFixed, formatGrouped, formatPercent, formatRepr } from "./python-format.js";
/**
 * Weight initialisation, PyTorch's `torch.nn.init`: `init.kaimingUniform(w)`, `init.xavierNormal(w)`,
 * `init.zeros(b)`, … (in place, drawing from the default generator or `{ rng }`). See `init.ts`.
 */
import * as init from "./init.js";

export { init };
