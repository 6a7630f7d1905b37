/**
 * The phone disclosure of a form's filters (src/components/FiltersDisclosure.astro): the button opens
 * and closes the body (aria-expanded, data-open), and its count says how many filters are set. The
 * count follows the user's input by itself; a script that sets the form's values (a shared link, Back)
 * calls the returned `refresh`.
 */
export function initFiltersDisclosure(root: ParentNode): () => void {
  const button = root.querySelector<HTMLButtonElement>('[data-filters-toggle]');
  const body = button ? document.getElementById(button.getAttribute('aria-controls') ?? '') : null;
  if (!button || !body) return () => {};
  const countEl = button.querySelector<HTMLElement>('[data-active-count]');
  const template = button.dataset.activeTemplate ?? '{n}';
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    body.toggleAttribute('data-open', open);
  });
  const refresh = () => {
    let n = 0;
    for (const el of body.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
      if (el.hasAttribute('data-not-filter') || el.type === 'hidden') continue;
      if (el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value.trim() !== '') n++;
    }
    if (countEl) countEl.textContent = n ? template.replace('{n}', String(n)) : '';
    button.dataset.active = String(n);
  };
  body.addEventListener('input', refresh);
  body.addEventListener('change', refresh);
  refresh();
  return refresh;
}
