// The workspace settings dialog against the demo backend: a weight edited in place moves the
// shares and the portfolio's nine-box scores and is undoable; invalid input shows an error beside
// its field and sends nothing; factors are added and deleted (after confirmation, their scores
// back on undo); markup in a name stays text; a read-only workspace offers no settings.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../api';
import { asOf } from '../stores/asOf.svelte';
import { workspace } from '../stores/workspace.svelte';
import { freshApp, teardownApp } from '../../testing/app';

afterEach(() => {
  asOf.clear();
  teardownApp();
});

async function openSettings(): Promise<HTMLElement> {
  await fireEvent.click(await screen.findByTestId('file-menu'));
  const item = await screen.findByTestId('workspace-settings-button');
  await waitFor(() => expect((item as HTMLButtonElement).disabled).toBe(false));
  await fireEvent.click(item);
  return screen.findByTestId('workspace-settings');
}

function row(id: number): HTMLElement {
  const found = screen.getAllByTestId('factor-row').find((r) => r.dataset.id === String(id));
  if (!found) throw new Error(`no factor row ${id}`);
  return found;
}

const input = (r: HTMLElement, testid: string) => within(r).getByTestId(testid) as HTMLInputElement;

async function type(el: HTMLInputElement, value: string, commit: 'change' | 'enter' = 'change'): Promise<void> {
  await fireEvent.input(el, { target: { value } });
  if (commit === 'enter') await fireEvent.keyDown(el, { key: 'Enter' });
  else await fireEvent.change(el);
}

function tailspinAttractiveness(): number {
  const bubble = screen.getAllByTestId('ninebox-bubble').find((b) => b.textContent?.includes('Tailspin'));
  return Number(bubble?.getAttribute('data-attractiveness'));
}

describe('workspace settings: the portfolio factors', () => {
  it('lists each axis with shares; a new weight moves the shares and the nine-box, and undoes', async () => {
    const store = freshApp();
    await fireEvent.click(await screen.findByTestId('nav-portfolio'));
    await screen.findByTestId('ninebox-chart');
    await waitFor(() => expect(tailspinAttractiveness()).toBeCloseTo((5 * 2 + 4 * 1) / 3, 6));

    const dialog = await openSettings();
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const rows = within(dialog).getAllByTestId('factor-row');
    expect(rows.map((r) => r.dataset.axis)).toEqual(['attractiveness', 'attractiveness', 'relationship']);
    expect(within(row(9001)).getByTestId('factor-share').textContent).toContain('66.7%');
    expect(within(row(9002)).getByTestId('factor-share').textContent).toContain('33.3%');
    expect(within(row(9003)).getByTestId('factor-share').textContent).toContain('100.0%');

    await type(input(row(9001), 'factor-weight'), '1', 'enter');
    await waitFor(() => expect(within(row(9001)).getByTestId('factor-share').textContent).toContain('50.0%'));
    expect(store.factors.find((f) => f.id === 9001)?.fields.weight).toBe(1);
    expect(input(row(9001), 'factor-weight').value).toBe('1');
    await waitFor(() => expect(tailspinAttractiveness()).toBeCloseTo((5 + 4) / 2, 6));
    expect(workspace.history.undo_label).toEqual({ verb: 'update', entity: 'factor', name: 'Growth potential' });

    // the app's Undo takes it back; the row follows
    await api.undo();
    await workspace.refresh();
    await waitFor(() => expect(input(row(9001), 'factor-weight').value).toBe('2'));
    await waitFor(() => expect(tailspinAttractiveness()).toBeCloseTo(14 / 3, 6));

    // a rename saves on change, trimmed
    await type(input(row(9002), 'factor-name'), '  Margin outlook ');
    await waitFor(() => expect(store.factors.find((f) => f.id === 9002)?.fields.name).toBe('Margin outlook'));
    await waitFor(() => expect(input(row(9002), 'factor-name').value).toBe('Margin outlook'));
  });

  it('shows invalid input beside its field and sends nothing', async () => {
    const store = freshApp();
    await openSettings();
    const steps = () => store.undoStack.length;
    const before = steps();
    const weight = input(row(9001), 'factor-weight');
    for (const bad of ['0', '-3', '150', '']) {
      await type(weight, bad, 'enter');
      const error = within(row(9001)).getByTestId('factor-weight-error');
      expect(error.textContent).not.toBe('');
      expect(weight.getAttribute('aria-invalid')).toBe('true');
      expect(weight.getAttribute('aria-describedby')).toBe(error.id);
    }
    expect(within(row(9001)).getByTestId('factor-weight-error').textContent).toBe('Enter a number.');
    await type(weight, '150');
    expect(within(row(9001)).getByTestId('factor-weight-error').textContent).toBe('Must be between 0 and 100.');

    const name = input(row(9002), 'factor-name');
    await type(name, '   ');
    expect(within(row(9002)).getByTestId('factor-name-error').textContent).toBe('This field is required.');
    // the same name as another factor on the axis, but for case
    await type(name, 'GROWTH POTENTIAL', 'enter');
    expect(within(row(9002)).getByTestId('factor-name-error').textContent).toBe('This already exists.');
    expect(steps()).toBe(before);
    expect(store.factors.map((f) => f.fields.weight)).toEqual([2, 1, 1]);

    // fixing the value saves it and clears the error
    await type(weight, '3');
    await waitFor(() => expect(within(row(9001)).queryByTestId('factor-weight-error')).toBeNull());
    expect(steps()).toBe(before + 1);
  });

  it('shows a refusal of the backend beside its field', async () => {
    const store = freshApp();
    await openSettings();
    // another window renamed a factor meanwhile: the dialog's list is stale, the backend refuses
    store.factors.push({ id: 9100, fields: { axis: 'relationship', name: 'Trust', weight: 1 } });
    await type(input(row(9003), 'factor-name'), 'trust');
    await waitFor(() => expect(within(row(9003)).getByTestId('factor-name-error').textContent).toBe('This already exists.'));
    expect(store.factors.find((f) => f.id === 9003)?.fields.name).toBe('Share of wallet');
  });

  it('adds a factor per axis and deletes one after confirmation; undo brings its scores back', async () => {
    const store = freshApp();
    const dialog = await openSettings();
    await fireEvent.click(within(dialog).getByTestId('factor-add-relationship'));
    await waitFor(() => expect(within(dialog).getAllByTestId('factor-row')).toHaveLength(4));
    const added = within(dialog).getAllByTestId('factor-row').at(-1)!;
    expect(added.dataset.axis).toBe('relationship');
    expect(input(added, 'factor-name').value).toBe('New factor');
    await waitFor(() => expect(document.activeElement).toBe(input(added, 'factor-name')));
    expect(within(row(9003)).getByTestId('factor-share').textContent).toContain('50.0%');
    await fireEvent.click(within(dialog).getByTestId('factor-add-relationship'));
    await waitFor(() => expect(within(dialog).getAllByTestId('factor-row')).toHaveLength(5));
    expect(input(within(dialog).getAllByTestId('factor-row').at(-1)!, 'factor-name').value).toBe('New factor 2');
    await fireEvent.click(within(dialog).getByTestId('factor-add-attractiveness'));
    await waitFor(() => expect(within(dialog).getAllByTestId('factor-row').filter((r) => r.dataset.axis === 'attractiveness')).toHaveLength(3));

    // delete Growth potential: asks first; cancel keeps it
    const scored = () => store.tables.account!.filter((a) => (a.fields.factor_scores as { factor_id: number }[]).some((s) => s.factor_id === 9001)).length;
    expect(scored()).toBe(3);
    await fireEvent.click(within(row(9001)).getByTestId('factor-delete'));
    expect(await screen.findByText('Delete factor Growth potential? Its scores on every account are removed; you can undo.')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(row(9001)).toBeTruthy();
    await fireEvent.click(within(row(9001)).getByTestId('factor-delete'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(within(dialog).queryAllByTestId('factor-row').some((r) => r.dataset.id === '9001')).toBe(false));
    expect(scored()).toBe(0);
    expect(workspace.history.undo_label).toEqual({ verb: 'delete', entity: 'factor', name: 'Growth potential' });

    await api.undo();
    await workspace.refresh();
    await waitFor(() => expect(row(9001)).toBeTruthy());
    expect(scored()).toBe(3);
  });

  it('keeps markup in a name as text', async () => {
    freshApp();
    const markup = '<img src=x onerror="alert(1)"><b>bold</b>';
    await api.createFactor({ axis: 'attractiveness', name: markup, weight: 1 });
    const dialog = await openSettings();
    const r = within(dialog).getAllByTestId('factor-row').find((x) => input(x, 'factor-name').value === markup);
    expect(r).toBeTruthy();
    expect(dialog.querySelector('img, b')).toBeNull();
    expect(input(r!, 'factor-weight').getAttribute('aria-label')).toBe(`Weight of factor ${markup}`);
    await fireEvent.click(within(r!).getByTestId('factor-delete'));
    expect(await screen.findByText(`Delete factor ${markup}? Its scores on every account are removed; you can undo.`)).toBeTruthy();
    expect(document.querySelector('img, b')).toBeNull();
    await fireEvent.click(screen.getByTestId('confirm-cancel'));
  });

  it('closes on Escape (not while a confirmation is open) and on Close, focus back on the menu', async () => {
    freshApp();
    const dialog = await openSettings();
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await fireEvent.click(within(row(9002)).getByTestId('factor-delete'));
    await screen.findByTestId('confirm-ok');
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('confirm-ok')).toBeNull());
    expect(screen.getByTestId('workspace-settings')).toBeTruthy();

    // Tab from the last control wraps to the first
    const close = screen.getByTestId('workspace-settings-close');
    close.focus();
    await fireEvent.keyDown(close, { key: 'Tab' });
    expect(document.activeElement).toBe(input(row(9001), 'factor-name'));

    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('workspace-settings')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('file-menu'));

    await openSettings();
    await fireEvent.click(screen.getByTestId('workspace-settings-close'));
    await waitFor(() => expect(screen.queryByTestId('workspace-settings')).toBeNull());
  });

  it('is not offered while the workspace is read-only', async () => {
    freshApp();
    await screen.findByTestId('file-menu');
    await waitFor(() => expect(workspace.info).not.toBeNull());
    asOf.set('2025-01-15', workspace.today);
    await fireEvent.click(screen.getByTestId('file-menu'));
    expect((screen.getByTestId('workspace-settings-button') as HTMLButtonElement).disabled).toBe(true);
  });
});
