// The theme script that must run in <head> before the first paint (so the page never flashes the wrong
// theme). It is inlined as text; astro.config.mjs hashes this exact text for the Content-Security-Policy.
// Written compactly by hand: it is in every page's HTML and counts towards a text note's 2 KB script budget.
// It sets data-theme (light or dark: the system's unless the reader chose) and data-theme-preference.
export const THEME_INIT =
  "(function(){var s=null,d=document.documentElement.dataset;try{s=localStorage.getItem('theme')}catch(e){}" +
  "d.theme=s==='dark'||(s!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches)?'dark':'light';" +
  "d.themePreference=s==='light'||s==='dark'?s:'auto'})();";
