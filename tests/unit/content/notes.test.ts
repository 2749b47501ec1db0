// The knowledge base covers every part of the seed document, in both languages.
// The seed's sections and their distinctive terms are listed here (the seed itself is not read at test time).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const NOTES = 'content/notes';
const SLUGS = [
  'roadmap', 'ai-taxonomy', 'machine-learning-process', 'deep-learning-process', 'neuron', 'activation-functions',
  'network-architectures', 'learning-methods', 'apple-core-ml', 'sota-image-models', 'open-source-tools', 'glossary',
  'training-deep-networks', 'attention-and-transformers', 'diffusion-models',
];

function slugsIn(lang: 'zh' | 'en'): string[] {
  return readdirSync(`${NOTES}/${lang}`).map((f) => f.replace(/\.mdx?$/, '')).sort();
}
function read(lang: 'zh' | 'en', slug: string): string {
  const file = ['md', 'mdx'].map((ext) => `${NOTES}/${lang}/${slug}.${ext}`).find((f) => existsSync(f));
  if (!file) throw new Error(`missing note ${lang}/${slug}`);
  return readFileSync(file, 'utf8');
}

/** Seed section → the note that covers it, and terms each language version must contain. */
const COVERAGE: Array<{ section: string; slug: string; zh: string[]; en: string[] }> = [
  { section: '路线图', slug: 'roadmap', zh: ['AI Expert Roadmap', 'i.am.ai/roadmap', '数据科学家', '机器学习', '深度学习', '数据工程师', '大数据工程师', '线性代数', '数据库'], en: ['AI Expert Roadmap', 'i.am.ai/roadmap', 'data scientist', 'data engineer', 'big-data engineer', 'linear algebra', 'database'] },
  { section: '人工智能分类', slug: 'ai-taxonomy', zh: ['神经网络', 'TensorFlow', 'PyTorch', '树集成', 'XGBoost', 'scikit-learn', '广义线性模型', '线性回归', '逻辑回归', '支持向量机', 'LIBSVM', '流水线'], en: ['neural network', 'TensorFlow', 'PyTorch', 'tree ensemble', 'XGBoost', 'scikit-learn', 'generalized linear model', 'linear regression', 'logistic regression', 'support vector machine', 'LIBSVM', 'pipeline'] },
  { section: '机器学习过程', slug: 'machine-learning-process', zh: ['训练数据', '函数', '损失', '过拟合', '测试集'], en: ['training data', 'function', 'loss', 'overfitting', 'test set'] },
  { section: '神经网络深度学习过程', slug: 'deep-learning-process', zh: ['神经元', '激活函数', '权重', '偏置', '阈值', '函数集'], en: ['neuron', 'activation function', 'weight', 'bias', 'threshold', 'function set'] },
  { section: '神经元', slug: 'neuron', zh: ['向量', '权重', '偏置', '激活函数', '非线性'], en: ['vector', 'weight', 'bias', 'activation', 'non-linear'] },
  { section: '激活函数', slug: 'activation-functions', zh: ['ReLU', 'sigmoid', '梯度消失', 'tanh', 'GELU', 'softmax', '1/4'], en: ['ReLU', 'sigmoid', 'vanishing gradient', 'tanh', 'GELU', 'softmax', '1/4'] },
  { section: '网络结构', slug: 'network-architectures', zh: ['全连接', '卷积神经网络', '循环神经网络', '记忆网络', '神经图灵机', '动态记忆网络'], en: ['fully connected', 'convolutional', 'recurrent', 'memory network', 'neural Turing machine', 'dynamic memory network'] },
  { section: '学习方式', slug: 'learning-methods', zh: ['梯度下降', 'Adam', 'Dropout', '反向传播', '监督学习', '强化学习', '链式法则'], en: ['gradient descent', 'Adam', 'dropout', 'backpropagation', 'supervised learning', 'reinforcement learning', 'chain rule'] },
  { section: 'Apple CoreML', slug: 'apple-core-ml', zh: ['Core ML', 'Vision', 'Natural Language', 'Speech', 'Sound Analysis', 'Metal Performance Shaders', 'MPSGraph', 'Accelerate', 'vImage', 'Core Image', 'CIFilter', 'coremltools', 'xcrun coremlc compile', 'xcrun coremlc generate', '--language Swift'], en: ['Core ML', 'Vision', 'Natural Language', 'Speech', 'Sound Analysis', 'Metal Performance Shaders', 'MPSGraph', 'Accelerate', 'vImage', 'Core Image', 'CIFilter', 'coremltools', 'xcrun coremlc compile', 'xcrun coremlc generate', '--language Swift'] },
  { section: 'state of the art(SOTA)', slug: 'sota-image-models', zh: ['LaMa', '傅里叶', 'LDM', 'ZITS', 'MAT', 'FcF', 'Manga', 'Anything', 'Realistic Vision', 'OpenCV', 'Stable Diffusion 1.5', 'Stable Diffusion 2', 'Paint-by-Example', 'InstructPix2Pix', 'IOPaint', 'Lama Cleaner'], en: ['LaMa', 'Fourier', 'LDM', 'ZITS', 'MAT', 'FcF', 'Manga', 'Anything', 'Realistic Vision', 'OpenCV', 'Stable Diffusion 1.5', 'Stable Diffusion 2', 'Paint-by-Example', 'InstructPix2Pix', 'IOPaint', 'Lama Cleaner'] },
  { section: '开源', slug: 'open-source-tools', zh: ['TVM', 'Bringing-Old-Photos-Back-to-Life', 'stable-diffusion-webui', 'OpenBLAS', 'LAPACK', 'BLAS'], en: ['TVM', 'Bringing-Old-Photos-Back-to-Life', 'stable-diffusion-webui', 'OpenBLAS', 'LAPACK', 'BLAS'] },
];

describe('the notes', () => {
  it('include every slug listed here in Chinese and English', () => {
    for (const lang of ['zh', 'en'] as const) expect(slugsIn(lang)).toEqual(expect.arrayContaining(SLUGS));
  });

  it('have a translation for every note, in both directions', () => {
    expect(slugsIn('en')).toEqual(slugsIn('zh'));
  });

  it.each(COVERAGE)('cover the seed section "$section" in $slug', ({ slug, zh, en }) => {
    const zhText = read('zh', slug).toLowerCase();
    const enText = read('en', slug).toLowerCase();
    expect(zh.filter((term) => !zhText.includes(term.toLowerCase())), `zh/${slug} is missing`).toEqual([]);
    expect(en.filter((term) => !enText.includes(term.toLowerCase())), `en/${slug} is missing`).toEqual([]);
  });

  it('correct the seed where it is wrong, and say so', () => {
    expect(read('zh', 'network-architectures')).toMatch(/更正/);
    expect(read('en', 'network-architectures')).toMatch(/Correction/);
    expect(read('zh', 'learning-methods')).toMatch(/更正/);
    expect(read('en', 'learning-methods')).toMatch(/Correction/);
  });

  it('have a glossary of at least 40 terms in each language, each linked to a note', () => {
    for (const lang of ['zh', 'en'] as const) {
      const rows = read(lang, 'glossary').split('\n').filter((line) => /^\|/.test(line) && !/^\|\s*-/.test(line) && !/^\|\s*(术语|Term)\s*\|/.test(line));
      expect(rows.length, lang).toBeGreaterThanOrEqual(40);
      const prefix = lang === 'zh' ? '](/notes/' : '](/en/notes/';
      expect(rows.filter((row) => !row.includes(prefix)), `${lang} glossary rows without a note link`).toEqual([]);
    }
  });

  it('link to the notes they build on', () => {
    for (const slug of SLUGS.filter((s) => s !== 'glossary')) {
      expect(read('zh', slug), `zh/${slug}`).toMatch(/\]\(\/notes\/[a-z-]+\/\)/);
      expect(read('en', slug), `en/${slug}`).toMatch(/\]\(\/en\/notes\/[a-z-]+\/\)/);
    }
  });
});

describe('the diagrams', () => {
  const images = SLUGS.flatMap((slug) =>
    (['zh', 'en'] as const).flatMap((lang) =>
      [...read(lang, slug).matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((m) => ({ note: `${lang}/${slug}`, alt: m[1]!, src: m[2]! })),
    ),
  );

  it('are SVG files made in the project, each with a text alternative', () => {
    expect(images.length).toBeGreaterThanOrEqual(10);
    for (const { note, alt, src } of images) {
      expect(src, note).toMatch(/^\/diagrams\/[a-z0-9-]+\.svg$/);
      expect(alt.trim().length, `${note}: ${src} needs alt text`).toBeGreaterThan(10);
      expect(existsSync(`public${src}`), `${note}: public${src} does not exist`).toBe(true);
    }
  });

  it('describe themselves (role, title, desc) and load nothing from outside', () => {
    for (const file of readdirSync('public/diagrams')) {
      const svg = readFileSync(`public/diagrams/${file}`, 'utf8');
      expect(svg, file).toMatch(/role="img"/);
      expect(svg, file).toMatch(/<title[^>]*>[^<]+<\/title>/);
      expect(svg, file).toMatch(/<desc[^>]*>[^<]+<\/desc>/);
      expect(svg, file).not.toMatch(/<script|href="https?:|@import|url\(https?:/);
    }
  });
});
