import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedCredential } from '@waybill/engine';
import type { Store } from '@waybill/store';

/**
 * The trading-partner profile and outbox folder the example EDI flow uses, created on the first
 * start of the demo and left alone afterwards (an admin may have changed them). The profile
 * matches the sample 850's envelope: the partner sends as 12/4405197800, we are 01/999999999.
 *
 * @example
 * await ensureDemoEdiCredentials(store, './data');
 */
export async function ensureDemoEdiCredentials(store: Store, dataDir: string): Promise<void> {
  const root = join(dataDir, 'edi');
  await mkdir(join(root, 'inbound'), { recursive: true });
  await mkdir(join(root, 'outbound'), { recursive: true });
  if (!(await store.credentials.get('edi-demo-partner'))) {
    await store.credentials.create({
      id: 'edi-demo-partner',
      type: 'edi-x12-partner',
      name: 'Demo partner XYZ Retail (X12)',
      values: demoPartnerValues,
      allowedHosts: [],
    });
  }
  if (!(await store.credentials.get('edi-demo-folder'))) {
    await store.credentials.create({
      id: 'edi-demo-folder',
      type: 'edi-folder',
      name: 'Demo EDI folder',
      values: { root },
      allowedHosts: [],
    });
  }
}

/** The demo partner's profile, also used by the tests of the example flow. */
export const demoPartnerValues: Record<string, string> = {
  partnerName: 'XYZ Retail',
  ourQualifier: '01',
  ourId: '999999999',
  partnerQualifier: '12',
  partnerId: '4405197800',
  groupVersion: '004010VICS',
  acknowledgments: 'yes',
  ackDueHours: '24',
};

/**
 * The same two credentials as resolved values, for running the example EDI flow without a
 * credential store (`waybill test`, `waybill run`): the outbox is the folder given.
 *
 * @example
 * simulatorSecrets(simulators, demoEdiCredentials(await mkdtemp(join(tmpdir(), 'edi-'))));
 */
export function demoEdiCredentials(root: string): ResolvedCredential[] {
  return [
    {
      id: 'edi-demo-partner',
      type: 'edi-x12-partner',
      values: demoPartnerValues,
      secretFields: [],
      allowedHosts: [],
    },
    { id: 'edi-demo-folder', type: 'edi-folder', values: { root }, secretFields: [], allowedHosts: [] },
  ];
}

/** The ids of the demo EDI credentials. */
export const demoEdiCredentialIds: readonly string[] = ['edi-demo-partner', 'edi-demo-folder'];
