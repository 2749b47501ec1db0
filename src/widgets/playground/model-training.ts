// The playground's training run: a seeded network 2 → hidden → 1 (one logit) trained by mini-batch steps, its
// loss and accuracy on both sets, and the loss history the chart draws. Same configuration and seed ⇒ the same
// initial network and the same batches, however the steps are sliced into frames.
import {
  createNetwork,
  createOptimizer,
  crossEntropy,
  evaluate,
  parameterCount,
  trainStep,
  type Example,
  type Network,
  type OptimizerState,
} from '../../lib/nn/mlp.ts';
import { deriveSeed, mulberry32, shuffle } from '../../lib/nn/random.ts';
import type { PlaygroundConfig } from './model-config.ts';
import type { PlaygroundData } from './model-data.ts';

/** The loss history keeps at most this many points; older ones are thinned out as it grows. */
export const MAX_HISTORY = 400;

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

/** A run with what it measured: the part of the playground's state that training changes. */
export interface Training {
  readonly run: Run;
  readonly metrics: Metrics;
  readonly history: readonly HistoryPoint[];
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
export function measure(network: Network, examples: PlaygroundData['examples']): Metrics {
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

/** The point of the loss history for `run`, measured as `metrics`. */
const historyPoint = ({ step }: Run, { trainLoss, testLoss }: Metrics): HistoryPoint => ({ step, trainLoss, testLoss });

/** Step 0 of `config` on `examples`, measured: the history starts with its losses. */
export function startTraining(config: PlaygroundConfig, examples: PlaygroundData['examples']): Training {
  const run = startRun(config);
  const metrics = measure(run.network, examples);
  return { run, metrics, history: [historyPoint(run, metrics)] };
}

/** `training` after `steps` more steps (see `advance`), measured and recorded in the history. */
export function continueTraining(
  { run, history }: Training,
  config: PlaygroundConfig,
  examples: PlaygroundData['examples'],
  steps: number,
): Training {
  const next = advance(run, config, examples.train, steps);
  const metrics = measure(next.network, examples);
  return { run: next, metrics, history: appendHistory(history, historyPoint(next, metrics)) };
}
