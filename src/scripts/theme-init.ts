// The theme script that must run in <head> before the first paint (so the page never flashes the wrong
// theme). It is inlined as text; astro.config.mjs hashes this exact text for the Content-Security-Policy.
export const THEME_INIT = `(function () {
  var stored = null;
  try { stored = localStorage.getItem('theme'); } catch (e) {}
  var dark = stored === 'dark' || (stored !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.themePreference = stored === 'light' || stored === 'dark' ? stored : 'auto';
})();`;
