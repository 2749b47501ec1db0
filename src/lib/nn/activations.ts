// Activation functions with their derivatives, labels and KaTeX formulas. The maths lives in activation-core.ts,
// which is all the widgets ship to the browser; the formulas here are for pages rendered on the server.
import { ACTIVATION_IDS, activationFunctions, type ActivationFunction, type ActivationId } from './activation-core.ts';

export * from './activation-core.ts';

export interface Activation extends ActivationFunction {
  /** KaTeX source of f(x) (the right-hand side only). */
  readonly tex: string;
  /** KaTeX source of f′(x) (the right-hand side only). */
  readonly dtex: string;
}

const TEX: Readonly<Record<ActivationId, { readonly tex: string; readonly dtex: string }>> = {
  relu: { tex: '\\max(0, x)', dtex: '\\begin{cases} 1, & x > 0 \\\\ 0, & x \\le 0 \\end{cases}' },
  leakyRelu: {
    tex: '\\begin{cases} x, & x > 0 \\\\ 0.01\\,x, & x \\le 0 \\end{cases}',
    dtex: '\\begin{cases} 1, & x > 0 \\\\ 0.01, & x \\le 0 \\end{cases}',
  },
  elu: {
    tex: '\\begin{cases} x, & x > 0 \\\\ e^{x} - 1, & x \\le 0 \\end{cases}',
    dtex: '\\begin{cases} 1, & x > 0 \\\\ e^{x}, & x \\le 0 \\end{cases}',
  },
  sigmoid: { tex: '\\sigma(x) = \\dfrac{1}{1 + e^{-x}}', dtex: '\\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)' },
  tanh: { tex: '\\tanh x', dtex: '1 - \\tanh^2 x' },
  softplus: { tex: '\\ln\\bigl(1 + e^{x}\\bigr)', dtex: '\\sigma(x)' },
  gelu: { tex: 'x\\,\\Phi(x)', dtex: '\\Phi(x) + x\\,\\varphi(x)' },
  silu: { tex: 'x\\,\\sigma(x)', dtex: '\\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)' },
  step: { tex: '\\begin{cases} 1, & x > 0 \\\\ 0, & x \\le 0 \\end{cases}', dtex: '0' },
  linear: { tex: 'x', dtex: '1' },
};

/**
 * Every activation keyed by id, with f, its derivative f′ (conventions at kinks: ReLU′(0) = 0,
 * LeakyReLU′(0) = α = 0.01, step′ = 0 everywhere), its label and the KaTeX source of f and f′.
 * The formulas, numerics and conventions of each function are documented on `activationFunctions`.
 */
export const activations: Readonly<Record<ActivationId, Activation>> = Object.fromEntries(
  ACTIVATION_IDS.map((id) => [id, { ...activationFunctions[id], ...TEX[id] }]),
) as Record<ActivationId, Activation>;
