// The neuron widget's words in both languages, for the server only: the markup's labels, and the sentences the
// model writes (NeuronMessages), which the page carries in its own language for the view (NeuronWidget.astro),
// so the script ships no table of both.
import type { Lang } from '../../lib/content/lang.ts';
import { FIELD_LIMIT, type NeuronMessages } from './model.ts';

const MESSAGES = {
  en: {
    empty: '{field}: enter a number.',
    'not-a-number': '{field}: “{text}” is not a number.',
    'out-of-range': `{field}: {text} is outside the range −${FIELD_LIMIT} to ${FIELD_LIMIT}.`,
    keep: 'The result shown is for the last valid numbers.',
    'length-mismatch': 'The number of inputs and weights differ.',
    'not-finite': 'Every input, weight and the bias must be a finite number.',
    overflow: 'The weighted sum is too large to compute.',
    'unknown-activation': 'Unknown activation function.',
    announce: 'z = {z}, y = {y}',
  },
  zh: {
    empty: '{field}：请输入一个数。',
    'not-a-number': '{field}：“{text}”不是一个数。',
    'out-of-range': `{field}：{text} 超出了 −${FIELD_LIMIT} 到 ${FIELD_LIMIT} 的范围。`,
    keep: '下面显示的仍是上一次有效输入的结果。',
    'length-mismatch': '输入和权重的个数不一致。',
    'not-finite': '所有输入、权重和偏置都必须是有限的数。',
    overflow: '加权和太大，无法计算。',
    'unknown-activation': '未知的激活函数。',
    announce: 'z = {z}，y = {y}',
  },
} as const satisfies Record<Lang, NeuronMessages>;

/** The sentences the model writes, in `lang`. */
export function neuronMessages(lang: Lang): NeuronMessages {
  return MESSAGES[lang];
}

const LABELS = {
  zh: {
    title: '动手算一个神经元',
    inputs: '输入与权重',
    value: '{name} 数值',
    bias: '偏置',
    activation: '激活函数',
    add: '添加输入',
    remove: '删除最后一个输入',
    steps: '计算过程',
    diagram: {
      title: '神经元示意图',
      desc: '左边是输入 x，每条边是一个权重：边越粗，权重的绝对值越大；实线表示正权重，虚线表示负权重，点线表示权重为 0。偏置 b 从上方加入求和节点 Σ，结果 z 经过激活函数 f 得到输出 y。',
    },
    noscript: '这是上文的数值例子。开启 JavaScript 后可以拖动滑块、修改数值，实时看到计算过程。',
    share: '当前配置保存在网址中，复制网址即可分享。',
  },
  en: {
    title: 'Try it: one neuron',
    inputs: 'Inputs and weights',
    value: '{name} value',
    bias: 'Bias',
    activation: 'Activation',
    add: 'Add input',
    remove: 'Remove last input',
    steps: 'The computation',
    diagram: {
      title: 'Diagram of the neuron',
      desc: 'Inputs x on the left; each edge is a weight: the thicker the edge, the larger the weight in absolute value; solid edges are positive weights, dashed edges negative ones, dotted edges zero. The bias b enters the sum node Σ from above; the result z goes through the activation f to give the output y.',
    },
    noscript:
      'This is the worked example above. With JavaScript on you can drag the sliders and edit the numbers and watch the computation change.',
    share: 'The configuration is kept in the page address: copy it to share.',
  },
} as const satisfies Record<Lang, unknown>;

export type NeuronLabels = (typeof LABELS)[Lang];

/** The words of the server-rendered markup, in `lang`. */
export function neuronLabels(lang: Lang): NeuronLabels {
  return LABELS[lang];
}
