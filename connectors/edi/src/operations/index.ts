import { writeFileOperation } from '../transport/write-file.js';
import { buildAcknowledgmentOperation } from './build-acknowledgment.js';
import { buildInterchangeOperation } from './build-interchange.js';
import { mapToCanonicalOperation } from './map-to-canonical.js';
import { parseInterchangeOperation } from './parse-interchange.js';
import { recordAcknowledgmentOperation } from './record-acknowledgment.js';
import { validateInterchangeOperation } from './validate-interchange.js';

/** Every EDI node, in the order the palette lists them. */
export const ediOperations = [
  parseInterchangeOperation,
  validateInterchangeOperation,
  mapToCanonicalOperation,
  buildInterchangeOperation,
  buildAcknowledgmentOperation,
  recordAcknowledgmentOperation,
  writeFileOperation,
];
