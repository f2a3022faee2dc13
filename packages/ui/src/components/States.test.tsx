// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { setupReactRoot } from '../testing';
import { type QueryLike, QueryState } from './States';

const t = setupReactRoot('cs');

function query(over: Partial<QueryLike<string[]>>): QueryLike<string[]> {
  return { isPending: false, isError: false, error: null, data: undefined, refetch: vi.fn(), ...over };
}

async function show(q: QueryLike<string[]>) {
  await act(async () =>
    t.root.render(
      <QueryState query={q} failed="Seznam se nepodařilo načíst">
        {(items) => (
          <ul>
            {items.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
      </QueryState>,
    ),
  );
}

describe('QueryState', () => {
  it('says it is loading, politely, while the query is pending', async () => {
    await show(query({ isPending: true }));
    const status = t.container.querySelector('[role="status"]');
    expect(status?.textContent).toMatch(/Načítá/);
    expect(t.container.querySelector('ul')).toBeNull();
  });

  it('shows what failed, the translated cause and a retry that refetches', async () => {
    const refetch = vi.fn();
    await show(query({ isError: true, error: new TypeError('Failed to fetch'), refetch }));
    const alert = t.container.querySelector('[role="alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe('Seznam se nepodařilo načíst');
    expect(alert?.textContent).toContain('Server není dostupný');
    expect(alert?.textContent).not.toContain('Failed to fetch');
    const retry = alert?.querySelector('button');
    expect(retry?.textContent).toBeTruthy();
    await act(async () => retry?.click());
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('renders the children with the data once it is there', async () => {
    await show(query({ data: ['Třebíč', 'Jihlava'] }));
    expect([...t.container.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Třebíč',
      'Jihlava',
    ]);
    expect(t.container.querySelector('[role="alert"], [role="status"]')).toBeNull();
  });
});
