export { formatFixed, formatGrouped, formatPercent } from "./python-format.js";
