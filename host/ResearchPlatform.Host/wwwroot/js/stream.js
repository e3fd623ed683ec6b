// Server push: one EventSource on /api/stream, re-broadcast as DOM events on a shared bus.
export const EVENT_TYPES = ['snapshot', 'alert', 'decision', 'order', 'evolution', 'component'];

/** The bus: `bus.on('snapshot', fn)` returns an unsubscribe function. */
export const bus = {
  target: new EventTarget(),
  on(type, fn) {
    const handler = (e) => fn(e.detail);
    this.target.addEventListener(type, handler);
    return () => this.target.removeEventListener(type, handler);
  },
  emit(type, detail) {
    this.target.dispatchEvent(new CustomEvent(type, { detail }));
  },
};

/** Opens the stream (the browser reconnects by itself) and reports the connection state as `connection` events. */
export function connectStream() {
  const es = new EventSource('/api/stream');
  for (const type of EVENT_TYPES) {
    es.addEventListener(type, (e) => {
      let data;
      try {
        data = JSON.parse(e.data);
      } catch {
        return;
      }
      bus.emit(type, data);
    });
  }
  es.onopen = () => bus.emit('connection', { live: true });
  es.onerror = () => bus.emit('connection', { live: es.readyState === EventSource.OPEN });
  return es;
}
