import type { SetSchema } from '../../document/set-schema.js';

/**
 * X12 997 functional acknowledgment: AK1 names the group, one AK2 loop per set acknowledged
 * (AK2, its AK3 loops of segment notes, each with its AK4 element notes, then AK5), AK9 closes.
 */
export const x12FunctionalAcknowledgment997: SetSchema = {
  standard: 'x12',
  id: '997',
  title: 'Functional acknowledgment',
  functionalId: 'FA',
  loops: [
    { start: 'AK2', id: 'AK2', members: ['AK5'], loops: [{ start: 'AK3', id: 'AK3', members: ['AK4'] }] },
  ],
};
