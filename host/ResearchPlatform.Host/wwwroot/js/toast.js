// Short-lived notifications in the corner.
export function toast(text, bad = false) {
  const box = document.querySelector('.toasts');
  if (!box) return;
  const el = document.createElement('div');
  el.className = bad ? 'toast bad' : 'toast';
  el.setAttribute('role', bad ? 'alert' : 'status');
  el.textContent = text;
  box.append(el);
  setTimeout(() => el.remove(), bad ? 8000 : 4000);
}
