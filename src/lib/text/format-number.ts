/** The minus sign the widgets print: U+2212, as in typeset maths, not the hyphen-minus. */
export const MINUS = '\u2212';

/**
 * A number as the widgets print it: at most `decimals` decimals with trailing zeros dropped (0.4, 0.5987, 2),
 * the typographic minus (−0.3), `0` for both zeros, and scientific notation outside [1e−4, 1e6):
 * 2.06e−9, 1.5e+20. NaN prints as `NaN`, ±Infinity as `∞` and `−∞`.
 */
export function formatNumber(value: number, decimals = 4): string {
  if (value !== value) return 'NaN';
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  const magnitude = Math.abs(value);
  let text: string;
  if (magnitude < 10 ** -decimals || magnitude >= 1e6) {
    const [mantissa, exponent] = value.toExponential(3).split('e') as [string, string];
    text = `${mantissa.replace(/\.?0+$/, '')}e${exponent}`;
  } else {
    text = value.toFixed(decimals).replace(/\.?0+$/, '');
    if (text === '-0') text = '0';
  }
  return text.replace(/-/g, MINUS);
}
