/**
 * A stand-in for CareMap's tRPC endpoint in component tests: install it as the global fetch and
 * the real client, links and transformer talk to it as they would to the server.
 *
 *   vi.stubGlobal('fetch', fakeApi({ 'auth.me': () => ({ user: null }) }));
 *
 * Handlers are typed against the real router: a key must be a procedure path of `AppRouter`, its
 * input is that procedure's input and it must answer that procedure's output. So when a procedure
 * is renamed or its output changes, `pnpm typecheck` fails on the fake data that no longer matches.
 */
import type { AnyTRPCProcedure } from '@trpc/server';
import superjson from 'superjson';
import type { AppRouter, RouterInputs, RouterOutputs } from './client';

/** `'auth.me' | 'directory.locations' | …`: every procedure of the router, by its dotted path. */
type PathsOf<TRecord, TPrefix extends string = ''> = {
  [K in keyof TRecord & string]: TRecord[K] extends AnyTRPCProcedure
    ? `${TPrefix}${K}`
    : PathsOf<TRecord[K], `${TPrefix}${K}.`>;
}[keyof TRecord & string];

/** The entry of a nested record (router inputs or outputs) at a dotted path. */
type At<T, TPath extends string> = TPath extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : TPath extends keyof T
    ? T[TPath]
    : never;

export type ProcedurePath = PathsOf<AppRouter['_def']['record']>;
/** What the client sends to the procedure at `TPath`. */
export type ProcedureInput<TPath extends ProcedurePath> = At<RouterInputs, TPath>;
/** What the procedure at `TPath` answers (after the transformer, so dates stay `Date`). */
export type ProcedureOutput<TPath extends ProcedurePath> = At<RouterOutputs, TPath>;

export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    readonly data: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** Answers one procedure; throw a `FakeApiError` to answer with an error. */
export type FakeHandler<TPath extends ProcedurePath> = (
  input: ProcedureInput<TPath>,
) => ProcedureOutput<TPath> | Promise<ProcedureOutput<TPath>>;

/** Handlers for some procedures; a call to any other answers NOT_FOUND. */
export type FakeHandlers = { [TPath in ProcedurePath]?: FakeHandler<TPath> };

/**
 * A fetch that answers httpBatchLink requests from `handlers`, keyed by procedure path. A key that
 * is no procedure path is a type error also when `handlers` is a variable rather than a literal.
 */
export function fakeApi<THandlers extends FakeHandlers>(
  handlers: THandlers & Record<Exclude<keyof THandlers, ProcedurePath>, never>,
): typeof fetch & { calls: string[] } {
  const byPath: Partial<Record<string, (input: unknown) => unknown>> = handlers;
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
          const handler = byPath[path];
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
