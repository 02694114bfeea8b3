import { describe, expect, it } from 'vitest';
import type { Connector } from '../define-connector.js';
import { connectorContractChecks } from './contract-checks.js';

/**
 * The shared connector contract as a vitest suite: one test per rule, failing with the list of
 * problems. Every connector runs it with one line in a test file.
 *
 * @example
 * // connectors/http/src/connector.test.ts
 * describeConnectorContract(httpConnector);
 */
export function describeConnectorContract(connector: Connector): void {
  describe(`${connector.id} connector contract`, () => {
    for (const check of connectorContractChecks(connector)) {
      it(check.rule, () => {
        expect(check.problems()).toEqual([]);
      });
    }
  });
}
