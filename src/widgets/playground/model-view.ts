// What the playground writes for a state, in each language: the numbers as text, the sentences screen readers
// hear and the text alternatives of the pictures (their words in sentences.json), and the loss chart's paths.
// The server renders `derive` of the state it shows; the view patches the same strings in as the run goes on.
import { ACTIVATION_IDS, activationFunctions } from '../../lib/nn/activation-core.ts';
import { DATASET_IDS, type DatasetId } from '../../lib/nn/datasets.ts';
import { OPTIMIZER_IDS, parameterCount, type OptimizerId } from '../../lib/nn/mlp.ts';
import type { Lang } from '../../lib/content/lang.ts';
import { formatNumber } from '../../lib/text/format-number.ts';
import { fillTemplate } from '../../lib/text/template.ts';
import type { PlaygroundState } from './model.ts';
import type { HistoryPoint } from './model-training.ts';
import SENTENCES from './sentences.json' with { type: 'json' };

type Words = Readonly<Record<Lang, string>>;
/**
 * Each string in both languages, side by side (sentences.json): the names of the data sets and optimizers, and
 * the sentences, templates with `{name}` blanks. A name or a language missing is a type error.
 */
const STRINGS: {
  readonly datasets: Readonly<Record<DatasetId, Words>>;
  readonly optimizers: Readonly<Record<OptimizerId, Words>>;
} & Readonly<Record<'parameters' | 'summary' | 'boundary' | 'chart' | 'playing' | 'paused', Words>> = SENTENCES;

/** A loss as printed: 3 decimals below 10 (0.693, 0.042), `—` when there is none. */
export const formatLoss = (loss: number) => (Number.isFinite(loss) ? formatNumber(loss, 3) : '—');
/** An accuracy as a percentage: 97.5%. */
export const formatAccuracy = (accuracy: number) =>
  Number.isFinite(accuracy) ? `${formatNumber(accuracy * 100, 1)}%` : '—';
/** Percentages as the sliders show them: 0.35 → `35%`. */
export const percent = (value: number) => `${Math.round(value * 100)}%`;

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
  const { run, metrics, config } = state;
  const numbers = {
    epoch: String(run.epoch),
    step: String(run.step),
    train: formatLoss(metrics.trainLoss),
    test: formatLoss(metrics.testLoss),
    accuracy: formatAccuracy(metrics.testAccuracy),
    dataset: STRINGS.datasets[config.dataset][lang],
    n: parameterCount(run.network),
  };
  const sentence = (template: Words) => fillTemplate(template[lang], numbers);
  return {
    epoch: numbers.epoch,
    step: numbers.step,
    trainLoss: numbers.train,
    testLoss: numbers.test,
    trainAccuracy: formatAccuracy(metrics.trainAccuracy),
    testAccuracy: numbers.accuracy,
    architecture: [2, ...config.hidden, 1].join(' → '),
    parameters: sentence(STRINGS.parameters),
    summary: sentence(STRINGS.summary),
    boundaryLabel: sentence(STRINGS.boundary),
    chartLabel: sentence(STRINGS.chart),
    status: (state.playing ? STRINGS.playing : STRINGS.paused)[lang],
    chart: chartPaths(state.history),
    datasetLabel: numbers.dataset,
  };
}

/** Labels of the choices, for the server-rendered controls. */
export function optionLabels(lang: Lang) {
  return {
    datasets: DATASET_IDS.map((id) => ({ id, label: STRINGS.datasets[id][lang] })),
    optimizers: OPTIMIZER_IDS.map((id) => ({ id, label: STRINGS.optimizers[id][lang] })),
    activations: ACTIVATION_IDS.map((id) => ({ id, label: activationFunctions[id].label })),
  };
}
