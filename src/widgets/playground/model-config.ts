// The playground's configuration: everything a learner can set, which the URL hash carries (model-hash.ts) and
// from which the data (model-data.ts) and the run (model-training.ts) follow. Any value, from a control or a
// link, is repaired to a valid configuration by `normalizeConfig`.
import { isActivationId, type ActivationId } from '../../lib/nn/activation-core.ts';
import { isDatasetId, type DatasetId } from '../../lib/nn/datasets.ts';
import { isOptimizerId, type OptimizerId } from '../../lib/nn/mlp.ts';

export const MAX_LAYERS = 4;
export const MAX_NEURONS = 8;
/** Neurons of a hidden layer that has no size of its own (a new one, or an unusable size in a link). */
export const DEFAULT_NEURONS = 4;
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

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

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
    hidden: hidden.slice(0, MAX_LAYERS).map((n) => clamp(Math.round(number(n, DEFAULT_NEURONS)), 1, MAX_NEURONS)),
    activation: isActivationId(config.activation) ? config.activation : d.activation,
    learningRate: snap(number(config.learningRate, d.learningRate), CHOICES.learningRate),
    batchSize: snap(number(config.batchSize, d.batchSize), CHOICES.batchSize),
    optimizer: isOptimizerId(config.optimizer) ? config.optimizer : d.optimizer,
    l2: snap(number(config.l2, d.l2), CHOICES.l2),
    dropout: snap(number(config.dropout, d.dropout), CHOICES.dropout),
    seed: clamp(Math.floor(number(config.seed, d.seed)), 0, MAX_SEED),
  };
}
