/**
 * One box: a name (typos tolerated), an email, a phone number, a postal code or a source record id.
 * The API's free-text search (`q`) recognises which one it is; best match first.
 */
import { useState } from 'preact/hooks';
import { api, withQuery } from '../api.js';
import { Loading, useAsync } from '../components/async.js';
import { addressText, displayName, money } from '../format.js';
import { href, navigate } from '../route.js';
import type { SearchResponse } from '../types.js';

export function SearchScreen({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const state = useAsync(
    async () => (q ? api<SearchResponse>('GET', withQuery('/customers', { q, limit: 25 })) : { items: [] }),
    [q],
  );
  return (
    <section>
      <h2>Find a customer</h2>
      <form
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href('search', null, { q: text.trim() }));
        }}
      >
        <input
          name="q"
          type="search"
          autoFocus
          placeholder="Name, email, phone, postal code or source record id"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">Search</button>
      </form>
      {q && (
        <Loading state={state}>
          {() =>
            state.data!.items.length === 0 ? (
              <p class="muted empty">No customer found for “{q}”.</p>
            ) : (
              <table class="results">
                <thead>
                  <tr>
                    <th>Customer</th>
                    <th>Email</th>
                    <th>Phone</th>
                    <th>Address</th>
                    <th class="num">Records</th>
                    <th class="num">Value</th>
                    <th class="num">Match</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data!.items.map(({ customer: c, score }) => (
                    <tr key={c.id} data-customer={c.id}>
                      <td>
                        <a href={href('customer', c.id)}>{displayName(c.golden)}</a>
                      </td>
                      <td>{c.golden.email?.value ?? ''}</td>
                      <td>{c.golden.phone?.value ?? ''}</td>
                      <td>{c.golden.address ? addressText(c.golden.address.value) : ''}</td>
                      <td class="num">{c.recordCount}</td>
                      <td class="num">{money(c.totalValue)}</td>
                      <td class="num">{Math.round(score * 100)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      )}
    </section>
  );
}
