// Each function's colour, in its curve, its legend entry, its crosshair dots and its readout row: a light and a
// dark shade, each at least 3:1 against the plot's background (tests/e2e/activation-plot.spec.ts). The elements
// drawn in a function's colour carry both shades; activation-plot.css picks the theme's.
import type { ActivationId } from '../../lib/nn/activation-core.ts';

const SHADES: Readonly<Record<ActivationId, readonly [light: string, dark: string]>> = {
  relu: ['#0b5cad', '#7cb8f5'],
  leakyRelu: ['#0f766e', '#2dd4bf'],
  elu: ['#7c3aed', '#a78bfa'],
  sigmoid: ['#c2410c', '#fb923c'],
  tanh: ['#15803d', '#4ade80'],
  softplus: ['#a21caf', '#e879f9'],
  gelu: ['#b91c1c', '#f87171'],
  silu: ['#854d0e', '#facc15'],
  step: ['#475569', '#cbd5e1'],
  linear: ['#be185d', '#f472b6'],
};

/** The style attribute of an element drawn in `fn`'s colour: both shades, as custom properties. */
export function curveShades(fn: ActivationId): string {
  const [light, dark] = SHADES[fn];
  return `--ap-light: ${light}; --ap-dark: ${dark}`;
}
