// The network playground's state and its one way of changing, as pure functions: the configuration (which lives
// in the URL hash, model-config.ts and model-hash.ts), the data it generates (model-data.ts) and the training run
// with its metrics and loss history (model-training.ts). What the widget writes for a state is `derive`
// (model-view.ts); the server renders it for a snapshot, and the custom element (view.ts) dispatches actions, a
// few training steps per animation frame. Imports only src/lib. Same configuration, seed included ⇒ same data,
// same initial network, same run.
import { configHash, type WidgetModel } from '../kit/widget-model.ts';
import {
  DEFAULT_CONFIG,
  DEFAULT_NEURONS,
  MAX_LAYERS,
  clamp,
  normalizeConfig,
  type PlaygroundConfig,
} from './model-config.ts';
import { makeData, sameData, type PlaygroundData } from './model-data.ts';
import { HASH_NAME, fromHash, sameConfig, toHash } from './model-hash.ts';
import { continueTraining, startTraining, type Training } from './model-training.ts';

export interface PlaygroundState extends PlaygroundData, Training {
  readonly config: PlaygroundConfig;
  readonly playing: boolean;
}

export type PlaygroundAction =
  /** Change part of the configuration: the run restarts from step 0 (so the URL always describes the run). */
  | { readonly type: 'configure'; readonly patch: Partial<PlaygroundConfig> }
  /** Number of hidden layers (new layers get DEFAULT_NEURONS neurons). */
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

/** A playground at step 0 of `config`. */
export function createState(config: PlaygroundConfig, playing = false): PlaygroundState {
  const data = makeData(config);
  return { config, ...data, ...startTraining(config, data.examples), playing };
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
      if (!sameData(config, state.config)) return createState(config, state.playing);
      return { ...state, config, ...startTraining(config, state.examples) };
    }
    case 'layers': {
      const count = clamp(Math.round(action.count), 0, MAX_LAYERS);
      const hidden = Array.from({ length: count }, (_, i) => state.config.hidden[i] ?? DEFAULT_NEURONS);
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
      return { ...state, ...continueTraining(state, state.config, state.examples, steps) };
    }
    case 'reset':
      return { ...state, ...startTraining(state.config, state.examples), playing: false };
    case 'load':
      return createState(normalizeConfig(action.config));
  }
}

/** The playground for the kit's base element: a link carries the configuration, and the run restarts from it. */
export const widgetModel: WidgetModel<PlaygroundState, PlaygroundAction> = {
  initialState,
  update,
  hash: configHash(HASH_NAME, toHash, fromHash),
};
