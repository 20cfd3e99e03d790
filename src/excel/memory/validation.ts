/**
 * A range's data validation. Only list rules are modelled (what the desk uses). A rule names
 * exactly one rule type: "A data validation rule contains different types of data validation. You
 * can only use one of them at a time" (learn.microsoft.com/javascript/api/excel/excel.datavalidationrule),
 * so `{ list, decimal }` or `{}` fails the request with InvalidArgument.
 */
import type { MemoryContext } from './context';
import { invalidArgument } from './errors';
import { matrix, ProxyBase, type ProxyOrigin } from './proxy';
import type { RangeTarget } from './ranges';

const RULE_TYPES = ['custom', 'date', 'decimal', 'list', 'textLength', 'time', 'wholeNumber'];

/** The list source a rule sets, or the reason Excel (or the twin) refuses it. */
function listSource(rule: unknown): string {
  if (typeof rule !== 'object' || rule === null)
    throw invalidArgument('a validation rule is an object');
  const types = Object.entries(rule as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k);
  const unknown = types.filter((t) => !RULE_TYPES.includes(t));
  if (unknown.length > 0) throw invalidArgument(`'${unknown[0]}' is not a validation rule type`);
  if (types.length !== 1)
    throw invalidArgument(
      `a validation rule takes exactly one rule type, got ${types.length} (${types.join(', ')})`,
    );
  if (types[0] !== 'list')
    throw invalidArgument(`the in-memory Excel models list rules only, not ${types[0]}`);
  const source = (rule as { list: { source?: unknown } }).list.source;
  if (typeof source !== 'string' || source === '')
    throw invalidArgument('a list rule needs a source');
  return source;
}

export class DataValidationP extends ProxyBase<RangeTarget> {
  protected readonly props = ['rule', 'type'];
  constructor(context: MemoryContext, bind: () => RangeTarget | null, origin: ProxyOrigin) {
    super(context, bind, origin);
  }
  protected read(r: RangeTarget, prop: string): unknown {
    const first = this.context.model.cell(r.sheet, r.box.row, r.box.col)?.validation;
    if (prop === 'type') return first ? 'List' : 'None';
    return first ? { list: { inCellDropDown: true, source: first } } : {};
  }
  get rule(): unknown {
    return this.get('rule');
  }
  set rule(rule: unknown) {
    this.act(
      'validation',
      'rule = …',
      (r) => {
        const source = listSource(rule);
        matrix(r.box, (i, j) => this.context.model.setValidation(r.sheet, i, j, source));
      },
      rule,
    );
  }
  clear(): void {
    this.act('validation.clear', 'clear()', (r) =>
      matrix(r.box, (i, j) => this.context.model.setValidation(r.sheet, i, j, null)),
    );
  }
}
