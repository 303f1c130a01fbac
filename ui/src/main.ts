// Entry point: mounts the Svelte app. Outside Tauri in development (plain `npm run dev` in a
// browser) an in-memory demo backend stands in so the UI can be worked on without Rust.
import { mount } from 'svelte';
import App from './App.svelte';
import { reportError } from './lib/stores/errors.svelte';
import './app.css';

// A failure nobody caught must still be visible (and never silently lose the user's input).
window.addEventListener('error', (e) => reportError(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => reportError(e.reason));

async function start(): Promise<void> {
  if (import.meta.env.DEV && !('__TAURI_INTERNALS__' in window)) {
    const { installDemoBackend } = await import('./lib/demo/backend');
    installDemoBackend();
  }
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
