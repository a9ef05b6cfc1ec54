import { parseHTML } from "linkedom";

const svgNamespace = "http://www.w3.org/2000/svg";

/**
 * A fresh server-side DOM document (linkedom) for Observable Plot to draw into.
 *
 * @example
 * ```ts
 * const document = createSvgDocument();
 * ```
 */
export function createSvgDocument(): Document {
  // linkedom's document implements the parts of the DOM that Plot uses.
  return parseHTML("<!doctype html><html><body></body></html>").document;
}

/**
 * Creates an SVG element in the SVG namespace with the given attributes.
 *
 * @example
 * ```ts
 * const rect = createSvgElement(document, "rect", { width: 10, height: 10, fill: "white" });
 * ```
 */
export function createSvgElement(
  document: Document,
  tag: string,
  attributes: Record<string, string | number> = {},
): SVGElement {
  const element = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/**
 * Serialises a standalone SVG element (adds the `xmlns` a file needs).
 *
 * @example
 * ```ts
 * const text = serializeSvg(Plot.plot({ document, marks: [] }));
 * ```
 */
export function serializeSvg(svg: Element): string {
  svg.setAttribute("xmlns", svgNamespace);
  return svg.outerHTML;
}
