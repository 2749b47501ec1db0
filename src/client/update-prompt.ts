// The quiet "new version available, reload" prompt, shown when the site has been updated while an older
// version still runs the page. site.ts registers the service worker and loads this when a new one is found.

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

let accepted = false;

/** Offers the waiting (or, once installed, the installing) worker of a registration as an update. */
export function offerUpdate(registration: ServiceWorkerRegistration): void {
  const workers = navigator.serviceWorker;
  const offer = (worker: ServiceWorker) =>
    showUpdatePrompt(() => {
      accepted = true;
      worker.postMessage({ type: 'SKIP_WAITING' }); // handled by the Workbox-generated worker
    });
  if (!workers.controller) return; // a first install: nothing older runs this page
  workers.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  if (registration.waiting) {
    offer(registration.waiting);
    return;
  }
  const worker = registration.installing;
  worker?.addEventListener('statechange', () => {
    // "installed" with a controller in place means an older version still runs this page.
    if (worker.state === 'installed') offer(worker);
  });
}
