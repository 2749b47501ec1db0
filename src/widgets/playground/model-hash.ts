// The playground's configuration in the URL hash, described once as a table of fields (src/lib/text/hash-state.ts):
// `#playground:d=xor&n=0&t=0.5&h=4,4&a=tanh&lr=0.03&b=10&o=adam&l2=0&do=0&s=1`. A link carries the whole
// configuration, seed included, so it replays the same run.
import { ACTIVATION_IDS } from '../../lib/nn/activation-core.ts';
import { DATASET_IDS } from '../../lib/nn/datasets.ts';
import { OPTIMIZER_IDS } from '../../lib/nn/mlp.ts';
import { hashList, hashNumber, hashOneOf, hashState, type HashType } from '../../lib/text/hash-state.ts';
import { normalizeConfig, type PlaygroundConfig } from './model-config.ts';

/** Name of the playground's segment in the URL hash: `#playground:d=xor&h=4,4&…`. */
export const HASH_NAME = 'playground';

/** Any text as a number, NaN when unusable: normalizeConfig repairs each layer size of a list on its own. */
const hashLayerSize: HashType<number> = { format: String, parse: Number };

/** The configuration's fields, their keys in the hash and how each is written. */
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

/** Whether two configurations describe the same run (they write the same link). */
export function sameConfig(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return toHash(a) === toHash(b);
}
