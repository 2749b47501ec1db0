// Copy buttons on code blocks (loaded by site.ts once a code block can be seen). Safe to call again.

export function addCopyButtons(): void {
  const isEnglish = document.documentElement.lang === 'en';
  for (const block of document.querySelectorAll<HTMLElement>('.code-block')) {
    const bar = block.querySelector('.code-block__bar');
    const code = block.querySelector('pre');
    if (!bar || !code || bar.querySelector('.code-block__copy')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-block__copy';
    button.textContent = isEnglish ? 'Copy' : '复制';
    button.setAttribute('aria-label', isEnglish ? 'Copy code' : '复制代码');
    const status = document.createElement('span');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(code.innerText.replace(/\n$/, ''));
        button.textContent = status.textContent = isEnglish ? 'Copied' : '已复制';
      } catch {
        button.textContent = isEnglish ? 'Press Ctrl+C' : '请按 Ctrl+C';
        getSelection()?.selectAllChildren(code);
      }
      setTimeout(() => {
        button.textContent = isEnglish ? 'Copy' : '复制';
        status.textContent = '';
      }, 2000);
    };
    button.addEventListener('click', () => void copy());
    bar.append(button, status);
  }
}
