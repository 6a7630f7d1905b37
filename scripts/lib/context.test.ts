import { describe, it, expect } from 'vitest';
import { SourceContext } from './context.ts';
import type { SourceMeta } from './manifest.ts';

const meta = { id: 'demo', home: 'osaka', kind: 'x', file: 'demo.txt', title: 't', publisher: 'p', asOf: '2024-01-01', path: '/x', sha256: '', text: '' } as SourceMeta;

describe('SourceContext', () => {
  it('accounts for every line by precedence, blank lines as layout', () => {
    const ctx = new SourceContext(meta, ['head', '', 'row', 'total', 'prose', '???']);
    ctx.layout(1);
    ctx.record(3);
    ctx.check({ key: 't', line: 4, what: 'total', stated: 1, computed: 1 });
    ctx.note(5);
    expect(ctx.dispositionOf(2)).toBe('layout');
    expect(ctx.dispositionOf(3)).toBe('record');
    expect(ctx.dispositionOf(4)).toBe('check');
    expect(ctx.unexplainedLines()).toEqual([6]);
  });
  it('error(line) names file, line and raw text, and marks the line reported', () => {
    const ctx = new SourceContext(meta, ['a\tb']);
    ctx.error(1, 'fits no shape');
    expect(ctx.problems[0]).toMatchObject({ severity: 'error', file: 'demo.txt', line: 1, raw: 'a\tb', message: 'fits no shape' });
    expect(ctx.dispositionOf(1)).toBe('reported');
  });
  it('a record outranks a warning on the same line', () => {
    const ctx = new SourceContext(meta, ['x']);
    ctx.record(1);
    ctx.warn(1, 'odd date');
    expect(ctx.dispositionOf(1)).toBe('record');
    expect(ctx.problems[0]!.severity).toBe('warning');
  });
  it('refuses lines that do not exist', () => {
    const ctx = new SourceContext(meta, ['x']);
    expect(() => ctx.record(2)).toThrow(/line 2 does not exist/);
  });
});
