export { Neuron } from "./neuron.js";
export type { Activation, NeuronOptions } from "./neuron.js";
export { Layer } from "./layer.js";
export { MLP, NeuralNetwork } from "./neural-network.js";
export type { NeuralNetworkOptions } from "./neural-network.js";
export { Module } from "./module.js";
export { Linear } from "./linear.js";
export type { LinearOptions } from "./linear.js";
export { LeakyReLU, ReLU, Sigmoid, Tanh } from "./activations.js";
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
export { CheckpointError, loadCheckpoint, saveCheckpoint } from "./checkpoint.js";
export type { Checkpoint } from "./checkpoint.js";
export { StateDictError, load, save } from "./state-dict.js";
export type { HasStateDict, StateDict, TensorState } from "./state-dict.js";
export { formatParameterStatistics, parameterStatistics } from "./parameter-statistics.js";
export type { LayerStatistics, Statistics } from "./parameter-statistics.js";
export { formatFixed, formatGrouped, formatPercent } from "./python-format.js";
