// The activation plotter's words in both languages, for the server-rendered markup (ActivationPlot.astro and its
// parts). What changes with the state (the range, the announcement) is written by the model (model-view.ts).
import type { Lang } from '../../lib/content/lang.ts';

const LABELS = {
  zh: {
    title: '动手画激活函数',
    functions: '要画的函数',
    derivatives: '显示导数（虚线）',
    legend: '图例',
    plot: {
      title: '激活函数图像',
      desc: '所选激活函数的曲线（实线、实心标记）及其导数（虚线、空心标记），横轴为 x。每条曲线有自己的颜色和标记形状。下方的表格列出了相同函数的取样值。',
    },
    zoomIn: '放大',
    zoomOut: '缩小',
    panLeft: '向左平移',
    panRight: '向右平移',
    reset: '重置范围',
    cursor: '读取 x 处的值',
    hint: '把鼠标移到图上、用手指触摸，或拖动上面的滑块读数；用滚轮、双指或按钮缩放，用箭头按钮平移。',
    fn: '函数',
    derivative: '导数',
    tableSummary: '取样值表与公式',
    tableCaption: '各函数在几个 x 处的取值 f(x) 与导数 f′(x)（保留 4 位小数）',
    formulas: '公式',
    noscript: '开启 JavaScript 后可以选择函数、缩放和读数。',
  },
  en: {
    title: 'Try it: plot the activation functions',
    functions: 'Functions to plot',
    derivatives: 'Show derivatives (dashed)',
    legend: 'Legend',
    plot: {
      title: 'Plot of activation functions',
      desc: 'Curves of the selected activation functions (solid lines, filled markers) and their derivatives (dashed lines, hollow markers) against x. Each curve has its own colour and marker shape. The table below lists sample values of the same functions.',
    },
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    panLeft: 'Pan left',
    panRight: 'Pan right',
    reset: 'Reset range',
    cursor: 'Read values at x',
    hint: 'Hover or touch the plot, or move the slider above, to read values; zoom with the wheel, a pinch or the buttons, pan with the arrow buttons.',
    fn: 'Function',
    derivative: 'derivative',
    tableSummary: 'Table of sample values and formulas',
    tableCaption: 'Values f(x) and derivatives f′(x) of each function at a few points (4 decimals)',
    formulas: 'Formulas',
    noscript: 'With JavaScript on you can choose the functions, zoom and read values.',
  },
} as const satisfies Record<Lang, unknown>;

export type PlotLabels = (typeof LABELS)[Lang];

/** The words of the server-rendered markup, in `lang`. */
export function plotLabels(lang: Lang): PlotLabels {
  return LABELS[lang];
}
