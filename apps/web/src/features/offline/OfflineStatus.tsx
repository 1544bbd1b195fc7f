import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { useMessages } from '../../lib/i18n';
import { flushQueue, pendingActions, QUEUE_EVENT } from '../../lib/offline';
import { invalidate } from '../../lib/resource';
import { messages } from './messages';
import './offline.css';

/**
 * Says when the phone has no connection and how many actions wait on it, and sends them when the line comes back
 * (and at start, and after each new one, in case the line is there after all).
 */
export function OfflineStatus() {
  const t = useMessages(messages);
  const { user } = useAuth();
  const [online, setOnline] = useState(() => navigator.onLine);
  const [pending, setPending] = useState(0);
  const [sent, setSent] = useState(0);
  const userId = user?.id;

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  useEffect(() => {
    if (!userId || typeof indexedDB === 'undefined') return;
    let cancelled = false;
    const count = () => pendingActions(userId).then((list) => !cancelled && setPending(list.length), () => undefined);
    const send = async () => {
      const n = await flushQueue(userId).catch(() => 0);
      if (cancelled || n === 0) return;
      // What the server now knows (progress, scores) replaces what the pages showed.
      invalidate();
      setSent(n);
    };
    const onQueue = () => void count();
    const onOnline = () => void send();
    void count();
    void send();
    window.addEventListener(QUEUE_EVENT, onQueue);
    window.addEventListener('online', onOnline);
    return () => {
      cancelled = true;
      window.removeEventListener(QUEUE_EVENT, onQueue);
      window.removeEventListener('online', onOnline);
    };
  }, [userId]);

  const lines = [!online ? t.offlineNow : null, pending > 0 ? t.pending(pending) : null, online && pending === 0 && sent > 0 ? t.sent(sent) : null].filter(Boolean);
  return (
    <div className="offline-status" role="status" data-state={online ? 'online' : 'offline'}>
      {lines.length ? (
        <div className="container">
          {lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
