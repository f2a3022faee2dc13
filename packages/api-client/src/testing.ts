/**
 * A stand-in for CareMap's tRPC endpoint in component tests: install it as the global fetch and
 * the real client, links and transformer talk to it as they would to the server.
 *
 *   vi.stubGlobal('fetch', fakeApi({ 'auth.me': () => ({ user: null }) }));
 */
import superjson from 'superjson';

export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    readonly data: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export type FakeHandler = (input: unknown) => unknown | Promise<unknown>;

/** A fetch that answers httpBatchLink requests from `handlers`, keyed by procedure path. */
export function fakeApi(handlers: Record<string, FakeHandler>): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const paths = url.pathname.replace(/^\/trpc\//, '').split(',');
    const raw: Record<string, unknown> =
      init?.method === 'POST'
        ? JSON.parse(String(init.body ?? '{}'))
        : JSON.parse(url.searchParams.get('input') ?? '{}');
    let status = 200;
    const results = await Promise.all(
      paths.map(async (path, index) => {
        calls.push(path);
        const serialized = raw[String(index)];
        const procedureInput = serialized ? superjson.deserialize(serialized as never) : undefined;
        try {
          const handler = handlers[path];
          if (!handler) throw new FakeApiError('NOT_FOUND', 404);
          return { result: { data: superjson.serialize(await handler(procedureInput)) } };
        } catch (error) {
          const e = error instanceof FakeApiError ? error : new FakeApiError('INTERNAL_SERVER_ERROR', 500);
          status = paths.length > 1 ? 207 : e.httpStatus;
          return {
            error: superjson.serialize({
              message: e.code,
              code: -32000,
              data: { code: e.code, httpStatus: e.httpStatus, path, ...e.data },
            }),
          };
        }
      }),
    );
    return new Response(JSON.stringify(results), { status, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fake, { calls }) as typeof fetch & { calls: string[] };
}
