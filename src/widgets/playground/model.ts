// The network playground's state and everything it shows, as pure functions: the configuration (which lives in
// the URL hash), the data set it generates, the training run, the metrics and loss history, and the pictures'
// numbers (network output and every neuron's output over a grid). The server renders `derive()` of a snapshot;
// the custom element (view.ts) dispatches actions, a few training steps per animation frame, and paints.
// Imports only src/lib. Same configuration, seed included ⇒ same data, same initial network, same run.
import {
  ACTIVATION_IDS,
  activationFunctions,
  isActivationId,
  type ActivationId,
} from '../../lib/nn/activation-core.ts';
import {
  DATASET_IDS,
  MAX_NOISE,
  generate,
  isDatasetId,
  splitTrainTest,
  toExample,
  type DatasetId,
  type Point,
} from '../../lib/nn/datasets.ts';
import { formatNumber } from '../../lib/text/format-number.ts';
import { fillTemplate } from '../../lib/text/template.ts';
import type { Lang } from '../../lib/content/lang.ts';
import {
  OPTIMIZER_IDS,
  createNetwork,
  createOptimizer,
  crossEntropy,
  evaluate,
  isOptimizerId,
  parameterCount,
  trainStep,
  type Example,
  type Network,
  type OptimizerId,
  type OptimizerState,
} from '../../lib/nn/mlp.ts';
import { deriveSeed, mulberry32, shuffle } from '../../lib/nn/random.ts';
import { hashList, hashNumber, hashOneOf, hashState, type HashType } from '../../lib/text/hash-state.ts';
import { configHash, type WidgetModel } from '../kit/widget-model.ts';

/** Name of the playground's segment in the URL hash: `#playground:d=xor&h=4,4&…`. */
export const HASH_NAME = 'playground';
/** Points per data set, split into training and test points. */
export const POINT_COUNT = 400;
export const MAX_LAYERS = 4;
export const MAX_NEURONS = 8;
/** The choices each control offers; a value from a URL is snapped to the nearest one. */
export const CHOICES = {
  noise: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5],
  trainFraction: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
  learningRate: [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3],
  batchSize: Array.from({ length: 30 }, (_, i) => i + 1),
  l2: [0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1],
  dropout: [0, 0.1, 0.2, 0.3, 0.4, 0.5],
} as const;
/** Seeds are 32-bit unsigned integers. */
export const MAX_SEED = 2 ** 32 - 1;
/** The loss history keeps at most this many points; older ones are thinned out as it grows. */
export const MAX_HISTORY = 400;

export interface PlaygroundConfig {
  readonly dataset: DatasetId;
  /** Noise level ν in [0, 0.5]: each point moves by up to ν in x and in y. */
  readonly noise: number;
  /** Share of the points used for training; the others are the test set. */
  readonly trainFraction: number;
  /** Neurons per hidden layer, 0 to 4 layers of 1 to 8. */
  readonly hidden: readonly number[];
  /** Activation of the hidden layers (the output is one logit, read through σ and cross-entropy). */
  readonly activation: ActivationId;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerId;
  /** λ of the L2 penalty (λ/2)ΣW². */
  readonly l2: number;
  /** Dropout rate p of the hidden layers, in training only. */
  readonly dropout: number;
  readonly seed: number;
}

/** A small network that learns every data set but the spiral within seconds. */
export const DEFAULT_CONFIG: PlaygroundConfig = {
  dataset: 'circles',
  noise: 0,
  trainFraction: 0.5,
  hidden: [4, 4],
  activation: 'tanh',
  learningRate: 0.03,
  batchSize: 10,
  optimizer: 'adam',
  l2: 0,
  dropout: 0,
  seed: 1,
};

/** A training run: everything that changes as the network trains. */
export interface Run {
  readonly network: Network;
  readonly optimizerState: OptimizerState;
  /** State of the generator that orders the mini-batches and draws dropout masks. */
  readonly randomState: number;
  /** This epoch's order of the training examples, and how far into it training is. */
  readonly order: readonly number[];
  readonly cursor: number;
  /** Mini-batch steps taken. */
  readonly step: number;
  /** Complete passes over the training set. */
  readonly epoch: number;
}

export interface Metrics {
  /** Mean cross-entropy on the training and the test set (without the L2 term). */
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
}

export interface HistoryPoint {
  readonly step: number;
  readonly trainLoss: number;
  readonly testLoss: number;
}

export interface PlaygroundState {
  readonly config: PlaygroundConfig;
  readonly points: { readonly train: readonly Point[]; readonly test: readonly Point[] };
  readonly examples: { readonly train: readonly Example[]; readonly test: readonly Example[] };
  readonly run: Run;
  readonly metrics: Metrics;
  readonly history: readonly HistoryPoint[];
  readonly playing: boolean;
}

export type PlaygroundAction =
  /** Change part of the configuration: the run restarts from step 0 (so the URL always describes the run). */
  | { readonly type: 'configure'; readonly patch: Partial<PlaygroundConfig> }
  /** Number of hidden layers (new layers get 4 neurons). */
  | { readonly type: 'layers'; readonly count: number }
  /** Neurons of hidden layer `layer` (0-based). */
  | { readonly type: 'neurons'; readonly layer: number; readonly count: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  /** Train `steps` mini-batch steps, then measure and record the losses. */
  | { readonly type: 'train'; readonly steps: number }
  /** Back to step 0 with the same configuration and seed, paused. */
  | { readonly type: 'reset' }
  /** Replace the whole configuration (from a shared URL), paused at step 0. */
  | { readonly type: 'load'; readonly config: PlaygroundConfig };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The entry of `choices` nearest to `value` (the first for NaN). */
export function snap(value: number, choices: readonly number[]): number {
  let best = choices[0]!;
  for (const choice of choices) if (Math.abs(choice - value) < Math.abs(best - value)) best = choice;
  return best;
}

/** A configuration with every field valid: unknown names fall back to the default, numbers snap to the choices. */
export function normalizeConfig(config: Partial<PlaygroundConfig>): PlaygroundConfig {
  const d = DEFAULT_CONFIG;
  const number = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  const hidden = Array.isArray(config.hidden) ? config.hidden : d.hidden;
  return {
    dataset: isDatasetId(config.dataset) ? config.dataset : d.dataset,
    noise: snap(number(config.noise, d.noise), CHOICES.noise),
    trainFraction: snap(number(config.trainFraction, d.trainFraction), CHOICES.trainFraction),
    hidden: hidden.slice(0, MAX_LAYERS).map((n) => clamp(Math.round(number(n, 4)), 1, MAX_NEURONS)),
    activation: isActivationId(config.activation) ? config.activation : d.activation,
    learningRate: snap(number(config.learningRate, d.learningRate), CHOICES.learningRate),
    batchSize: snap(number(config.batchSize, d.batchSize), CHOICES.batchSize),
    optimizer: isOptimizerId(config.optimizer) ? config.optimizer : d.optimizer,
    l2: snap(number(config.l2, d.l2), CHOICES.l2),
    dropout: snap(number(config.dropout, d.dropout), CHOICES.dropout),
    seed: clamp(Math.floor(number(config.seed, d.seed)), 0, MAX_SEED),
  };
}

/** Whether two configurations describe the same run. */
export function sameConfig(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return toHash(a) === toHash(b);
}

/**
 * The data of a configuration: POINT_COUNT points of its data set and noise, split by its train fraction.
 * Drawn from streams derived from the seed, so changing the network never changes the data.
 */
export function makeData(config: PlaygroundConfig): Pick<PlaygroundState, 'points' | 'examples'> {
  const all = generate(
    config.dataset,
    { count: POINT_COUNT, noise: config.noise },
    mulberry32(deriveSeed(config.seed, 'data')),
  );
  const { train, test } = splitTrainTest(all, config.trainFraction, mulberry32(deriveSeed(config.seed, 'split')));
  return { points: { train, test }, examples: { train: train.map(toExample), test: test.map(toExample) } };
}

/** Step 0 of a run: a seeded network 2 → hidden → 1 (one logit) and a fresh optimizer. */
export function startRun(config: PlaygroundConfig): Run {
  const network = createNetwork(
    { inputs: 2, hidden: config.hidden, outputs: 1, activation: config.activation, output: 'linear' },
    mulberry32(deriveSeed(config.seed, 'init')),
  );
  return {
    network,
    optimizerState: createOptimizer(config.optimizer, config.learningRate).init(parameterCount(network)),
    randomState: deriveSeed(config.seed, 'train'),
    order: [],
    cursor: 0,
    step: 0,
    epoch: 0,
  };
}

/**
 * `steps` steps of mini-batch training: each epoch visits the training set in a fresh random order, in batches
 * of `batchSize` (the last batch of an epoch may be smaller); each step is one `trainStep` with cross-entropy,
 * the L2 penalty and dropout of the configuration.
 */
export function advance(run: Run, config: PlaygroundConfig, train: readonly Example[], steps: number): Run {
  if (train.length === 0 || steps <= 0) return run;
  const random = mulberry32(run.randomState);
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  const options = { l2: config.l2, ...(config.dropout > 0 ? { dropout: { rate: config.dropout, random } } : {}) };
  let { network, optimizerState, order, cursor, step, epoch } = run;
  for (let s = 0; s < steps; s++) {
    if (cursor >= order.length) {
      order = shuffle(
        train.map((_, i) => i),
        random,
      );
      cursor = 0;
    }
    const batch: Example[] = [];
    for (let k = 0; k < config.batchSize && cursor < order.length; k++) batch.push(train[order[cursor++]!]!);
    ({ network, state: optimizerState } = trainStep(network, optimizer, optimizerState, batch, crossEntropy, options));
    step++;
    if (cursor >= order.length) epoch++;
  }
  return { network, optimizerState, randomState: random.state(), order, cursor, step, epoch };
}

/** Loss and accuracy of the network on both sets. */
export function measure(network: Network, examples: PlaygroundState['examples']): Metrics {
  const train = evaluate(network, examples.train, crossEntropy);
  const test = evaluate(network, examples.test, crossEntropy);
  return { trainLoss: train.loss, testLoss: test.loss, trainAccuracy: train.accuracy, testAccuracy: test.accuracy };
}

/** `history` with `point` appended; past MAX_HISTORY points every other one of the older half is dropped. */
export function appendHistory(history: readonly HistoryPoint[], point: HistoryPoint): HistoryPoint[] {
  const last = history.at(-1);
  const next = last && last.step === point.step ? [...history.slice(0, -1), point] : [...history, point];
  if (next.length <= MAX_HISTORY) return next;
  const half = Math.floor(next.length / 2);
  return [...next.slice(0, half).filter((_, i) => i % 2 === 0), ...next.slice(half)];
}

/** A playground at step 0 of `config`. */
export function createState(config: PlaygroundConfig, playing = false): PlaygroundState {
  const data = makeData(config);
  const run = startRun(config);
  const metrics = measure(run.network, data.examples);
  return {
    config,
    ...data,
    run,
    metrics,
    history: [{ step: 0, trainLoss: metrics.trainLoss, testLoss: metrics.testLoss }],
    playing,
  };
}

export const initialState: PlaygroundState = createState(DEFAULT_CONFIG);

/** The next state after `action`. Never throws; actions that change nothing return the same object. */
export function update(state: PlaygroundState, action: PlaygroundAction): PlaygroundState {
  switch (action.type) {
    case 'configure': {
      const config = normalizeConfig({ ...state.config, ...action.patch });
      if (sameConfig(config, state.config)) return state;
      // New data only when the data's own settings changed: a new network on the same points is cheaper and
      // keeps the picture still.
      const dataChanged =
        config.dataset !== state.config.dataset ||
        config.noise !== state.config.noise ||
        config.trainFraction !== state.config.trainFraction ||
        config.seed !== state.config.seed;
      if (dataChanged) return createState(config, state.playing);
      const run = startRun(config);
      const metrics = measure(run.network, state.examples);
      return {
        ...state,
        config,
        run,
        metrics,
        history: [{ step: 0, trainLoss: metrics.trainLoss, testLoss: metrics.testLoss }],
      };
    }
    case 'layers': {
      const count = clamp(Math.round(action.count), 0, MAX_LAYERS);
      const hidden = Array.from({ length: count }, (_, i) => state.config.hidden[i] ?? 4);
      return update(state, { type: 'configure', patch: { hidden } });
    }
    case 'neurons': {
      if (!(action.layer >= 0 && action.layer < state.config.hidden.length)) return state;
      const hidden = state.config.hidden.map((n, i) => (i === action.layer ? action.count : n));
      return update(state, { type: 'configure', patch: { hidden } });
    }
    case 'play':
      return state.playing ? state : { ...state, playing: true };
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'toggle':
      return { ...state, playing: !state.playing };
    case 'train': {
      const steps = Math.floor(action.steps);
      if (!(steps > 0)) return state;
      const run = advance(state.run, state.config, state.examples.train, steps);
      const metrics = measure(run.network, state.examples);
      return {
        ...state,
        run,
        metrics,
        history: appendHistory(state.history, {
          step: run.step,
          trainLoss: metrics.trainLoss,
          testLoss: metrics.testLoss,
        }),
      };
    }
    case 'reset':
      return { ...createStateFrom(state), playing: false };
    case 'load':
      return createState(normalizeConfig(action.config));
  }
}

/** Step 0 of the same configuration, reusing its data. */
function createStateFrom(state: PlaygroundState): PlaygroundState {
  const run = startRun(state.config);
  const metrics = measure(run.network, state.examples);
  return { ...state, run, metrics, history: [{ step: 0, trainLoss: metrics.trainLoss, testLoss: metrics.testLoss }] };
}

// --- The URL hash -------------------------------------------------------------------------------------------

/** Any text as a number, NaN when unusable: normalizeConfig repairs each layer size of a list on its own. */
const hashLayerSize: HashType<number> = { format: String, parse: Number };

/** The configuration in the URL hash: `#playground:d=xor&n=0&t=0.5&h=4,4&a=tanh&lr=0.03&b=10&o=adam&l2=0&do=0&s=1`. */
export const PLAYGROUND_HASH = hashState<PlaygroundConfig>(HASH_NAME, {
  dataset: { key: 'd', type: hashOneOf(DATASET_IDS) },
  noise: { key: 'n', type: hashNumber },
  trainFraction: { key: 't', type: hashNumber },
  hidden: { key: 'h', type: hashList(hashLayerSize) },
  activation: { key: 'a', type: hashOneOf(ACTIVATION_IDS) },
  learningRate: { key: 'lr', type: hashNumber },
  batchSize: { key: 'b', type: hashNumber },
  optimizer: { key: 'o', type: hashOneOf(OPTIMIZER_IDS) },
  l2: { key: 'l2', type: hashNumber },
  dropout: { key: 'do', type: hashNumber },
  seed: { key: 's', type: hashNumber },
});

/** The configuration as the body of the hash segment: `d=xor&n=0&t=0.5&h=4,4&a=tanh&lr=0.03&b=10&o=adam&l2=0&do=0&s=1`. */
export function toHash(config: PlaygroundConfig): string {
  return PLAYGROUND_HASH.write(config);
}

/**
 * The configuration in a URL hash (with or without `#`, possibly holding other widgets' segments), or undefined
 * when it has no playground segment. Fields that are missing or unusable take their default values.
 */
export function fromHash(hash: string): PlaygroundConfig | undefined {
  const shared = PLAYGROUND_HASH.readSome(hash);
  return shared && normalizeConfig(shared);
}

// --- Text and the loss chart --------------------------------------------------------------------------------

const STRINGS = {
  en: {
    datasets: { xor: 'XOR', circles: 'Two circles', gaussians: 'Two Gaussians', spiral: 'Spiral' },
    optimizers: { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam' },
    architecture: 'Network',
    parameters: '{n} parameters',
    summary: 'Epoch {epoch}, step {step}. Training loss {train}, test loss {test}; test accuracy {accuracy}.',
    boundary:
      'Decision boundary of the network after {step} steps on the {dataset} data: blue areas are classified as class 1, orange as class 0. Test accuracy {accuracy}.',
    chart: 'Loss curves over {step} steps: training loss {train}, test loss {test}.',
    playing: 'Training…',
    paused: 'Paused.',
    noHidden: 'no hidden layer',
  },
  zh: {
    datasets: { xor: '异或（XOR）', circles: '两个圆环', gaussians: '两团高斯分布', spiral: '螺旋' },
    optimizers: { sgd: 'SGD', momentum: '动量', adam: 'Adam' },
    architecture: '网络',
    parameters: '共 {n} 个参数',
    summary: '第 {epoch} 轮（epoch），第 {step} 步。训练损失 {train}，测试损失 {test}；测试准确率 {accuracy}。',
    boundary:
      '网络训练 {step} 步后在“{dataset}”数据上的决策边界：蓝色区域判为类别 1，橙色区域判为类别 0。测试准确率 {accuracy}。',
    chart: '{step} 步内的损失曲线：训练损失 {train}，测试损失 {test}。',
    playing: '训练中……',
    paused: '已暂停。',
    noHidden: '没有隐藏层',
  },
} as const satisfies Record<Lang, unknown>;

/** A loss as printed: 3 decimals below 10 (0.693, 0.042), `—` when there is none. */
export const formatLoss = (loss: number) => (Number.isFinite(loss) ? formatNumber(loss, 3) : '—');
/** An accuracy as a percentage: 97.5%. */
export const formatAccuracy = (accuracy: number) =>
  Number.isFinite(accuracy) ? `${formatNumber(accuracy * 100, 1)}%` : '—';

/** Size of the loss chart's viewBox. */
export const CHART = { width: 240, height: 80, pad: 4 } as const;

export interface PlaygroundView {
  readonly epoch: string;
  readonly step: string;
  readonly trainLoss: string;
  readonly testLoss: string;
  readonly trainAccuracy: string;
  readonly testAccuracy: string;
  /** `2 → 4 → 4 → 1` */
  readonly architecture: string;
  readonly parameters: string;
  /** One sentence with all the numbers, for screen readers. */
  readonly summary: string;
  /** Text alternative of the heat map. */
  readonly boundaryLabel: string;
  /** Text alternative of the loss chart. */
  readonly chartLabel: string;
  readonly status: string;
  /** The loss curves as SVG path data in a CHART-sized box: y from 0 (bottom) to the largest loss seen. */
  readonly chart: { readonly train: string; readonly test: string; readonly top: string };
  readonly datasetLabel: string;
}

/** The loss curves as SVG paths: x ∝ step, y ∝ loss from 0 to the largest loss of the history (at least 0.1). */
export function chartPaths(history: readonly HistoryPoint[]): PlaygroundView['chart'] {
  const { width, height, pad } = CHART;
  const lastStep = Math.max(1, history.at(-1)?.step ?? 1);
  let top = 0.1;
  for (const p of history) for (const v of [p.trainLoss, p.testLoss]) if (Number.isFinite(v) && v > top) top = v;
  const path = (pick: (p: HistoryPoint) => number) =>
    history
      .filter((p) => Number.isFinite(pick(p)))
      .map((p, i) => {
        const x = pad + ((width - 2 * pad) * p.step) / lastStep;
        const y = height - pad - ((height - 2 * pad) * Math.min(pick(p), top)) / top;
        return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join('');
  return { train: path((p) => p.trainLoss), test: path((p) => p.testLoss), top: formatLoss(top) };
}

/** Everything the widget writes as text for `state`, in `lang`. */
export function derive(state: PlaygroundState, lang: Lang): PlaygroundView {
  const s = STRINGS[lang];
  const { run, metrics, config } = state;
  const numbers = {
    epoch: String(run.epoch),
    step: String(run.step),
    train: formatLoss(metrics.trainLoss),
    test: formatLoss(metrics.testLoss),
    accuracy: formatAccuracy(metrics.testAccuracy),
    dataset: s.datasets[config.dataset],
  };
  return {
    epoch: numbers.epoch,
    step: numbers.step,
    trainLoss: numbers.train,
    testLoss: numbers.test,
    trainAccuracy: formatAccuracy(metrics.trainAccuracy),
    testAccuracy: numbers.accuracy,
    architecture: [2, ...config.hidden, 1].join(' → '),
    parameters: fillTemplate(s.parameters, { n: parameterCount(run.network) }),
    summary: fillTemplate(s.summary, numbers),
    boundaryLabel: fillTemplate(s.boundary, numbers),
    chartLabel: fillTemplate(s.chart, numbers),
    status: state.playing ? s.playing : s.paused,
    chart: chartPaths(state.history),
    datasetLabel: s.datasets[config.dataset],
  };
}

/** Labels of the choices, for the server-rendered controls. */
export function optionLabels(lang: Lang) {
  const s = STRINGS[lang];
  return {
    datasets: DATASET_IDS.map((id) => ({ id, label: s.datasets[id] })),
    optimizers: OPTIMIZER_IDS.map((id) => ({ id, label: s.optimizers[id] })),
    activations: ACTIVATION_IDS.map((id) => ({ id, label: activationFunctions[id].label })),
    noHidden: s.noHidden,
  };
}

/** Percentages as the sliders show them: 0.35 → `35%`. */
export const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The largest noise level, re-exported for the controls. */
export { MAX_NOISE };

/** The playground for the kit's base element: a link carries the configuration, and the run restarts from it. */
export const widgetModel: WidgetModel<PlaygroundState, PlaygroundAction> = {
  initialState,
  update,
  hash: configHash(HASH_NAME, toHash, fromHash),
};
