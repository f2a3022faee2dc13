import { CareMapQueryProvider, SESSION_EVENT } from '@caremap/api-client';
import { FakeApiError, type FakeHandler, fakeApi, type ProcedureOutput } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Login } from './Login';

// Room for a loaded machine (the default 1 s ran out once in a CI run under load); fails as before.
const waitFor = <T,>(check: () => T) => vi.waitFor(check, { timeout: 10_000 });

const t = setupReactRoot();
beforeEach(() => {
  window.history.replaceState(null, '', '/login?next=/network');
});

const user: ProcedureOutput<'auth.login'> = {
  id: 'u1',
  email: 'organiser@demo.caremap.eu',
  displayName: 'Kovács Éva',
  locale: 'hu',
  roles: [],
};

async function renderLogin(login: FakeHandler<'auth.login'>) {
  vi.stubGlobal('fetch', fakeApi({ 'auth.me': () => ({ user: null }), 'auth.login': login }));
  t.root.render(
    <CareMapQueryProvider>
      <Login />
    </CareMapQueryProvider>,
  );
  await waitFor(() => expect(t.container.querySelector('form')).not.toBeNull());
}

function fill(selector: string, value: string) {
  const input = t.container.querySelector<HTMLInputElement>(selector)!;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function submit() {
  t.container.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

describe('the sign-in form', () => {
  it('names each empty field next to it and in an alert that takes focus', async () => {
    const login = vi.fn();
    await renderLogin(login);
    submit();
    await waitFor(() => expect(t.container.querySelector('[role=alert]')).not.toBeNull());
    const alert = t.container.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('E-mail: this field is required');
    expect(alert.textContent).toContain('Password: this field is required');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    const email = t.container.querySelector('#login-email')!;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe(
      'this field is required',
    );
    expect(login).not.toHaveBeenCalled();
  });

  it('says "Wrong e-mail or password" when the server refuses', async () => {
    await renderLogin(() => {
      throw new FakeApiError('UNAUTHORIZED', 401, { appCode: 'invalid_credentials' });
    });
    fill('#login-email', 'organiser@demo.caremap.eu');
    fill('#login-password', 'nope');
    submit();
    await waitFor(() =>
      expect(t.container.querySelector('[role=alert]')?.textContent).toContain('Wrong e-mail or password'),
    );
    expect(window.location.pathname).toBe('/login');
  });

  it('signs in, tells the page the session changed and goes back where the visitor came from', async () => {
    const login = vi.fn(() => user);
    const sessionChanged = vi.fn();
    window.addEventListener(SESSION_EVENT, sessionChanged);
    await renderLogin(login);
    fill('#login-email', ' Organiser@Demo.CareMap.eu ');
    fill('#login-password', 'caremap-demo');
    submit();
    await waitFor(() => expect(window.location.pathname).toBe('/network'));
    expect(login).toHaveBeenCalledWith({ email: 'organiser@demo.caremap.eu', password: 'caremap-demo' });
    expect(sessionChanged).toHaveBeenCalledTimes(1);
    window.removeEventListener(SESSION_EVENT, sessionChanged);
  });
});
