import { describeConnectorContract } from '@waybill/connector-kit/testing';
import { odooConnector } from './connector.js';

describeConnectorContract(odooConnector);
