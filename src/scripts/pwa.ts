// Registers the service worker and offers a quiet "new version available, reload" prompt when the site
// has been updated. Loaded after the page, never on file:// (the offline bundle) or in development.

function showUpdatePrompt(onReload: () => void): void {
  if (document.querySelector('.update-toast')) return;
  const english = document.documentElement.lang === 'en';
  const toast = document.createElement('div');
  toast.className = 'update-toast';
  toast.setAttribute('role', 'status');
  toast.dataset.testid = 'update-toast';
  const text = document.createElement('span');
  text.textContent = english ? 'A new version of the notes is available.' : '笔记有新版本。';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = english ? 'Reload' : '刷新';
  reload.addEventListener('click', onReload);
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'update-toast__dismiss';
  later.textContent = english ? 'Later' : '稍后';
  later.addEventListener('click', () => toast.remove());
  toast.append(text, reload, later);
  document.body.append(toast);
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  let accepted = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  const registration = await navigator.serviceWorker.register('/sw.js');
  const offer = (worker: ServiceWorker) =>
    showUpdatePrompt(() => {
      accepted = true;
      worker.postMessage({ type: 'SKIP_WAITING' }); // handled by the Workbox-generated worker
    });
  if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      // "installed" with a controller in place means an older version still runs this page.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
    });
  });
}
