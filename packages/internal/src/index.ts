/*
 * What the @neurogebra packages share and never publish: each one bundles the parts it uses (tsup
 * `noExternal`), so this package is a devDependency only and no published declaration names it. The
 * WebAssembly assembler is the subpath `@neurogebra/internal/wasm-assembler`.
 */
export {};
