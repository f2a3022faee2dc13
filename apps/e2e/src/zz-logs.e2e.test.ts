// The log audit: after every other e2e file has run (the sequencer in vitest.config.ts puts this
// file last), drive a few sign-in flows over HTTP, then read EVERYTHING the server printed during the
// run (global-setup captures it at debug level) and check that no seeded e-mail address, phone
// number or person name is in it. The seeded values come from the deterministic seed generator, run
// in a process of its own, not from the server under test.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const PASSWORD = 'caremap-demo';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const dbPackage = fileURLToPath(new URL('../../../packages/db/', import.meta.url));

interface Seeded {
  userEmails: string[];
  userNames: string[];
  emails: string[];
  phones: string[];
}

/**
 * The personal-looking values of the demo data set: users' e-mails and display names, the e-mails
 * of organisations, services and partner institutions, and every phone number (the seed has no
 * contact persons: users are its only people).
 */
async function seededValues(): Promise<Seeded> {
  const script = `
    const { generateSeedData } = await import('@caremap/db/seed');
    const d = generateSeedData({ now: new Date() });
    const pick = (rows, key) => rows.map((r) => r[key]).filter((v) => typeof v === 'string' && v);
    process.stdout.write(JSON.stringify({
      userEmails: pick(d.appUser, 'email'),
      userNames: pick(d.appUser, 'displayName'),
      emails: [...pick(d.organization, 'email'), ...pick(d.service, 'email'), ...pick(d.partnerInstitution, 'email')],
      phones: [...pick(d.phone, 'number'), ...pick(d.partnerInstitution, 'phone')],
    }));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: dbPackage, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Seeded;
}

/** Each value as written, JSON-escaped, and (phones) as bare digits, the form a header can carry. */
function needles(seeded: Seeded): string[] {
  const all = new Set<string>();
  for (const v of [...seeded.userEmails, ...seeded.emails, ...seeded.userNames, ...seeded.phones]) {
    all.add(v);
    all.add(JSON.stringify(v).slice(1, -1));
  }
  for (const phone of seeded.phones) all.add(phone.replace(/\D/g, ''));
  return [...all];
}

function leaks(text: string, values: string[]): string[] {
  const lines = text.split('\n');
  return values.flatMap((v) => {
    const line = lines.find((l) => l.includes(v));
    return line === undefined ? [] : [`${v}  in  ${line.slice(0, 300)}`];
  });
}

const url = () => inject('caremapUrl');
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${url()}/trpc/auth.login`, {
    method: 'POST',
    headers: { origin: url(), 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: { email, password } }),
  });

let seeded: Seeded;
beforeAll(async () => {
  seeded = await seededValues();
});

describe('the server log of the whole e2e run', () => {
  const ours: Record<string, string> = {};

  it('sees sign-in flows that handle seeded personal data', async () => {
    const [partnerEmail] = seeded.emails.filter((e) => e.startsWith('podatelna@'));
    const phoneDigits = seeded.phones[0]!.replace(/\D/g, '');

    const failed = await login('networker@demo.caremap.eu', 'not-the-password');
    expect(failed.status).toBe(401);
    ours.failed = failed.headers.get('x-request-id')!;

    const unknown = await login(partnerEmail!, 'not-the-password');
    expect(unknown.status).toBe(401);

    const malformed = await login(seeded.emails[0]!, '');
    expect(malformed.status).toBe(400);

    const ok = await login('admin@demo.caremap.eu', PASSWORD);
    expect(ok.status).toBe(200);
    ours.ok = ok.headers.get('x-request-id')!;
    // Every cookie sign-in set (the session, and the double-submit CSRF token when there is one).
    const jar = Object.fromEntries(ok.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=', 2)));
    const cookie = Object.entries(jar)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const me = await fetch(`${url()}/trpc/auth.me`, { headers: { cookie } });
    expect((await me.json()).result.data.json.user.displayName).toBe('Demo Admin');
    const out = await fetch(`${url()}/trpc/auth.logout`, {
      method: 'POST',
      headers: {
        origin: url(),
        'content-type': 'application/json',
        cookie,
        ...(jar.caremap_csrf ? { 'x-caremap-csrf': jar.caremap_csrf } : {}),
      },
      body: '{}',
    });
    expect(out.status).toBe(200);

    // Personal-looking request ids: a seeded phone number as digits, a name, a seeded e-mail.
    for (const id of [phoneDigits, 'jane_doe_1985', 'organiser@demo.caremap.eu']) {
      const res = await login('organiser@demo.caremap.eu', 'not-the-password', { 'x-request-id': id });
      expect(res.status).toBe(401);
      // Soft: where the id is kept, the audit below still runs and shows where it ended up.
      expect.soft(res.headers.get('x-request-id')).not.toBe(id);
      expect.soft(res.headers.get('x-request-id')).toMatch(UUID);
    }
    ours.last = (await fetch(`${url()}/healthz`)).headers.get('x-request-id')!;
  });

  it('holds no seeded e-mail, phone number or person name', async () => {
    expect(ours.last, 'the sign-in flows ran').toBeDefined();
    const file = inject('caremapLogFile');
    // The server writes through a pipe: wait until our last request has reached the file.
    const deadline = Date.now() + 15_000;
    while (!readFileSync(file, 'utf8').includes(ours.last!) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter((l) => l.trim());

    // Not vacuous: the whole run is in the log, our requests included, and the list is long.
    expect(lines.length).toBeGreaterThan(0);
    const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = json.filter((l) => l.msg === 'request');
    expect(requests.length, 'request lines of the other e2e files').toBeGreaterThan(100);
    expect(json.some((l) => l.msg === 'ready')).toBe(true);
    for (const [id, status] of [
      [ours.failed, 401],
      [ours.ok, 200],
    ] as const)
      expect(requests).toContainEqual(
        expect.objectContaining({ reqId: id, path: '/trpc/auth.login', status }),
      );
    const values = needles(seeded);
    expect(seeded.userEmails.length).toBeGreaterThanOrEqual(6);
    expect(seeded.userNames.length).toBeGreaterThanOrEqual(6);
    expect(seeded.emails.length).toBeGreaterThan(1000);
    expect(seeded.phones.length).toBeGreaterThan(1000);

    // The start-up banner (not a log line: text for the person at the terminal) lists the demo
    // accounts with their e-mails on purpose; those lines, and only those, are exempt.
    const banner = /^ {4}(\S+@demo\.caremap\.eu) +\w+ \(.+\)$/;
    const demoLogins = lines.filter((l) => banner.test(l));
    expect(demoLogins.map((l) => banner.exec(l)![1]).sort()).toEqual([...seeded.userEmails].sort());
    const checked = lines.filter((l) => !banner.test(l)).join('\n');

    // The matcher works: it finds a seeded value that is there.
    expect(leaks(`{"msg":"x"}\n{"x":"${seeded.phones[7]}"}`, values)).toHaveLength(1);
    // Every seeded value, and the name-like request id sent above.
    const found = leaks(checked, [...values, 'jane_doe_1985']);
    console.info(
      `log audit: ${values.length} seeded values (${seeded.userEmails.length + seeded.emails.length} e-mails, ` +
        `${seeded.phones.length} phone numbers, ${seeded.userNames.length} names, with their escaped and ` +
        `digits-only forms) checked against ${lines.length} lines (${requests.length} requests): ${found.length} found`,
    );
    expect(found).toEqual([]);
  });
});
