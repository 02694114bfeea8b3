import { defineConnector } from '@waybill/connector-kit';
import { ediOperations } from './operations/index.js';
import { edifactPartnerCredential, x12PartnerCredential } from './partners/partner-credential-types.js';
import { ediTransportCredentialTypes } from './transport/credential-types.js';
import { fileArrivedTrigger } from './transport/file-arrived.js';

/**
 * The EDI connector: X12 and EDIFACT interchanges read, checked, mapped to and from the canonical
 * entities, acknowledged (997 / CONTRL), and exchanged through a folder or SFTP; trading-partner
 * profiles are its credentials.
 *
 * @example
 * const invoker = createConnectorInvoker([ediConnector]);
 */
export const ediConnector = defineConnector({
  id: 'edi',
  title: 'EDI (X12, EDIFACT)',
  description: 'Purchase orders, acknowledgments, ship notices and invoices with trading partners.',
  icon: 'file-text',
  operations: ediOperations,
  triggers: [fileArrivedTrigger],
  credentialTypes: [x12PartnerCredential, edifactPartnerCredential, ...ediTransportCredentialTypes],
});
