import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from './i18n';

describe('initI18n', () => {
  it('initialises the shared instance once; later calls only add catalogs', () => {
    const first = initI18n();
    const init = vi.spyOn(i18next, 'init');
    expect(initI18n()).toBe(first);
    expect(init).not.toHaveBeenCalled();
    expect(i18next.t('nav.find', { lng: 'tr' })).toBe('Hizmet bul');
  });

  it('reports a missing key as a console error, so the end-to-end tests catch it', () => {
    initI18n();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    i18next.t('directory.noSuchKey' as never);
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('directory.noSuchKey'));
    consoleError.mockRestore();
  });
});
