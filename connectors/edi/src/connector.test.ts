import { describeConnectorContract } from '@waybill/connector-kit/testing';
import { ediConnector } from './connector.js';

describeConnectorContract(ediConnector);
