export { packageName } from "./package-info.js";
