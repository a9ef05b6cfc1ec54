export type { Algebra } from "./algebra.js";
export { numberAlgebra } from "./algebra.js";
export { CATEGORIES } from "./catalogue-data.js";
export type { Category } from "./catalogue-data.js";
export { call } from "./call.js";
export { compile } from "./compile.js";
export { add, div, float, mul, neg, num, pow, rational, sqrt, sub, sym } from "./construct.js";
export type { ExprLike, Numeric } from "./construct.js";
export { diff } from "./differentiate.js";
export { UnboundSymbolError, evaluate, evaluateWith } from "./evaluate.js";
export { FALSE, TRUE } from "./condition.js";
export type { BooleanNode, Condition, RelationNode, RelationOperator } from "./condition.js";
export { E, PI, assertNever } from "./expr.js";
export type {
  AddNode,
  BaseExpr,
  Bindings,
  CallNode,
  ConstantNode,
  Expr,
  FloatNode,
  MulNode,
  Piece,
  PiecewiseNode,
  PowNode,
  RationalNode,
  Substitutions,
  SymbolNode,
} from "./expr.js";
export { Expression } from "./expression.js";
export type { ExpressionInit } from "./expression.js";
export { FUNCTION_NAMES } from "./functions.js";
export type { FunctionName } from "./functions.js";
export { kinks } from "./kinks.js";
export { conditionToLatex, latexSymbolName, toLatex } from "./latex.js";
export { LimitExceededError, MAX_DEPTH, MAX_RATIONAL_BITS } from "./limits.js";
export { MathForge, UnknownExpressionError } from "./math-forge.js";
export type { ComparisonRow, ExplainLevel, ExpressionInfo, RegisterMeta } from "./math-forge.js";
export { ParseError } from "./parse-error.js";
export { parse } from "./parse.js";
export { conditionToString, toSympyString } from "./print.js";
export { countNodes, expand, simplify } from "./simplify.js";
export { erf, erfc, gamma, heaviside, polygamma } from "./special-functions.js";
export { piecewise, relation } from "./piecewise.js";
export { compose, substitute } from "./substitute.js";
