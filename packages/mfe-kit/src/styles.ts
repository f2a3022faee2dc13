/**
 * An MFE's stylesheet lives in a <style> element only while the MFE is mounted, so navigating
 * away leaves no rules behind.
 */
export function styleSheet(owner: string, css: string) {
  let element: HTMLStyleElement | null = null;
  return {
    attach(): void {
      if (element || !css) return;
      element = document.createElement('style');
      element.dataset.caremapMfe = owner;
      element.textContent = css;
      document.head.appendChild(element);
    },
    detach(): void {
      element?.remove();
      element = null;
    },
  };
}
