export { Value } from "./value.js";
