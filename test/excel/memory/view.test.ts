/** @jest-environment node */
import { displayText as formatCell } from '../../../src/excel/memory';

describe('displayText: what Excel displays for a value in a number format', () => {
  it('formats numbers by the schema number formats', () => {
    expect(formatCell(750000, '#,##0.00')).toBe('750,000.00');
    expect(formatCell(2.2, '0.0000')).toBe('2.2000');
    expect(formatCell(0.05, '0.00%')).toBe('5.00%');
    expect(formatCell(398.4, '0')).toBe('398');
    expect(formatCell(0.1 + 0.2, 'General')).toBe('0.3');
  });

  it('shows date serials as dates and keeps text as typed', () => {
    expect(formatCell(46349, 'yyyy-mm-dd')).toBe('2026-11-23');
    expect(formatCell(46349.75, 'yyyy-mm-dd hh:mm')).toBe('2026-11-23 18:00');
    expect(formatCell('=HYPERLINK("http://x","y")', '@')).toBe('=HYPERLINK("http://x","y")');
    expect(formatCell(true, 'General')).toBe('TRUE');
  });
});
