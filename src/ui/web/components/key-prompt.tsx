/** Asks for the steward API key once; it is kept in sessionStorage for this tab only. */
import { useState } from 'preact/hooks';
import { storeKey } from '../api.js';

export function KeyPrompt({ onKey }: { onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <form
      class="key-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        const k = key.trim();
        if (!k) return;
        storeKey(k);
        onKey(k);
      }}
    >
      <h2>Steward sign-in</h2>
      <p>Enter your steward API key. It is kept for this browser tab only and sent with each request.</p>
      <input
        type="password"
        name="key"
        autoFocus
        autoComplete="off"
        placeholder="API key"
        value={key}
        onInput={(e) => setKey(e.currentTarget.value)}
      />
      <button type="submit">Continue</button>
    </form>
  );
}
