// Token-protected control actions: a modal that asks for the bearer token (kept in sessionStorage) and, for dangerous
// actions, an explicit confirmation. A 401 keeps the modal open with the server's message.
import { ApiError, token } from './api.js';
import { h } from './dom.js';
import { toast } from './toast.js';

/** Opens a modal; returns {close, setError, root}. */
export function openModal(title, body, actions) {
  const error = h('div', { class: 'error', 'data-testid': 'modal-error', hidden: true });
  const root = h('div', { class: 'modal-backdrop', 'data-testid': 'modal' },
    h('div', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
      h('h1', { text: title }), body, error, h('div', { class: 'actions' }, actions)));
  const close = () => root.remove();
  root.addEventListener('click', (e) => { if (e.target === root) close(); });
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
  document.body.append(root);
  return {
    root,
    close,
    setError(msg) {
      error.textContent = msg;
      error.hidden = !msg;
    },
  };
}

/**
 * Runs a control action. With a stored token it runs at once unless `confirm` is given; otherwise (or after a 401)
 * a modal asks for the token (and the confirmation text, when given) and retries.
 * opts = {title, confirm?: 'I understand ...', confirmLabel, danger, reason?: bool, fields?: Node (extra form inputs; always asks),
 *         action: (reason) => Promise, done?: result => void}
 */
export async function runControl(opts) {
  if (token.get() && !opts.confirm && !opts.reason && !opts.fields) {
    try {
      const result = await opts.action('');
      opts.done?.(result);
      return;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        toast(e.message, true);
        return;
      }
      askAndRun(opts, e.message);
      return;
    }
  }
  askAndRun(opts, '');
}

function askAndRun(opts, firstError) {
  const tokenInput = h('input', { type: 'password', autocomplete: 'off', 'data-testid': 'token-input', placeholder: 'contents of <workspace>/serve.token' });
  tokenInput.value = token.get();
  const reasonInput = opts.reason ? h('input', { type: 'text', 'data-testid': 'reason-input', placeholder: 'optional' }) : null;
  const check = opts.confirm ? h('input', { type: 'checkbox', 'data-testid': 'confirm-check' }) : null;
  const submit = h('button', { class: opts.danger ? 'danger' : 'primary', 'data-testid': 'modal-submit', disabled: !!check }, opts.confirmLabel || 'Confirm');
  const cancel = h('button', { type: 'button', 'data-testid': 'modal-cancel' }, 'Cancel');
  const body = h('form', { class: 'modal-body', onsubmit: (e) => e.preventDefault() },
    opts.message ? h('p', { text: opts.message }) : null,
    opts.fields || null,
    h('label', {}, 'Control token', tokenInput),
    reasonInput ? h('label', {}, 'Reason', reasonInput) : null,
    check ? h('label', { class: 'check' }, check, opts.confirm) : null);
  const m = openModal(opts.title, body, [cancel, submit]);
  m.setError(firstError);
  check?.addEventListener('change', () => { submit.disabled = !check.checked; });
  cancel.addEventListener('click', m.close);
  submit.addEventListener('click', async () => {
    token.set(tokenInput.value.trim());
    submit.disabled = true;
    try {
      const result = await opts.action(reasonInput ? reasonInput.value.trim() : '');
      m.close();
      opts.done?.(result);
    } catch (e) {
      m.setError(e.message);
      if (e instanceof ApiError && e.status === 401) tokenInput.value = '';
      submit.disabled = check ? !check.checked : false;
    }
  });
  (tokenInput.value ? (check || submit) : tokenInput).focus();
}
