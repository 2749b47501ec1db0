// A synthetic corpus of study notes for `npm run bench -- peers`: deterministic (a seeded generator, no clock, no
// Math.random), so every tool builds the same bytes and two runs compare. Half the notes are Chinese, half English,
// paired by slug as the site's translations are. A note holds what the real ones hold: prose, headings (h2, h3),
// inline and display math, code blocks, a table, a list, links to other notes of its language. One note in five is
// text only (no math, no code): that is the page the "JS and CSS a text note loads" figure is taken on.
// Formulas use plain ASCII TeX that KaTeX (strict) and MathJax both accept.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveSeed, mulberry32, type Random } from '../../src/lib/nn/random.ts';

export type CorpusLang = 'zh' | 'en';

export interface CorpusNote {
  lang: CorpusLang;
  /** `note-0001` …: the same slug in both languages. */
  slug: string;
  title: string;
  description: string;
  /** `YYYY-MM-DD`. */
  date: string;
  tags: string[];
  /** Earlier slugs only, so the prerequisite graph has no cycle. */
  prerequisites: string[];
  /** No math and no code: prose, headings, a table, a list and links. */
  textOnly: boolean;
  /** Markdown after the frontmatter; internal links are the site's URLs (`/notes/<slug>/`, `/en/notes/<slug>/`). */
  body: string;
}

const TERMS: Record<CorpusLang, readonly string[]> = {
  zh: [
    '神经网络',
    '激活函数',
    '损失函数',
    '梯度下降',
    '反向传播',
    '学习率',
    '权重',
    '偏置',
    '卷积层',
    '池化层',
    '注意力机制',
    '正则化',
    '批归一化',
    '过拟合',
    '欠拟合',
    '优化器',
    '小批量',
    '训练集',
    '验证集',
    '特征',
    '嵌入向量',
    '残差连接',
    '循环神经网络',
    '变换器',
    '自编码器',
    '扩散模型',
    '生成对抗网络',
    '强化学习',
    '策略梯度',
    '价值函数',
    '交叉熵',
    '均方误差',
    '动量',
    '随机初始化',
    '梯度消失',
    '数据增强',
    '迁移学习',
    '微调',
    '感知机',
    'softmax 输出',
  ],
  en: [
    'neural network',
    'activation function',
    'loss function',
    'gradient descent',
    'backpropagation',
    'learning rate',
    'weight',
    'bias',
    'convolution layer',
    'pooling layer',
    'attention',
    'regularisation',
    'batch normalisation',
    'overfitting',
    'underfitting',
    'optimizer',
    'mini-batch',
    'training set',
    'validation set',
    'feature',
    'embedding',
    'residual connection',
    'recurrent network',
    'transformer',
    'autoencoder',
    'diffusion model',
    'GAN',
    'reinforcement learning',
    'policy gradient',
    'value function',
    'cross-entropy',
    'mean squared error',
    'momentum',
    'random initialisation',
    'vanishing gradient',
    'data augmentation',
    'transfer learning',
    'fine-tuning',
    'perceptron',
    'softmax output',
  ],
};

/** Sentence templates; {A} {B} {C} are terms, {M} an inline formula (math notes only), {K} a small number. */
const SENTENCES: Record<CorpusLang, readonly string[]> = {
  zh: [
    '{A}的作用是让{B}在训练过程中保持稳定，这一点在深层网络里尤其明显。',
    '如果{A}设置得不合适，{B}往往会出现问题，需要回头重新调整{C}。',
    '直观地说，{A}把输入映射到一个新的表示，{B}再在这个表示上做判断。',
    '实践中常把{A}和{B}一起使用，因为两者解决的是不同层面的问题。',
    '很多教材先讲{A}，再讲{B}，但真正理解{C}其实更关键。',
    '我们可以把{A}看成一个带参数的函数，{B}则告诉我们参数该往哪个方向改。',
    '在小数据集上，{A}容易导致{B}；数据更多时，这个问题会明显缓解。',
    '第 {K} 轮以后，{A}的曲线基本变平，说明{B}已经接近收敛。',
    '把{A}换成{B}以后，同样的实验只需要原来大约 {K}0% 的时间。',
    '{A}并不是越大越好：超过某个范围，{B}反而会变差。',
    '记住一个经验法则：先让{A}工作起来，再去优化{B}和{C}。',
    '用符号写出来，{A}可以表示为 {M}，这样{B}的含义就清楚了。',
    '其中 {M} 描述了{A}，而{B}只影响它的尺度。',
  ],
  en: [
    'The job of the {A} is to keep the {B} stable during training, which matters most in deep networks.',
    'When the {A} is badly chosen, the {B} tends to misbehave and the {C} has to be tuned again.',
    'Intuitively, the {A} maps the input to a new representation, and the {B} makes its decision there.',
    'In practice the {A} and the {B} are used together, because they solve problems at different levels.',
    'Many textbooks introduce the {A} before the {B}, but understanding the {C} is what really matters.',
    'Think of the {A} as a function with parameters; the {B} tells us which way to change them.',
    'On a small data set the {A} easily leads to {B}; with more data the effect fades.',
    'After epoch {K} the curve of the {A} flattens, a sign that the {B} is close to converging.',
    'Replacing the {A} with the {B} made the same experiment take about {K}0% of the time.',
    'A larger {A} is not always better: past some point the {B} gets worse.',
    'A rule of thumb: get the {A} working first, then improve the {B} and the {C}.',
    'Written out, the {A} is {M}, which makes the role of the {B} plain.',
    'Here {M} describes the {A}, while the {B} only changes its scale.',
  ],
};

const INLINE_MATH = [
  '\\sigma(z)',
  'w_i x_i + b',
  '\\eta = 0.0{K}',
  '\\nabla_\\theta L',
  '\\mathbf{W}^{(l)}',
  'p(y \\mid x)',
  '\\lambda \\lVert w \\rVert_2^2',
  'O(n^{2})',
  'e^{-z}',
  '\\frac{\\partial L}{\\partial w}',
  '\\mathbb{E}[X]',
  'x \\in \\mathbb{R}^{{K}}',
  '\\tanh(z)',
  '\\max(0, z)',
  '\\beta_1 = 0.9',
  'h_t = f(h_{t-1}, x_t)',
];

const DISPLAY_MATH = [
  'L(\\theta) = \\frac{1}{N} \\sum_{i=1}^{N} \\ell\\big(f_\\theta(\\mathbf x_i), y_i\\big)',
  "\\sigma(z) = \\frac{1}{1 + e^{-z}}, \\qquad \\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)",
  '\\theta_{t+1} = \\theta_t - \\eta \\, \\nabla_\\theta L(\\theta_t), \\qquad \\eta = 0.0{K}',
  '\\operatorname{softmax}(\\mathbf z)_k = \\frac{e^{z_k}}{\\sum_{j=1}^{{K}} e^{z_j}}',
  '\\begin{aligned} m_t &= \\beta_1 m_{t-1} + (1 - \\beta_1)\\, g_t \\\\ v_t &= \\beta_2 v_{t-1} + (1 - \\beta_2)\\, g_t^2 \\\\ \\theta_t &= \\theta_{t-1} - \\frac{\\eta\\, \\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon} \\end{aligned}',
  '\\operatorname{Attention}(Q, K, V) = \\operatorname{softmax}\\left(\\frac{Q K^\\top}{\\sqrt{d_k}}\\right) V',
  "\\frac{\\partial L}{\\partial w_{ij}^{(l)}} = \\delta_j^{(l)} \\, a_i^{(l-1)}, \\qquad \\delta^{(l)} = \\bigl(\\mathbf W^{(l+1)}\\bigr)^\\top \\delta^{(l+1)} \\odot f'\\bigl(\\mathbf z^{(l)}\\bigr)",
  '\\mathbf W = \\begin{pmatrix} w_{11} & w_{12} & w_{13} \\\\ w_{21} & w_{22} & w_{23} \\end{pmatrix}, \\qquad \\mathbf y = \\mathbf W \\mathbf x + \\mathbf b',
  'H(p, q) = -\\sum_{k=1}^{{K}} p_k \\log q_k',
  '\\mathbb{E}_{x \\sim p}\\left[ f(x) \\right] = \\int f(x)\\, p(x)\\, \\mathrm{d}x \\approx \\frac{1}{{K}} \\sum_{s=1}^{{K}} f\\bigl(x^{(s)}\\bigr)',
];

const CODE: ReadonlyArray<{ lang: string; text: string }> = [
  {
    lang: 'python',
    text: 'import numpy as np\n\ndef sigmoid(z):\n    return 1.0 / (1.0 + np.exp(-z))\n\nw = np.random.default_rng({K}).normal(size=({K}, 3))\nprint(sigmoid(w @ np.ones(3)))',
  },
  {
    lang: 'python',
    text: 'for epoch in range({K}0):\n    for x, y in loader:\n        loss = criterion(model(x), y)\n        optimizer.zero_grad()\n        loss.backward()\n        optimizer.step()',
  },
  {
    lang: 'js',
    text: 'const relu = (x) => Math.max(0, x);\nconst layer = (w, b) => (x) => relu(w.reduce((s, wi, i) => s + wi * x[i], b));\nconsole.log(layer([0.{K}, -0.3], 0.1)([1, 2]));',
  },
  {
    lang: 'ts',
    text: 'export function softmax(z: number[]): number[] {\n  const m = Math.max(...z);\n  const e = z.map((v) => Math.exp(v - m));\n  const s = e.reduce((a, b) => a + b, 0);\n  return e.map((v) => v / s); // {K} classes\n}',
  },
  { lang: 'bash', text: 'python train.py --epochs {K}0 --lr 0.0{K} --batch-size 64\ntensorboard --logdir runs/' },
];

const HEADINGS: Record<CorpusLang, readonly string[]> = {
  zh: [
    '直观理解',
    '数学形式',
    '一个小例子',
    '常见误区',
    '和其他方法的比较',
    '实现要点',
    '训练中的表现',
    '参数怎么选',
    '历史与背景',
    '小结',
  ],
  en: [
    'The intuition',
    'The mathematics',
    'A small example',
    'Common mistakes',
    'Compared with other methods',
    'Implementation notes',
    'Behaviour during training',
    'Choosing the parameters',
    'History and background',
    'Summary',
  ],
};

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random.next() * items.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random.next() * (max - min + 1));

/** A Fisher–Yates shuffled copy. */
function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Tag ids of the site's registry, so the notes pass its schema. */
export function registryTags(file = 'content/tags.json'): string[] {
  return Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).filter(
    (id) => !id.startsWith('$'),
  );
}

function fill(random: Random, template: string, lang: CorpusLang, math: boolean): string {
  return template
    .replace(/\{([ABC])\}/g, () => pick(random, TERMS[lang]))
    .replace(/\{K\}/g, () => String(int(random, 2, 9)))
    .replace(/\{M\}/g, () =>
      math ? `$${fill(random, pick(random, INLINE_MATH), lang, math)}$` : pick(random, TERMS[lang]),
    );
}

function paragraph(random: Random, lang: CorpusLang, math: boolean): string {
  const sentences = Array.from({ length: int(random, 3, 6) }, () =>
    fill(random, pick(random, SENTENCES[lang]), lang, math),
  );
  return sentences.join(lang === 'zh' ? '' : ' ');
}

function noteUrl(lang: CorpusLang, slug: string): string {
  return `${lang === 'zh' ? '' : '/en'}/notes/${slug}/`;
}

function table(random: Random, lang: CorpusLang): string {
  const header =
    lang === 'zh'
      ? '| 方法 | 学习率 | 轮数 | 验证准确率 |'
      : '| Method | Learning rate | Epochs | Validation accuracy |';
  const rows = Array.from(
    { length: int(random, 3, 6) },
    () =>
      `| ${pick(random, TERMS[lang])} | 0.0${int(random, 1, 9)} | ${int(random, 5, 90)} | ${(80 + random.next() * 19).toFixed(1)}% |`,
  );
  return [header, '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}

function makeNote(seed: number, lang: CorpusLang, index: number, count: number, tags: readonly string[]): CorpusNote {
  const random = mulberry32(deriveSeed(seed, `${lang}-${index}`));
  const width = String(count).length;
  const slugOf = (i: number) => `note-${String(i).padStart(Math.max(4, width), '0')}`;
  const slug = slugOf(index);
  const textOnly = index % 5 === 0;
  const math = !textOnly;
  const [a, b, c] = [pick(random, TERMS[lang]), pick(random, TERMS[lang]), pick(random, TERMS[lang])];
  const title = lang === 'zh' ? `笔记 ${index}：${a}与${b}` : `Note ${index}: the ${a} and the ${b}`;
  const description =
    lang === 'zh'
      ? `关于${a}、${b}和${c}的学习笔记：从直观理解到公式，再到一个能运行的小例子。`
      : `Study notes on the ${a}, the ${b} and the ${c}: from the intuition to the formulas and a small example that runs.`;
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 700) * 86_400_000).toISOString().slice(0, 10);
  const noteTags = [...new Set(Array.from({ length: int(random, 1, 3) }, () => pick(random, tags)))];
  const prerequisites =
    index > 1 && random.next() < 0.5
      ? [...new Set(Array.from({ length: int(random, 1, 2) }, () => slugOf(int(random, 1, index - 1))))]
      : [];
  const link = () => {
    const other = int(random, 1, count);
    return `[${lang === 'zh' ? `笔记 ${other}` : `note ${other}`}](${noteUrl(lang, slugOf(other))})`;
  };

  const blocks: string[] = [
    paragraph(random, lang, math),
    `${paragraph(random, lang, math)} ${lang === 'zh' ? '另见' : 'See also'} ${link()}.`,
  ];
  const headings = shuffle(random, HEADINGS[lang]).slice(0, int(random, 4, 7));
  headings.forEach((heading, h) => {
    blocks.push(`## ${heading}`, paragraph(random, lang, math));
    if (math && random.next() < 0.7) blocks.push(`$$\n${fill(random, pick(random, DISPLAY_MATH), lang, math)}\n$$`);
    blocks.push(`${paragraph(random, lang, math)} ${link()}`);
    if (random.next() < 0.5) {
      blocks.push(`### ${heading} ${lang === 'zh' ? '（续）' : '(continued)'} ${h + 1}`, paragraph(random, lang, math));
    }
    if (!textOnly && random.next() < 0.45) {
      const code = pick(random, CODE);
      blocks.push(`\`\`\`${code.lang}\n${fill(random, code.text, lang, false)}\n\`\`\``);
    }
    if (h === 1) blocks.push(table(random, lang));
    if (h === 2)
      blocks.push(
        Array.from(
          { length: int(random, 3, 5) },
          () => `- **${pick(random, TERMS[lang])}**: ${fill(random, pick(random, SENTENCES[lang]), lang, math)}`,
        ).join('\n'),
      );
  });
  blocks.push(
    `## ${lang === 'zh' ? '延伸阅读' : 'Further reading'}`,
    Array.from({ length: 3 }, () => `- ${link()}`).join('\n'),
  );
  return {
    lang,
    slug,
    title,
    description,
    date: day,
    tags: noteTags,
    prerequisites,
    textOnly,
    body: `${blocks.join('\n\n')}\n`,
  };
}

/**
 * `count` notes (half Chinese, half English, paired by slug; the odd one is Chinese), the same for the same seed.
 * @param tags tag ids to draw from (the site's registry).
 */
export function generateCorpus(count: number, tags: readonly string[], seed = 2026): CorpusNote[] {
  const pairs = Math.ceil(count / 2);
  const notes: CorpusNote[] = [];
  for (let i = 1; i <= pairs; i++) {
    notes.push(makeNote(seed, 'zh', i, pairs, tags));
    if (notes.length < count) notes.push(makeNote(seed, 'en', i, pairs, tags));
  }
  return notes;
}

const yamlList = (items: readonly string[]) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;

/** The site's layout: `<dir>/{zh,en}/<slug>.md` with its full frontmatter. */
export function writeSiteCorpus(dir: string, notes: readonly CorpusNote[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const lang of ['zh', 'en']) mkdirSync(join(dir, lang), { recursive: true });
  for (const n of notes) {
    const front = [
      `title: ${JSON.stringify(n.title)}`,
      `description: ${JSON.stringify(n.description)}`,
      `date: ${n.date}`,
      `tags: ${yamlList(n.tags)}`,
      ...(n.prerequisites.length > 0 ? [`prerequisites: ${yamlList(n.prerequisites)}`] : []),
    ];
    writeFileSync(join(dir, n.lang, `${n.slug}.md`), `---\n${front.join('\n')}\n---\n\n${n.body}`);
  }
}

/**
 * A peer's layout: `<dir>/notes/<slug>.md` for Chinese (the root locale) and `<dir>/en/notes/<slug>.md`, so the
 * URLs match the site's; only title and description in the frontmatter (what both peers' schemas know).
 * @param link rewrites an internal URL (VitePress links pages without the trailing slash).
 */
export function writePeerCorpus(
  dir: string,
  notes: readonly CorpusNote[],
  link: (url: string) => string = (url) => url,
): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['notes', 'en/notes']) mkdirSync(join(dir, sub), { recursive: true });
  for (const n of notes) {
    const body = n.body.replace(/\]\((\/(?:en\/)?notes\/[^)]+)\)/g, (_, url: string) => `](${link(url)})`);
    const front = `---\ntitle: ${JSON.stringify(n.title)}\ndescription: ${JSON.stringify(n.description)}\n---\n\n`;
    writeFileSync(join(dir, n.lang === 'zh' ? 'notes' : 'en/notes', `${n.slug}.md`), front + body);
  }
}
