// "One search, many doors": on the seeded directory, /api/hsds and the directory search
// (directory.search's searchServices) name the same services for the same opening-hours and
// accessibility question, and each answer is not trivially empty or everything.
import { searchServices } from '@caremap/api';
import { seed } from '@caremap/db/seed';
import { useTestDatabase } from '@caremap/db/testing';
import type { ServiceSearchInput } from '@caremap/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger, serveOnFreePort } from '../test/http';
import { createApp } from './app';

const t = useTestDatabase();
let server: Awaited<ReturnType<typeof serveOnFreePort>>;
const now = new Date('2026-05-04T08:00:00Z');

beforeAll(async () => {
  await seed(t.current.db, { demoPassword: 'caremap-demo', now });
  server = await serveOnFreePort(
    createApp({ database: t.current, logger: memoryLogger().logger, hsdsLimits: { points: 10_000 } }),
  );
});
afterAll(async () => {
  await server?.close();
});

async function hsdsIds(query: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${server.url}/api/hsds/services?${query}&per_page=1000&page=${page}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { contents: { id: string; status: string }[]; last_page: boolean };
    // The directory search finds active and temporarily closed services; HSDS lists every status.
    for (const s of body.contents)
      if (s.status === 'active' || s.status === 'temporarily closed') ids.add(s.id);
    if (body.last_page) return ids;
  }
}

async function searchIds(input: Omit<ServiceSearchInput, 'page' | 'size'>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const result = await searchServices(t.current.db, { ...input, page, size: 100 }, { now });
    for (const item of result.items) ids.add(item.id);
    if (page * 100 >= result.total) return ids;
  }
}

describe('/api/hsds and the directory search agree', () => {
  it.each([
    ['open_at=2026-05-04T10:00:00%2B02:00', { openAt: '2026-05-04T10:00:00+02:00' }],
    ['open_at=2026-05-03T10:00:00%2B02:00', { openAt: '2026-05-03T10:00:00+02:00' }],
    ['open_at=2026-05-01T10:00:00%2B02:00', { openAt: '2026-05-01T10:00:00+02:00' }],
    ['wheelchair=true', { wheelchair: true }],
  ] as const)('%s', async (query, input) => {
    const [viaHsds, viaSearch] = await Promise.all([hsdsIds(query), searchIds(input)]);
    const all = await hsdsIds('');
    expect(viaSearch.size).toBeGreaterThan(0);
    expect(viaSearch.size).toBeLessThan(all.size);
    expect([...viaHsds].sort()).toEqual([...viaSearch].sort());
  });
});
