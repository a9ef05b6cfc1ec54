// TSDoc examples stay short: they may use these names without declaring them, as the docs around them
// do ("`model` is a Sequential, `opt` its optimizer"). An example gets an entry only when it uses the
// name and does not declare it itself; the entry's code runs first (after the auto-imports). A reader
// of the API reference sees the example as written; this file is where those names come from.

interface Prelude {
  /** The names the code declares. */
  provides: string[];
  code: string;
  /** Prelude names the code uses. */
  needs?: string[];
}

const common: Prelude[] = [
  {
    provides: ["readFileSync", "writeFileSync"],
    code: `import { readFileSync, writeFileSync } from "node:fs";`,
  },
  { provides: ["rng"], code: "const rng = createRng(0);" },
  {
    provides: ["model"],
    code: "const model = new Sequential(new Linear(2, 16, { rng: createRng(0) }), new ReLU(), new Linear(16, 3, { rng: createRng(1) }));",
  },
  {
    provides: ["net"],
    code: "const net = new NeuralNetwork([2, 16, 16, 3], { rng: new PythonRandom(42) });",
  },
];

const byPackage: Record<string, Prelude[]> = {
  autograd: [
    { provides: ["x"], code: "const x = tensor([1, 2], { requiresGrad: true });" },
    { provides: ["w"], code: "const w = tensor([[1, 2], [3, 4]], { requiresGrad: true });" },
    { provides: ["loss"], code: "const loss = new Value(2).mul(new Value(-3)).tanh();" },
  ],
  nn: [
    { provides: ["layer"], code: "const layer = new Linear(2, 16, { rng: createRng(0) });" },
    { provides: ["neuron"], code: "const neuron = new Neuron(2, { rng: new PythonRandom(42) });" },
    { provides: ["w"], code: "const w = zeros([16, 2]);" },
    { provides: ["x"], code: "const x = tensor([[0.5, -0.2, 1.5], [0.1, 0.9, -1]]);" },
    { provides: ["bn"], code: "const bn = new BatchNorm1d(3);" },
    { provides: ["batch"], code: "const batch = tensor([[0.5, -0.2, 1.5], [0.1, 0.9, -1]]);" },
    { provides: ["opt"], needs: ["model"], code: "const opt = new Adam(model.parameters(), { lr: 0.01 });" },
    {
      provides: ["adam"],
      needs: ["model"],
      code: "const adam = new Adam(model.parameters(), { lr: 0.01 });",
    },
    {
      provides: ["optimizer"],
      needs: ["model"],
      code: "const optimizer = new SGD(model.parameters(), { lr: 0.1 });",
    },
    {
      provides: ["scheduler"],
      needs: ["optimizer"],
      code: "const scheduler = new StepLR(optimizer, { stepSize: 3, gamma: 0.1 });",
    },
    {
      provides: ["loss"],
      needs: ["model"],
      code: "const loss = model.forward(tensor([[0.5, -0.2], [0.1, 0.9]])).crossEntropy([0, 2]);",
    },
    {
      provides: ["loader"],
      code: "const loader = new DataLoader(TensorDataset.fromDataset(moons({ nSamples: 100, rng: createRng(0) })), { batchSize: 16 });",
    },
  ],
  symbolic: [{ provides: ["forge"], code: "const forge = new MathForge();" }],
};

const uses = (source: string, name: string): boolean =>
  new RegExp(`(?<![.\\w$"'])${name.replace(/\$/g, "\\$")}\\b`).test(source);

/** The prelude code an example of `pkg` needs, given the names it declares itself. */
export function preludeFor(pkg: string, source: string, declared: Set<string>): string {
  const entries = [
    ...(byPackage[pkg] ?? []),
    ...common.filter(
      (c) => !(byPackage[pkg] ?? []).some((e) => e.provides.some((n) => c.provides.includes(n))),
    ),
  ];
  const chosen = new Set<Prelude>();
  const want = (name: string): void => {
    if (declared.has(name)) return;
    const entry = entries.find((e) => e.provides.includes(name));
    if (!entry || chosen.has(entry)) return;
    for (const n of entry.needs ?? []) want(n);
    chosen.add(entry);
  };
  for (const e of entries) for (const name of e.provides) if (uses(source, name)) want(name);
  return [...chosen].map((e) => e.code).join("\n");
}
