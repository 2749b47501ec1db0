import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../../../../src/lib/nn/activations.ts';
import { generate, splitTrainTest, toExample } from '../../../../src/lib/nn/datasets.ts';
import {
  adam,
  backward,
  classProbability,
  createNetwork,
  createOptimizer,
  crossEntropy,
  evaluate,
  flatten,
  forward,
  lossAndGradient,
  meanSquaredError,
  momentum,
  parameterCount,
  predict,
  sgd,
  trainStep,
  withParameters,
  type Example,
  type LayerActivation,
  type Loss,
  type Network,
  type OptimizerState,
  type TrainingOptions,
} from '../../../../src/lib/nn/mlp.ts';
import { deriveSeed, mulberry32, shuffle } from '../../../../src/lib/nn/random.ts';

const randomExamples = (
  seed: number,
  count: number,
  inputs: number,
  target: (r: () => number) => number[],
): Example[] => {
  const r = mulberry32(seed);
  const next = () => r.next();
  return Array.from({ length: count }, () => ({
    input: Array.from({ length: inputs }, () => 4 * next() - 2),
    target: target(next),
  }));
};

/**
 * Central differences (L(θ + εeₖ) − L(θ − εeₖ)) / 2ε for every parameter k, compared with backpropagation.
 * `options` may hold dropout; a fresh generator per evaluation draws the same masks each time.
 */
function gradientCheck(network: Network, batch: Example[], loss: Loss, options: () => TrainingOptions = () => ({})) {
  const theta = flatten(network.layers);
  const analytic = flatten(lossAndGradient(network, batch, loss, options()).gradient);
  const eps = 1e-6;
  const worst = { error: 0, index: -1, analytic: 0, numeric: 0 };
  theta.forEach((_, k) => {
    const shifted = (delta: number) =>
      withParameters(
        network,
        theta.map((p, i) => (i === k ? p + delta : p)),
      );
    const numeric =
      (lossAndGradient(shifted(eps), batch, loss, options()).loss -
        lossAndGradient(shifted(-eps), batch, loss, options()).loss) /
      (2 * eps);
    const error = Math.abs(numeric - analytic[k]!) / Math.max(1, Math.abs(numeric));
    if (error > worst.error) Object.assign(worst, { error, index: k, analytic: analytic[k]!, numeric });
  });
  return { worst, count: theta.length };
}

describe('mlp: backpropagation agrees with finite differences', () => {
  // Every hidden activation (step's f′ = 0 matches its flat pieces), three layers of weights, L2 on.
  it.each(ACTIVATION_IDS)('hidden %s, squared error with a tanh output, L2 0.01', (activation) => {
    const network = createNetwork({ inputs: 3, hidden: [4, 3], outputs: 2, activation, output: 'tanh' }, mulberry32(7));
    const batch = randomExamples(11, 5, 3, (r) => [2 * r() - 1, 2 * r() - 1]);
    const { worst, count } = gradientCheck(network, batch, meanSquaredError, () => ({ l2: 0.01 }));
    expect(count).toBe(4 * 4 + 3 * 5 + 2 * 4);
    expect(worst.error, JSON.stringify(worst)).toBeLessThan(1e-6);
  });

  const cases: Array<[string, LayerActivation, number, Loss, (r: () => number) => number[]]> = [
    ['squared error, linear output (regression)', 'linear', 1, meanSquaredError, (r) => [3 * r()]],
    ['squared error, sigmoid output', 'sigmoid', 1, meanSquaredError, (r) => [r() < 0.5 ? 0 : 1]],
    ['binary cross-entropy on one logit', 'linear', 1, crossEntropy, (r) => [r() < 0.5 ? 0 : 1]],
    ['binary cross-entropy with a soft target', 'linear', 1, crossEntropy, (r) => [r()]],
    [
      'softmax cross-entropy on three logits',
      'linear',
      3,
      crossEntropy,
      (r) =>
        [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ][Math.floor(3 * r())]!,
    ],
  ];
  it.each(cases)('%s', (_, output, outputs, loss, target) => {
    const network = createNetwork({ inputs: 2, hidden: [5], outputs, activation: 'tanh', output }, mulberry32(3));
    const { worst } = gradientCheck(network, randomExamples(5, 6, 2, target), loss, () => ({ l2: 0.003 }));
    expect(worst.error, JSON.stringify(worst)).toBeLessThan(1e-6);
  });

  it('with dropout: the gradient of the thinned network that was drawn', () => {
    // tanh, not ReLU: with most units of a layer dropped, a neuron's z can be exactly its bias 0, on ReLU's kink.
    const network = createNetwork(
      { inputs: 2, hidden: [6, 6], outputs: 1, activation: 'tanh', output: 'linear' },
      mulberry32(9),
    );
    const batch = randomExamples(2, 4, 2, (r) => [r() < 0.5 ? 0 : 1]);
    const options = () => ({ dropout: { rate: 0.5, random: mulberry32(42) } });
    const { worst } = gradientCheck(network, batch, crossEntropy, options);
    expect(worst.error, JSON.stringify(worst)).toBeLessThan(1e-6);
    // And dropout really changed something: the gradient differs from the one without it.
    expect(flatten(lossAndGradient(network, batch, crossEntropy, options()).gradient)).not.toEqual(
      flatten(lossAndGradient(network, batch, crossEntropy).gradient),
    );
  });

  it('reproduces the worked example of the learning-methods note', () => {
    // z₁ = w₁x + b₁, h = σ(z₁), ŷ = w₂h + b₂, L = ½(ŷ − y)², x = 1.5, y = 0.5.
    const network: Network = {
      layers: [
        { weights: [[0.8]], biases: [-0.2], activation: 'sigmoid' },
        { weights: [[2.0]], biases: [-0.5], activation: 'linear' },
      ],
    };
    const example = { input: [1.5], target: [0.5] };
    const { loss, gradient } = lossAndGradient(network, [example], meanSquaredError);
    expect(loss).toBeCloseTo(0.1068, 4);
    const [w1, b1, w2, b2] = flatten(gradient);
    expect([w1, b1, w2, b2].map((g) => Number(g!.toFixed(4)))).toEqual([0.2726, 0.1817, 0.3378, 0.4621]);
    const trace = forward(network, example.input);
    expect(trace.z[0]![0]).toBeCloseTo(1.0, 12);
    expect(trace.a[0]![0]).toBeCloseTo(0.7311, 4);
    expect(trace.a[1]![0]).toBeCloseTo(0.9621, 4);
    const optimizer = sgd(0.1);
    const after = trainStep(network, optimizer, optimizer.init(4), [example], meanSquaredError);
    expect(flatten(after.network.layers).map((p) => Number(p.toFixed(4)))).toEqual([0.7727, -0.2182, 1.9662, -0.5462]);
    expect(lossAndGradient(after.network, [example], meanSquaredError).loss).toBeCloseTo(0.0677, 4);
  });
});

describe('mlp: learns XOR from a fixed seed', () => {
  const XOR: Example[] = [
    { input: [0, 0], target: [0] },
    { input: [0, 1], target: [1] },
    { input: [1, 0], target: [1] },
    { input: [1, 1], target: [0] },
  ];

  it('the four XOR points, 100 % within 300 full-batch Adam steps', () => {
    let network = createNetwork(
      { inputs: 2, hidden: [4], outputs: 1, activation: 'tanh', output: 'linear' },
      mulberry32(1),
    );
    const optimizer = adam(0.1);
    let state = optimizer.init(parameterCount(network));
    expect(evaluate(network, XOR, crossEntropy).accuracy).toBeLessThan(1);
    let steps = 0;
    while (evaluate(network, XOR, crossEntropy).accuracy < 1 || evaluate(network, XOR, crossEntropy).loss > 0.05) {
      ({ network, state } = trainStep(network, optimizer, state, XOR, crossEntropy));
      steps++;
      expect(steps).toBeLessThanOrEqual(300);
    }
    expect(XOR.map((e) => Math.round(classProbability(network, e.input)))).toEqual([0, 1, 1, 0]);
  });

  it('the playground XOR data set: 100 % train and test accuracy within 1,000 mini-batch steps', () => {
    const points = generate('xor', { count: 400, noise: 0 }, mulberry32(deriveSeed(1, 'data')));
    const { train, test } = splitTrainTest(points, 0.5, mulberry32(deriveSeed(1, 'split')));
    const trainSet = train.map(toExample);
    const testSet = test.map(toExample);
    let network = createNetwork(
      { inputs: 2, hidden: [4, 4], outputs: 1, activation: 'tanh', output: 'linear' },
      mulberry32(deriveSeed(1, 'init')),
    );
    const optimizer = adam(0.03);
    let state = optimizer.init(parameterCount(network));
    const random = mulberry32(deriveSeed(1, 'train'));
    let order: number[] = [];
    for (let step = 0; step < 1000; step++) {
      if (order.length === 0)
        order = shuffle(
          trainSet.map((_, i) => i),
          random,
        );
      const batch = order.splice(0, 10).map((i) => trainSet[i]!);
      ({ network, state } = trainStep(network, optimizer, state, batch, crossEntropy));
    }
    expect(evaluate(network, trainSet, crossEntropy).accuracy).toBe(1);
    expect(evaluate(network, testSet, crossEntropy).accuracy).toBe(1);
    expect(evaluate(network, testSet, crossEntropy).loss).toBeLessThan(0.05);
  });
});

describe('optimizers: one step is the textbook update', () => {
  const theta = [1, -2];
  const g = [0.5, -1];
  const g2 = [-0.5, 2];

  it('SGD: θ ← θ − ηg', () => {
    const o = sgd(0.1);
    expect(o.step(theta, g, o.init(2)).theta).toEqual([1 - 0.1 * 0.5, -2 + 0.1 * 1]);
  });

  it('momentum: v ← μv + g, θ ← θ − ηv', () => {
    const o = momentum(0.1, 0.9);
    const first = o.step(theta, g, o.init(2));
    expect(first.theta).toEqual([0.95, -1.9]); // v₁ = g
    expect(first.state).toEqual({ kind: 'momentum', velocity: [0.5, -1] });
    const second = o.step(first.theta, g2, first.state);
    // v₂ = 0.9·(0.5, −1) + (−0.5, 2) = (−0.05, 1.1); θ₂ = (0.95, −1.9) − 0.1·v₂ = (0.955, −2.01)
    expect(second.theta[0]).toBeCloseTo(0.955, 14);
    expect(second.theta[1]).toBeCloseTo(-2.01, 14);
  });

  it('Adam: bias-corrected moments, every parameter moves by about α on the first step', () => {
    const o = adam(0.1);
    const first = o.step(theta, g, o.init(2));
    // m̂₁ = g, v̂₁ = g², so Δ = α·g/(|g| + ε).
    expect(first.theta[0]).toBeCloseTo(0.9, 7);
    expect(first.theta[1]).toBeCloseTo(-1.9, 7);
    const second = o.step(first.theta, g2, first.state);
    // By hand: m₂ = 0.9·m₁ + 0.1·g₂ with m₁ = 0.1·g; v₂ = 0.999·v₁ + 0.001·g₂² with v₁ = 0.001·g².
    const expected = [0, 1].map((i) => {
      const m = 0.9 * (0.1 * g[i]!) + 0.1 * g2[i]!;
      const v = 0.999 * (0.001 * g[i]! ** 2) + 0.001 * g2[i]! ** 2;
      return first.theta[i]! - (0.1 * (m / (1 - 0.9 ** 2))) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
    });
    expect(second.theta[0]).toBeCloseTo(expected[0]!, 12);
    expect(second.theta[1]).toBeCloseTo(expected[1]!, 12);
    // The same numbers written out: (0.9 + 0.005263…, −1.9 − 0.036610…).
    expect(second.theta[0]).toBeCloseTo(0.905263, 6);
    expect(second.theta[1]).toBeCloseTo(-1.93661, 5);
    expect(second.state).toMatchObject({ kind: 'adam', t: 2 });
  });

  it('Adam: the example of the note, gradients −6 and 20 both move by 0.1', () => {
    const o = adam(0.1);
    const grad = (th: number[]) => [2 * (th[0]! - 3), 20 * (th[1]! + 1)];
    let th = [0, 0];
    let state: OptimizerState = o.init(2);
    ({ theta: th, state } = o.step(th, grad(th), state));
    expect(th.map((v) => Number(v.toFixed(6)))).toEqual([0.1, -0.1]);
    for (let t = 2; t <= 500; t++) ({ theta: th, state } = o.step(th, grad(th), state));
    expect(th[0]).toBeCloseTo(3, 2);
    expect(th[1]).toBeCloseTo(-1, 2);
  });

  it('never mutates its inputs and refuses a state of another optimizer', () => {
    const o = adam(0.1);
    const state = o.init(2);
    const copy = structuredClone(state);
    const t = theta.slice();
    o.step(t, g, state);
    expect(state).toEqual(copy);
    expect(t).toEqual(theta);
    expect(() => sgd(0.1).step(theta, g, state)).toThrow(TypeError);
    expect(() => momentum(0.1).step(theta, [1], momentum(0.1).init(2))).toThrow(RangeError);
    expect(createOptimizer('momentum', 0.2)).toMatchObject({ id: 'momentum', learningRate: 0.2 });
  });
});

describe('mlp: numerics', () => {
  it('no NaN on saturated inputs: huge inputs, saturated sigmoid and tanh, logits of ±10⁴', () => {
    for (const activation of ACTIVATION_IDS) {
      const network = createNetwork(
        { inputs: 2, hidden: [3], outputs: 1, activation, output: 'linear' },
        mulberry32(4),
      );
      const big = withParameters(
        network,
        flatten(network.layers).map((p) => p * 50),
      );
      const batch: Example[] = [
        { input: [1e3, -1e3], target: [1] },
        { input: [-1e3, 1e3], target: [0] },
      ];
      const { loss, gradient } = lossAndGradient(big, batch, crossEntropy, { l2: 0.01 });
      expect(Number.isFinite(loss), activation).toBe(true);
      expect(flatten(gradient).every(Number.isFinite), activation).toBe(true);
      const o = adam(0.01);
      const stepped = trainStep(big, o, o.init(parameterCount(big)), batch, crossEntropy);
      expect(flatten(stepped.network.layers).every(Number.isFinite), activation).toBe(true);
    }
    expect(crossEntropy.value([1e4], [1])).toBe(0);
    expect(crossEntropy.value([-1e4], [1])).toBe(1e4);
    expect(crossEntropy.gradient([-1e4], [1])).toEqual([-1]);
    expect(crossEntropy.value([1000, -1000, 0], [0, 1, 0])).toBe(2000);
    expect(crossEntropy.gradient([1000, -1000, 0], [0, 1, 0])).toEqual([1, -1, 0]);
  });

  it('cross-entropy is −ln p of the true class', () => {
    expect(crossEntropy.value([0], [1])).toBeCloseTo(Math.LN2, 15);
    expect(crossEntropy.value([2], [0])).toBeCloseTo(-Math.log(1 - 1 / (1 + Math.exp(-2))), 14);
    const z = [1, 2, 3];
    const p = z.map((v) => Math.exp(v) / (Math.E + Math.exp(2) + Math.exp(3)));
    expect(crossEntropy.value(z, [0, 0, 1])).toBeCloseTo(-Math.log(p[2]!), 14);
    expect(meanSquaredError.value([1, 3], [0, 1])).toBe(0.5 * 1 + 0.5 * 4);
  });
});

describe('mlp: initialization, dropout, parameters', () => {
  it('the same seed gives the same network and the same run; another seed another', () => {
    const spec = { inputs: 2, hidden: [8, 8], outputs: 1, activation: 'relu', output: 'linear' } as const;
    expect(createNetwork(spec, mulberry32(5))).toEqual(createNetwork(spec, mulberry32(5)));
    expect(createNetwork(spec, mulberry32(5))).not.toEqual(createNetwork(spec, mulberry32(6)));
    const run = (seed: number) => {
      let network = createNetwork(spec, mulberry32(seed));
      const o = momentum(0.05);
      let state = o.init(parameterCount(network));
      const random = mulberry32(seed + 1);
      const data = randomExamples(seed, 40, 2, (r) => [r() < 0.5 ? 0 : 1]);
      for (let i = 0; i < 20; i++) {
        ({ network, state } = trainStep(network, o, state, data.slice(2 * i, 2 * i + 2), crossEntropy, {
          l2: 0.001,
          dropout: { rate: 0.2, random },
        }));
      }
      return flatten(network.layers);
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('initial weights have the He or Glorot spread and zero biases', () => {
    const wide = createNetwork(
      { inputs: 200, hidden: [200], outputs: 200, activation: 'relu', output: 'tanh' },
      mulberry32(8),
    );
    const variance = (ws: number[]) => ws.reduce((s, w) => s + w * w, 0) / ws.length;
    expect(variance(wide.layers[0]!.weights.flat())).toBeCloseTo(2 / 200, 3);
    expect(variance(wide.layers[1]!.weights.flat())).toBeCloseTo(2 / 400, 3);
    expect(wide.layers.every((l) => l.biases.every((b) => b === 0))).toBe(true);
  });

  it('dropout is for training only: zero or 1/(1 − p), and off when evaluating', () => {
    const network = createNetwork(
      { inputs: 2, hidden: [50], outputs: 1, activation: 'sigmoid', output: 'linear' },
      mulberry32(2),
    );
    const trace = forward(network, [0.3, -0.7], { rate: 0.4, random: mulberry32(1) });
    const mask = trace.masks[0]!;
    expect(new Set(mask.map((m) => m.toFixed(12)))).toEqual(new Set(['0.000000000000', (1 / 0.6).toFixed(12)]));
    const dropped = mask.filter((m) => m === 0).length / mask.length;
    expect(dropped).toBeGreaterThan(0.2);
    expect(dropped).toBeLessThan(0.6);
    expect(trace.masks[1]).toBeUndefined(); // never on the output
    expect(forward(network, [0.3, -0.7]).masks).toEqual([undefined, undefined]);
    expect(predict(network, [0.3, -0.7])).toEqual(forward(network, [0.3, -0.7]).a[1]);
    // Inverted dropout keeps the expected activation: averaged over many draws it approaches the undropped one.
    const random = mulberry32(3);
    const mean =
      Array.from({ length: 2000 }, () =>
        forward(network, [0.3, -0.7], { rate: 0.4, random }).a[0]!.reduce((a, b) => a + b, 0),
      ).reduce((a, b) => a + b, 0) / 2000;
    const plain = forward(network, [0.3, -0.7]).a[0]!.reduce((a, b) => a + b, 0);
    expect(Math.abs(mean - plain) / plain).toBeLessThan(0.02);
  });

  it('backward through an untouched mask equals backward without dropout', () => {
    const network = createNetwork(
      { inputs: 2, hidden: [3], outputs: 1, activation: 'tanh', output: 'linear' },
      mulberry32(2),
    );
    const trace = forward(network, [1, 2]);
    expect(backward(network, { ...trace, masks: [[1, 1, 1], undefined] }, [0.5])).toEqual(
      backward(network, trace, [0.5]),
    );
  });

  it('flattens in a fixed order, and counts parameters as in the note', () => {
    const network = createNetwork(
      { inputs: 784, hidden: [128, 64], outputs: 10, activation: 'relu', output: 'linear' },
      mulberry32(1),
    );
    expect(parameterCount(network)).toBe(109386);
    expect(flatten(network.layers)).toHaveLength(109386);
    const small = createNetwork(
      { inputs: 2, hidden: [3], outputs: 1, activation: 'tanh', output: 'linear' },
      mulberry32(1),
    );
    const theta = flatten(small.layers);
    expect(withParameters(small, theta)).toEqual(small);
    expect(theta.slice(0, 2)).toEqual(small.layers[0]!.weights[0]);
    expect(theta.slice(6, 9)).toEqual(small.layers[0]!.biases);
  });
});
