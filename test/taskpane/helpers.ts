/** The pane's review logic at a fixed clock, and a draft every field of which is valid. */
import { createDeskLogic } from '../../src/taskpane/desk-logic';
import { emptyDraft, type ReviewDraft } from '../../src/taskpane/draft-store';

export const NOW = new Date('2026-02-06T10:00:00Z');
let n = 0;
export const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
export const logic = createDeskLogic({ now: () => NOW, newId });

export const validDraft = (): ReviewDraft => ({
  ...emptyDraft(),
  snapshot: {
    reviewDate: '2026-02-06',
    noteType: 'research handoff note',
    product: 'NdPr oxide',
    priceLow: '747,000-753,000 yuan/mt',
    quoteTime: '2026-02-05T07:12',
    sourceLabel: 'SMM',
    sourceState: 'market',
    priceKind: 'assessment range',
    dataBasis: 'transaction',
    finalRead: 'confirmed',
    nextReviewOwner: 'Desk lead',
  },
  exposure: {
    exposureRoute: 'physical metal',
    instrument: 'NdPr oxide lot',
    quantity: '1,000',
    unit: 'kg',
    bid: '61.5',
    ask: '64',
    positionRole: 'Magnet demand',
    owner: 'Desk lead',
    asOf: '2026-02-06',
  },
  triggers: [
    {
      owner: 'Desk lead',
      openQuestion: 'Holds?',
      evidenceRequest: 'Next review',
      dueDate: '2026-02-13',
      triggerType: 'source age',
      nextAction: 'monitor',
    },
  ],
});
