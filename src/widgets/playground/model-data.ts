// The playground's data: POINT_COUNT labelled points of the configured data set, split into training and test
// points. Drawn from random streams derived from the seed, so changing the network never changes the data.
import { generate, splitTrainTest, toExample, type Point } from '../../lib/nn/datasets.ts';
import type { Example } from '../../lib/nn/mlp.ts';
import { deriveSeed, mulberry32 } from '../../lib/nn/random.ts';
import type { PlaygroundConfig } from './model-config.ts';

/** Points per data set, split into training and test points. */
export const POINT_COUNT = 400;

/** The only fields of the configuration the data depend on: a change of any other keeps the same points. */
export const DATA_FIELDS = ['dataset', 'noise', 'trainFraction', 'seed'] as const satisfies ReadonlyArray<
  keyof PlaygroundConfig
>;

/** The points as drawn (for the pictures) and as examples (for training and measuring), in the same order. */
export interface PlaygroundData {
  readonly points: { readonly train: readonly Point[]; readonly test: readonly Point[] };
  readonly examples: { readonly train: readonly Example[]; readonly test: readonly Example[] };
}

/** The data of a configuration: POINT_COUNT points of its data set and noise, split by its train fraction. */
export function makeData(config: PlaygroundConfig): PlaygroundData {
  const all = generate(
    config.dataset,
    { count: POINT_COUNT, noise: config.noise },
    mulberry32(deriveSeed(config.seed, 'data')),
  );
  const { train, test } = splitTrainTest(all, config.trainFraction, mulberry32(deriveSeed(config.seed, 'split')));
  return { points: { train, test }, examples: { train: train.map(toExample), test: test.map(toExample) } };
}

/** Whether `a` and `b` give the same data. */
export function sameData(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return DATA_FIELDS.every((field) => a[field] === b[field]);
}
